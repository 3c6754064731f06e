# make bench: speed and peak memory against the tools a user would pick
# instead, side by side in one run (bench/run-bench.sh). Timings are printed
# and written to bench/last.json; no test asserts them.
.PHONY: bench
bench: all
	@BIN=$(BIN) PYTHON=$(PYTHON) bash bench/run-bench.sh

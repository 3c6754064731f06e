# `make eval`: runs the program on every corpus document, the real reports and their scans,
# and prints per grade: tables found, numeric cells exactly right, budget_lines / projects /
# indicators F1, silent errors, pages per second (eval/run-eval.sh, eval/score.py;
# docs/CORPUS.md "Scoring"). Results as JSON in eval/last.json.
#   make eval EVAL_GRADES=digital,real   only some grades
#   make eval EVAL_JOBS=1                one document at a time
EVAL_OUT     ?= out/eval
EVAL_JOBS    ?= 2
EVAL_TIMEOUT ?= 600
EVAL_GRADES  ?=
EVAL_REAL    ?= ../shared/real

.PHONY: eval
eval: all
	@BIN=$(BIN) PYTHON=$(PYTHON) OUT=$(EVAL_OUT) JOBS=$(EVAL_JOBS) TIMEOUT=$(EVAL_TIMEOUT) \
	  GRADES=$(EVAL_GRADES) REAL=$(EVAL_REAL) MANIFEST=corpus/MANIFEST.tsv JSON=eval/last.json \
	  bash eval/run-eval.sh

#!/usr/bin/env bash
# A short libFuzzer run of each target in tests/fuzz/ (normalisers, number,
# indicator and subject-code parsers, layout on synthetic Page IR): built by
# `make fuzz-build` into build-fuzz/, FUZZ_RUNS inputs each (`make fuzz` runs
# them for minutes). Skipped when clang's libFuzzer is not available.
. "$(dirname "$0")/../lib/tap.sh"
RUNS=${FUZZ_RUNS:-20000}

printf '#include <stdint.h>\n#include <stddef.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' >"$TRASH/probe.c"
if ! command -v clang >/dev/null ||
   ! clang -fsanitize=fuzzer,address,undefined "$TRASH/probe.c" -o "$TRASH/probe" >/dev/null 2>&1; then
  test_skip "clang with libFuzzer (-fsanitize=fuzzer) is not available"
  test_done
  exit 0
fi

test_expect_success 'the fuzz targets build (make fuzz-build)' '
  make -C "$TOP" --no-print-directory fuzz-build >build.log 2>&1 || { tail -n 30 build.log; exit 1; }
'
for src in "$TOP"/tests/fuzz/fuzz_*.c; do
  name=$(basename "$src" .c)
  test_expect_success "$name: $RUNS inputs without a crash, leak or UB" '
    mkdir -p corpus-'"$name"' &&
    "$TOP/build-fuzz/'"$name"'" -runs='"$RUNS"' -seed=1 -max_len=512 corpus-'"$name"' >log 2>&1 ||
      { tail -n 40 log; exit 1; }
    grep -q "Done '"$RUNS"' runs" log
  '
done
test_done

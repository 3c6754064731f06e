#!/usr/bin/env bash
# Runs every unit test binary and every end-to-end script, once per build
# named in B2J_BUILDS (e.g. "build build-asan"), and ends with the line
# "N passed, N failed". Exit status 0 only when nothing failed.
set -u
cd "$(dirname "$0")/.."
builds=${B2J_BUILDS:-build}
pass=0
fail=0
failed_names=()
export PYTHON=${PYTHON:-/usr/bin/python3}
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:detect_odr_violation=0
export LSAN_OPTIONS=suppressions=$PWD/tests/lib/lsan.supp:print_suppressions=0
export OMP_THREAD_LIMIT=1

count() { # $1 = name, $2 = TAP output file, $3 = exit status
  local ok notok
  ok=$(grep -cE '^ok [0-9]+' "$2")
  notok=$(grep -cE '^not ok [0-9]+' "$2")
  pass=$((pass + ok))
  fail=$((fail + notok))
  if [ "$3" != 0 ] && [ "$notok" = 0 ]; then
    # Crashed or exited non-zero without a failing line: that is a failure too.
    fail=$((fail + 1))
    failed_names+=("$1 (exit $3)")
    tail -n 30 "$2" | sed 's/^/#   /'
  elif [ "$notok" != 0 ]; then
    failed_names+=("$1")
  fi
}

for b in $builds; do
  [ -x "$b/budget2json" ] || { echo "missing $b/budget2json: build first"; exit 2; }
  export B2J=$PWD/$b/budget2json
  export B2J_BUILD=$b
  echo "# === build: $b"
  for t in "$b"/tests/test_*; do
    [ -x "$t" ] || continue
    out=$(mktemp)
    timeout 600 "$t" >"$out" 2>&1
    rc=$?
    grep -E '^(not ok|#)' "$out" | head -n 40
    echo "# $(basename "$t"): $(grep -cE '^ok [0-9]+' "$out") ok, $(grep -cE '^not ok [0-9]+' "$out") not ok"
    count "$b:$(basename "$t")" "$out" "$rc"
    rm -f "$out"
  done
  for t in tests/e2e/t[0-9]*.sh; do
    [ -f "$t" ] || continue
    out=$(mktemp)
    timeout 900 bash "$t" >"$out" 2>&1
    rc=$?
    grep -E '^(not ok|#)' "$out" | head -n 60
    echo "# $(basename "$t"): $(grep -cE '^ok [0-9]+' "$out") ok, $(grep -cE '^not ok [0-9]+' "$out") not ok"
    count "$b:$(basename "$t")" "$out" "$rc"
    rm -f "$out"
  done
done

if [ ${#failed_names[@]} -gt 0 ]; then
  echo "# failing: ${failed_names[*]}"
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]

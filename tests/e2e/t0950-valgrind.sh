#!/usr/bin/env bash
# memcheck on the plain build: no invalid access, no uninitialised read, no
# definite leak, on a bad input, a small report and a performance form.
. "$(dirname "$0")/../lib/tap.sh"

if ldd "$B2J" | grep -q libasan || ! command -v valgrind >/dev/null; then
  test_skip "valgrind runs on the plain build only"
  test_done
  exit
fi
memcheck() {
  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
    "$B2J" -q "$1" >/dev/null 2>vg.txt
  [ $? != 99 ] || { cat vg.txt; return 1; }
}
test_expect_success 'memcheck clean on a truncated PDF' '
  memcheck "$TOP/tests/data/bad/truncated.pdf"
'
for id in syn-001 syn-011; do
  f=$CORPUS/pdf/digital/$id.pdf
  [ -f "$f" ] || continue
  test_expect_success "memcheck clean on corpus $id (tables, lines, checks)" '
    memcheck "$f"
  '
done
test_done

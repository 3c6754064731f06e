#!/usr/bin/env bash
# make valgrind: runs the plain build under memcheck on a few inputs (good and
# bad) and fails on any error or definite leak.
set -u
B2J=${1:-build/budget2json}
cd "$(dirname "$0")/.."
# Tesseract re-executes the program to set this when it is missing; under
# valgrind that second process would escape the check.
export OMP_THREAD_LIMIT=1
inputs=(tests/data/bad/text.pdf tests/data/bad/truncated.pdf tests/data/bad/encrypted.pdf
        tests/data/bad/blank-images.pdf)
[ -f corpus/pdf/digital/seed-001.pdf ] && inputs+=(corpus/pdf/digital/seed-001.pdf)
status=0
for f in "${inputs[@]}"; do
  if valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
      "$B2J" -q "$f" >/dev/null 2>/tmp/b2j-valgrind.log; [ $? = 99 ]; then
    echo "valgrind: errors on $f"; cat /tmp/b2j-valgrind.log; status=1
  else
    echo "valgrind: clean on $f"
  fi
done
exit $status

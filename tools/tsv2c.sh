#!/bin/sh
# Turns data/subjects.tsv into a C array compiled into the library, so the
# program carries its lexicon and needs no data file at run time.
# Usage: tools/tsv2c.sh data/subjects.tsv > build/gen/subjects_data.c
set -eu
echo '/* Generated from data/subjects.tsv by tools/tsv2c.sh: do not edit. */'
echo '#include <stddef.h>'
echo 'extern const char *const b2j_subject_rows[];'
echo 'const char *const b2j_subject_rows[] = {'
grep -v '^#' "$1" | LC_ALL=C sort -t '	' -k1,1 -s | awk -F '\t' 'NF >= 3 {
  for (i = 1; i <= 4; i++) { gsub(/\\/, "\\\\", $i); gsub(/"/, "\\\"", $i) }
  printf "  \"%s\", \"%s\", \"%s\", \"%s\",\n", $1, $2, $3, ($4 == "" ? "standard" : $4)
}'
echo '  NULL};'

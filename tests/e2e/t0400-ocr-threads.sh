#!/usr/bin/env bash
# Pages OCR'd in parallel within one document (--threads).
. "$(dirname "$0")/../lib/tap.sh"
SCAN=$TOP/corpus/pdf/scan-clean/syn-001.pdf

test_expect_success '--threads 0 is a usage error (exit 2)' '
  "$B2J" --threads 0 "$SCAN" 2>err; test $? = 2 && grep -q -- "--threads" err
'
test_expect_success 'a scan read on one thread has every page from OCR' '
  "$B2J" --threads 1 "$SCAN" >one.json &&
  jq -e "[.pages[].source] | length > 1 and all(. == \"ocr\")" one.json
'
test_expect_success 'two threads give byte for byte the JSON of one thread' '
  "$B2J" --threads 2 "$SCAN" >two.json && cmp one.json two.json
'
test_expect_success 'B2J_THREADS chooses the threads when --threads is not given' '
  B2J_THREADS=2 "$B2J" "$SCAN" >env.json && cmp one.json env.json
'
test_expect_success 'a lone scan in a batch at -j 2 (its pages take the idle place) reads as on one thread' '
  mkdir -p j2 && env -u B2J_THREADS "$B2J" -q -j 2 -o j2 "$SCAN" &&
  jq -S . one.json >want && jq -S . j2/syn-001.json >got && cmp want got
'
test_expect_success 'two scans and a bad file at -j 3 share the batch slots and read as on one thread' '
  mkdir -p in j3 && cp "$SCAN" in/a.pdf && cp "$SCAN" in/b.pdf && echo "<html>" >in/c.pdf &&
  env -u B2J_THREADS "$B2J" -q -j 3 -o j3 in; test $? = 1 &&
  jq -S "del(.source.file)" one.json >want &&
  jq -S "del(.source.file)" j3/a.json >a && cmp want a &&
  jq -S "del(.source.file)" j3/b.json >b && cmp want b &&
  jq -e ".status == \"failed\"" j3/c.json
'
test_expect_success 'without OCR models every page is reported needs_ocr and the document failed' '
  TESSDATA_PREFIX=/nonexistent "$B2J" --threads 2 "$SCAN" >none.json; test $? = 1 &&
  jq -e ".status == \"failed\" and .warnings[0].code == \"ocr_unavailable\" and
         ([.warnings[] | select(.code == \"needs_ocr\") | .page] == [1,2,3])" none.json
'
test_done

#!/usr/bin/env bash
# Isolation and resume: a crashing, hanging or memory-hungry document costs
# only itself; a batch killed at any moment leaves whole outputs and the next
# run finishes the rest. Uses the test hooks B2J_TEST_CRASH_ON, B2J_TEST_HANG_ON,
# B2J_TEST_OOM_ON and B2J_TEST_DELAY_MS (see budget2json(1), ENVIRONMENT).
. "$(dirname "$0")/../lib/tap.sh"
BAD=$TOP/tests/data/bad

# twenty copies of a small PDF, named d01.pdf .. d20.pdf
make_copies() {
  mkdir -p "$1" && for i in $(seq -w 1 20); do cp "$BAD/text.pdf" "$1/d$i.pdf"; done
}

test_expect_success 'a crashing child gives a failed "crashed" object; the rest go on' '
  make_copies in &&
  B2J_TEST_CRASH_ON=d05 "$B2J" -j 2 --jsonl c.jsonl in 2>err; test $? = 1 &&
  test $(wc -l <c.jsonl) = 20 &&
  jq -s -e "[.[] | select(.status != \"ok\")] | length == 1 and .[0].errors[0].code == \"crashed\" and (.[0].source.file | endswith(\"d05.pdf\"))" c.jsonl &&
  grep -q "crashed (signal 6" err
'
test_expect_success 'a hanging child is killed at --timeout: "timeout"; the rest go on' '
  B2J_TEST_HANG_ON=d07 timeout 120 "$B2J" -j 2 --timeout 2 --jsonl h.jsonl in 2>err; test $? = 1 &&
  test $(wc -l <h.jsonl) = 20 &&
  jq -s -e "[.[] | select(.status != \"ok\")] | length == 1 and .[0].errors[0].code == \"timeout\"" h.jsonl &&
  grep -q "after 2 s" err
'
test_expect_success 'a child over --max-memory gives "out_of_memory"' '
  case "${B2J_BUILD:-}" in *asan*) echo "ASan builds set no address-space limit"; exit 0;; esac
  B2J_TEST_OOM_ON=d03 "$B2J" -j 2 --max-memory 256 --jsonl m.jsonl in 2>err; test $? = 1 &&
  jq -s -e "[.[] | select(.status != \"ok\")] | length == 1 and .[0].errors[0].code == \"out_of_memory\"" m.jsonl
'
test_expect_success 'a re-run skips what is done (same sha256 and version)' '
  "$B2J" -j 2 --jsonl c.jsonl --summary r.json in 2>err; test $? = 1 &&
  test $(wc -l <c.jsonl) = 20 && jq -e ".skipped == 20 and .failed == 1" r.json
'
test_expect_success '--force redoes them' '
  "$B2J" -q -j 2 --force --jsonl c.jsonl in && test $(wc -l <c.jsonl) = 40
'
test_expect_success 'a changed input is redone (its sha256 differs)' '
  "$B2J" -q -j 2 -o o in && cp "$BAD/many-pages.pdf" in/d09.pdf &&
  "$B2J" -j 2 -o o --summary ch.json in 2>err &&
  jq -e ".skipped == 19" ch.json && test "$(jq .source.pages o/d09.json)" = 300 &&
  cp "$BAD/text.pdf" in/d09.pdf
'
test_expect_success 'a truncated last line (SIGKILL mid-write) is dropped and redone' '
  "$B2J" -q -j 2 --jsonl t.jsonl in && head -c 100 <(head -n1 t.jsonl | sed "s/d01/d99/") >>t.jsonl &&
  "$B2J" -j 2 --jsonl t.jsonl in 2>err && grep -q "truncated last line" err &&
  test $(wc -l <t.jsonl) = 20 && jq -c . t.jsonl >/dev/null
'
test_expect_success 'SIGKILL mid-batch (--jsonl), then a re-run: complete, no duplicates' '
  make_copies k &&
  ( B2J_TEST_DELAY_MS=300 "$B2J" -q -j 2 --jsonl k.jsonl k & pid=$!; sleep 1.5; kill -KILL $pid; wait $pid ) ;
  n1=$(wc -l <k.jsonl 2>/dev/null || echo 0) && echo "first run: $n1 lines" && test "$n1" -lt 20 &&
  jq -c . k.jsonl >/dev/null &&
  "$B2J" -q -j 2 --jsonl k.jsonl k && test $(wc -l <k.jsonl) = 20 &&
  test $(jq -r .source.file k.jsonl | sort -u | wc -l) = 20
'
test_expect_success 'SIGKILL mid-batch (-o): only whole files, and the re-run completes' '
  ( B2J_TEST_DELAY_MS=300 "$B2J" -q -j 2 -o ko k & pid=$!; sleep 1.5; kill -KILL $pid; wait $pid ) ;
  n1=$(ls ko | grep -c "\.json$"); echo "first run: $n1 files"; test "$n1" -lt 20 &&
  for f in ko/*.json; do jq -e .schema "$f" >/dev/null || exit 1; done &&
  touch ko/d01.json.AbC123 ko/other.json.XyZ789 &&
  "$B2J" -j 2 -o ko --summary ko.json k 2>err && test $(ls ko/*.json | wc -l) = 20 &&
  jq -e ".skipped == $n1 and .ok == 20" ko.json &&
  test ! -e ko/d01.json.AbC123 && test -e ko/other.json.XyZ789 && test $(ls -A ko | wc -l) = 21
'
test_expect_success 'no child outlives a SIGKILLed batch' '
  sleep 0.5; ! ps -eo args | grep -v grep | grep -q -- "-o ko k$"
'
for sig in INT TERM; do
test_expect_success "SIG$sig: children stopped, summary printed, exit 1, re-run completes" '
  rm -rf s && make_copies s &&
  ( B2J_TEST_DELAY_MS=400 "$B2J" -j 2 --jsonl s.jsonl --summary s.json s 2>err & pid=$!; sleep 1.2; kill -'$sig' $pid; wait $pid; echo $? >rc ) &&
  test "$(cat rc)" = 1 && grep -q "stopped by signal" err && grep -q "20 inputs:" err &&
  jq -e ".interrupted == true and .not_done > 0" s.json &&
  ! ps -eo args | grep -v grep | grep -q -- "--jsonl s.jsonl" &&
  "$B2J" -q -j 2 --jsonl s.jsonl s && test $(wc -l <s.jsonl) = 20 &&
  test $(jq -r .source.file s.jsonl | sort -u | wc -l) = 20 && rm s.jsonl
'
done
test_expect_success 'every output of this test validates against the schema' '
  validate_schema c.jsonl h.jsonl k.jsonl t.jsonl ko/*.json
'
test_done

#!/usr/bin/env bash
# The command line: help, version, usage errors, output modes.
. "$(dirname "$0")/../lib/tap.sh"
BAD=$TOP/tests/data/bad

test_expect_success '--version prints the name and a version' '
  "$B2J" --version | grep -E "^budget2json [0-9]+\.[0-9]+\.[0-9]+$"
'
test_expect_success '--help names the options and the exit status' '
  "$B2J" --help >help && grep -q -- "--output-dir" help && grep -q -- "--jsonl" help &&
  grep -q "Exit status" help
'
test_expect_success 'no input is a usage error (exit 2)' '
  "$B2J" 2>err; test $? = 2 && grep -q "no input files" err
'
test_expect_success 'an unknown option is a usage error (exit 2)' '
  "$B2J" --no-such-option x.pdf 2>err; test $? = 2 && grep -q "no-such-option" err
'
test_expect_success 'one file gives one pretty JSON object on stdout, exit 0' '
  "$B2J" "$BAD/text.pdf" >out.json && test "$(head -c1 out.json)" = "{" &&
  test $(wc -l <out.json) -gt 5 && jq -e ".schema == \"budget2json/1\"" out.json
'
test_expect_success 'source carries the sha256 and size of the file' '
  "$B2J" "$BAD/text.pdf" >out.json &&
  test "$(jq -r .source.sha256 out.json)" = "$(sha256sum "$BAD/text.pdf" | cut -d" " -f1)" &&
  test "$(jq -r .source.bytes out.json)" = "$(stat -c %s "$BAD/text.pdf")" &&
  test "$(jq -r .source.pages out.json)" = 1
'
test_expect_success 'two files give two JSON lines' '
  "$B2J" "$BAD/text.pdf" "$BAD/text.pdf" >out.jsonl && test $(wc -l <out.jsonl) = 2 &&
  jq -e -s "length == 2" out.jsonl
'
test_expect_success '--jsonl FILE writes one line per input' '
  "$B2J" --jsonl res.jsonl "$BAD/text.pdf" "$BAD/empty.pdf"; test $? = 1 &&
  test $(wc -l <res.jsonl) = 2 && jq -e -s ".[1].status == \"failed\"" res.jsonl
'
test_expect_success '-o DIR writes NAME.json per input and nothing on stdout' '
  "$B2J" -o out "$BAD/text.pdf" >stdout && test ! -s stdout && test -f out/text.json &&
  jq -e ".status == \"ok\"" out/text.json && ! ls out/.*tmp* 2>/dev/null
'
test_expect_success '-o DIR keeps two inputs with the same name apart' '
  mkdir -p a b && cp "$BAD/text.pdf" a/x.pdf && cp "$BAD/text.pdf" b/x.pdf &&
  "$B2J" -o out2 a/x.pdf b/x.pdf && test $(ls out2 | wc -l) = 2
'
test_expect_success '-o and --jsonl together are a usage error' '
  "$B2J" -o d --jsonl f "$BAD/text.pdf" 2>err; test $? = 2
'
test_expect_success 'every output of this test validates against the schema' '
  "$B2J" "$BAD/text.pdf" >a.json && "$B2J" --jsonl b.jsonl "$BAD/text.pdf" "$BAD/empty.pdf";
  validate_schema a.json b.jsonl
'
test_done

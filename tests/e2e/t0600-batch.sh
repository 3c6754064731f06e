#!/usr/bin/env bash
# Batch mode: folders, stdin lists, -j, -o naming, --jsonl order, summary, exit status.
. "$(dirname "$0")/../lib/tap.sh"
BAD=$TOP/tests/data/bad

# A small tree: two same-named files in different folders, a PDF without the
# .pdf suffix, a text file that is not an input, and a PDF-named HTML page.
make_tree() {
  mkdir -p in/a in/b in/a/deep &&
  cp "$BAD/text.pdf" in/a/x.pdf && cp "$BAD/text.pdf" in/b/x.pdf &&
  cp "$BAD/text.pdf" in/a/deep/no-suffix && echo "not an input" >in/b/readme.txt &&
  cp "$BAD/page.html.pdf" in/b/page.pdf
}

test_expect_success 'a folder is walked recursively; PDFs are found by content' '
  make_tree && "$B2J" -j 2 --jsonl all.jsonl --summary sum.json in 2>err; test $? = 1 &&
  jq -r .source.file all.jsonl >files &&
  printf "%s\n" in/a/deep/no-suffix in/a/x.pdf in/b/page.pdf in/b/x.pdf >want &&
  diff want files && ! grep -q readme files
'
test_expect_success 'a .pdf that is not a PDF is reported, not dropped' '
  jq -s -e "map(select(.source.file == \"in/b/page.pdf\")) | .[0].status == \"failed\" and .[0].errors[0].code == \"not_pdf\"" all.jsonl
'
test_expect_success 'the summary accounts for every input, by status' '
  jq -e ".inputs == 4 and .ok == 3 and .failed == 1 and .partial == 0 and .not_done == 0 and (.files | length) == 4 and .failed_by_code.not_pdf == 1" sum.json &&
  grep -q "4 inputs: 3 ok, 0 partial, 1 failed" err
'
test_expect_success 'JSON Lines come in input order whatever -j finishes first' '
  "$B2J" -j 3 -q "$BAD/empty.pdf" "$BAD/text.pdf" "$BAD/truncated.pdf" "$BAD/many-pages.pdf" "$BAD/text.pdf" >o.jsonl;
  jq -r .source.file o.jsonl | xargs -n1 basename | tr "\n" " " >order &&
  test "$(cat order)" = "empty.pdf text.pdf truncated.pdf many-pages.pdf text.pdf "
'
test_expect_success 'batch results are the same as single-file runs' '
  "$B2J" -c "$BAD/text.pdf" >single.json && "$B2J" -j 2 "$BAD/text.pdf" "$BAD/empty.pdf" >b.jsonl 2>/dev/null;
  head -n1 b.jsonl | cmp - single.json
'
test_expect_success 'a list of paths on stdin (-)' '
  printf "%s\n" "$BAD/text.pdf" in/a >list && "$B2J" -q -j 2 - <list >s.jsonl &&
  test $(wc -l <s.jsonl) = 3 && jq -s -e "map(.status) == [\"ok\",\"ok\",\"ok\"]" s.jsonl
'
test_expect_success 'same-name inputs in different folders never collide in -o' '
  "$B2J" -q -j 2 -o out in; test $? = 1 && ls out >names && test $(grep -c "^x-[0-9a-f]\{8\}\.json$" names) = 2 &&
  grep -qx no-suffix.json names && grep -qx page.json names &&
  jq -r .source.file out/x-*.json | sort | tr "\n" " " | grep -q "in/a/x.pdf in/b/x.pdf"
'
test_expect_success 'the -o names are the same on every run (deterministic)' '
  "$B2J" -q -j 1 --force -o out2 in; (cd out && ls) >n1 && (cd out2 && ls) >n2 && diff n1 n2
'
test_expect_success 'a unique name keeps the plain NAME.json' '
  "$B2J" -q -j 2 -o out3 "$BAD/text.pdf" && test -f out3/text.json
'
test_expect_success 'a symlink loop in an input folder is reported, not followed forever' '
  mkdir -p loop/sub && cp "$BAD/text.pdf" loop/sub/a.pdf && ln -s .. loop/sub/up && ln -s . loop/self &&
  timeout 60 "$B2J" -j 2 --summary ls.json loop >l.jsonl 2>err &&
  test $(wc -l <l.jsonl) = 1 && grep -q "symbolic link loop" err &&
  jq -e "(.notes | length) == 2 and .inputs == 1" ls.json
'
test_expect_success 'a folder with no PDF in it is accounted for (unreadable)' '
  mkdir empty && "$B2J" -j 1 empty >e.jsonl 2>err; test $? = 1 &&
  jq -e ".status == \"failed\" and .errors[0].code == \"unreadable\"" e.jsonl
'
test_expect_success 'exit status 0 when every document is ok' '
  "$B2J" -q -j 2 "$BAD/text.pdf" in/a/x.pdf >/dev/null
'
test_expect_success 'usage errors exit 2: -j 0, negative --timeout' '
  "$B2J" -j 0 "$BAD/text.pdf" 2>err; test $? = 2 &&
  "$B2J" --timeout -5 "$BAD/text.pdf" 2>err; test $? = 2
'
test_expect_success '--quiet prints nothing on stderr' '
  "$B2J" -q -j 2 --jsonl q.jsonl "$BAD/text.pdf" "$BAD/empty.pdf" 2>err; test $? = 1 && test ! -s err
'
test_expect_success 'not a terminal: one plain progress line per document' '
  "$B2J" -j 2 --jsonl p.jsonl "$BAD/text.pdf" "$BAD/text.pdf" 2>err &&
  test $(grep -c "^budget2json: \[[0-9]/2\] ok" err) = 2 && ! grep -q "$(printf "\r")" err
'
test_expect_success 'on a terminal: a progress bar with files, pages, rate and ETA' '
  if ! command -v script >/dev/null; then echo "no script(1)"; exit 0; fi
  script -qec "\"$B2J\" -j 2 --jsonl t.jsonl \"$BAD/text.pdf\" \"$BAD/many-pages.pdf\"" /dev/null >tty.out 2>&1;
  grep -q "files/s" tty.out && grep -q "ETA" tty.out && grep -q "pages" tty.out
'
test_expect_success 'the man page renders and documents every long option of --help' '
  "$B2J" --help | grep -o -- "--[a-z][a-z-]*" | sort -u >opts && test -s opts &&
  groff -man -Tutf8 "$TOP/docs/budget2json.1" 2>groff.err | sed "s/.\x08//g" >man.txt &&
  test ! -s groff.err && while read -r o; do
    [ "$o" = --help ] && continue; grep -q -- "$o" man.txt || { echo "missing $o"; exit 1; }; done <opts
'
test_expect_success 'every output of this test validates against the schema' '
  validate_schema all.jsonl o.jsonl s.jsonl out/*.json l.jsonl e.jsonl
'
test_done

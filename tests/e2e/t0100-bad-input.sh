#!/usr/bin/env bash
# Bad input: a clear error, a failed (or partial) object, no crash, no hang.
. "$(dirname "$0")/../lib/tap.sh"
BAD=$TOP/tests/data/bad

# expect_failed FILE CODE [extra args]: exit 1, status failed, errors[0].code.
expect_failed() {
  local f=$1 code=$2; shift 2
  "$B2J" "$@" "$f" >out.json 2>err
  local rc=$?
  test $rc = 1 || { echo "exit $rc, want 1"; return 1; }
  jq -e --arg c "$code" '.status == "failed" and (.errors | length) >= 1 and .errors[0].code == $c' out.json ||
    { cat out.json err; return 1; }
  validate_schema out.json
}

test_expect_success 'an empty file is not_pdf' '
  expect_failed "$BAD/empty.pdf" not_pdf && grep -q "empty" err
'
test_expect_success 'HTML saved as .pdf is not_pdf and says HTML' '
  expect_failed "$BAD/page.html.pdf" not_pdf && grep -q "HTML" err
'
test_expect_success 'a text file named .pdf is not_pdf' '
  expect_failed "$BAD/notes.txt.pdf" not_pdf
'
test_expect_success 'a header followed by garbage is damaged' '
  expect_failed "$BAD/header-only.pdf" damaged
'
test_expect_success 'a truncated PDF fails cleanly as damaged, quoting the file' '
  expect_failed "$BAD/truncated.pdf" damaged && grep -q "truncated.pdf" err
'
test_expect_success 'an encrypted PDF without --password is encrypted' '
  expect_failed "$BAD/encrypted.pdf" encrypted && grep -q -- "--password" err
'
test_expect_success 'an encrypted PDF with a wrong password is encrypted' '
  expect_failed "$BAD/encrypted.pdf" encrypted --password wrong
'
test_expect_success 'an encrypted PDF with the right password is read' '
  "$B2J" --password secret "$BAD/encrypted.pdf" >out.json &&
  jq -e ".status == \"ok\" and .source.pages == 1" out.json
'
test_expect_success 'a PDF with an owner password only opens without one' '
  "$B2J" "$BAD/encrypted-no-user-password.pdf" >out.json && jq -e ".status == \"ok\"" out.json
'
test_expect_success 'a PDF with zero pages fails with no_pages' '
  expect_failed "$BAD/zero-pages.pdf" no_pages
'
# AddressSanitizer reserves terabytes of shadow address space, so the
# address-space cap only applies to the plain build.
test_expect_success 'a 20000x20000 pt page is read without exhausting memory' '
  ( if ! ldd "$B2J" | grep -q libasan; then ulimit -v 2000000; fi
    "$B2J" "$BAD/huge-page.pdf" >out.json ) &&
  jq -e ".status == \"ok\" and .pages[0].page == 1" out.json
'
test_expect_success 'blank image pages are reported per page, not crashed on' '
  "$B2J" "$BAD/blank-images.pdf" >out.json 2>err; test $? = 1 &&
  jq -e "(.pages | length) == 3 and ([.warnings[] | select(.code == \"blank_page\")] | length) == 3" out.json &&
  validate_schema out.json
'
test_expect_success '--max-pages reads only the first N pages and says so' '
  "$B2J" --max-pages 10 "$BAD/many-pages.pdf" >out.json; test $? = 1 &&
  jq -e ".status == \"partial\" and (.pages | length) == 10 and .source.pages == 300 and .errors[0].code == \"too_many_pages\"" out.json
'
test_expect_success 'a missing file is unreadable and names the file' '
  expect_failed "$TRASH/no-such.pdf" unreadable && grep -q "no-such.pdf" err
'
test_expect_success 'a directory given as input is unreadable' '
  mkdir d && expect_failed "$TRASH/d" unreadable
'
test_expect_success 'an unreadable file is unreadable (when not root)' '
  if [ "$(id -u)" = 0 ]; then exit 0; fi
  cp "$BAD/text.pdf" locked.pdf && chmod 000 locked.pdf && expect_failed locked.pdf unreadable
'
test_expect_success 'an output folder that is not writable is a clear error, exit 2' '
  if [ "$(id -u)" = 0 ]; then
    "$B2J" -o /proc/version/x "$BAD/text.pdf" 2>err; test $? = 2 && grep -q "output directory" err
  else
    mkdir ro && chmod 555 ro && "$B2J" -o ro "$BAD/text.pdf" 2>err; test $? = 2
  fi
'
test_expect_success 'a full disk is a clear error, not a half-written file' '
  if [ ! -w /dev/full ]; then exit 0; fi
  "$B2J" "$BAD/text.pdf" >/dev/full 2>err; test $? = 1 && grep -q "unable to write" err
'
test_expect_success 'one bad file among good ones: each gets its own object' '
  "$B2J" --jsonl all.jsonl "$BAD/text.pdf" "$BAD/empty.pdf" "$BAD/truncated.pdf" "$BAD/text.pdf";
  test $? = 1 && jq -s -e "map(.status) == [\"ok\",\"failed\",\"failed\",\"ok\"]" all.jsonl
'
test_done

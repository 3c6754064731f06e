#!/usr/bin/env bash
# Bad input in a batch: every class gets its clear errors[] entry or message,
# and nothing else in the batch is lost.
. "$(dirname "$0")/../lib/tap.sh"
BAD=$TOP/tests/data/bad

# code_of FILE.jsonl NAME: the first error code of the object whose source.file ends in NAME.
code_of() {
  jq -r --arg n "$2" 'select(.source.file | endswith($n)) | (.errors[0].code // "none")' "$1"
}
status_of() {
  jq -r --arg n "$2" 'select(.source.file | endswith($n)) | .status' "$1"
}

test_expect_success 'a folder of every bad input: one object each, the right codes' '
  mkdir bad && cp "$BAD"/*.pdf bad/ &&
  if [ "$(id -u)" = 0 ]; then ln -s does-not-exist bad/unreadable.pdf;
  else cp "$BAD/text.pdf" bad/unreadable.pdf && chmod 000 bad/unreadable.pdf; fi &&
  "$B2J" -j 2 --max-pages 50 --jsonl r.jsonl --summary s.json bad 2>err; test $? = 1 &&
  test $(wc -l <r.jsonl) = 13 && jq -e ".inputs == 13 and .not_done == 0" s.json &&
  test "$(code_of r.jsonl /empty.pdf)" = not_pdf &&
  test "$(code_of r.jsonl /notes.txt.pdf)" = not_pdf &&
  test "$(code_of r.jsonl /page.html.pdf)" = not_pdf &&
  test "$(code_of r.jsonl /truncated.pdf)" = damaged &&
  test "$(code_of r.jsonl /header-only.pdf)" = damaged &&
  test "$(code_of r.jsonl /encrypted.pdf)" = encrypted &&
  test "$(code_of r.jsonl /zero-pages.pdf)" = no_pages &&
  test "$(code_of r.jsonl /many-pages.pdf)" = too_many_pages &&
  test "$(code_of r.jsonl /unreadable.pdf)" = unreadable &&
  test "$(status_of r.jsonl /huge-page.pdf)" = ok &&
  test "$(status_of r.jsonl /text.pdf)" = ok &&
  test "$(status_of r.jsonl /encrypted-no-user-password.pdf)" = ok &&
  test "$(status_of r.jsonl /blank-images.pdf)" != ok &&
  grep -q "HTML" err && grep -q -- "--password" err
'
# as_user CMD...: runs CMD as an unprivileged user (root reads any file, so
# permission tests drop to nobody with setpriv when run as root).
as_user() {
  if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi
}
if [ "$(id -u)" != 0 ] || command -v setpriv >/dev/null; then
test_expect_success 'permission denied: unreadable, the rest of the folder read' '
  chmod 711 "$TRASH" && mkdir perm && cp "$BAD/text.pdf" perm/locked.pdf &&
  cp "$BAD/text.pdf" perm/ok.pdf && chmod 755 perm && chmod 644 perm/ok.pdf &&
  chmod 000 perm/locked.pdf && (as_user "$B2J" -j 1 perm >perm.jsonl 2>err); test $? = 1 &&
  jq -s -e "map(.status) == [\"failed\", \"ok\"] and .[0].errors[0].code == \"unreadable\"" perm.jsonl &&
  grep -q "Permission denied" err
'
test_expect_success 'permission denied on the output folder: clear message, exit 2' '
  mkdir -p ro && chmod 555 ro && (as_user "$B2J" -j 1 -o ro "$BAD/text.pdf" 2>err); test $? = 2 &&
  grep -q "not writable" err
'
else
  test_skip "root without setpriv: no way to be denied a file"
fi
test_expect_success 'encrypted with --password in a batch: read' '
  "$B2J" -j 2 --password secret "$BAD/encrypted.pdf" "$BAD/text.pdf" >p.jsonl 2>err &&
  jq -s -e "map(.status) == [\"ok\",\"ok\"]" p.jsonl
'
test_expect_success 'blank image pages: each page reported, nothing crashed' '
  "$B2J" -j 1 "$BAD/blank-images.pdf" >bi.jsonl 2>err; test $? = 1 &&
  jq -e "([.warnings[] | select(.code == \"blank_page\")] | length) == 3" bi.jsonl
'
test_expect_success 'a 20000x20000 pt page stays inside the memory limit' '
  "$B2J" -j 1 --max-memory 2000 "$BAD/huge-page.pdf" >hp.jsonl &&
  jq -e ".status == \"ok\"" hp.jsonl
'
test_expect_success 'a 5000-page PDF (made here) stops at the page limit' '
  "$PYTHON" - big.pdf <<-\PY &&
	import sys
	n = 5000
	out = bytearray(b"%PDF-1.4\n")
	offs = []
	def obj(body):
	    offs.append(len(out))
	    out.extend(b"%d 0 obj\n" % len(offs) + body + b"\nendobj\n")
	kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(n))
	obj(b"<< /Type /Catalog /Pages 2 0 R >>")
	obj(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n)
	c = b"BT /F1 12 Tf 72 770 Td (Page 1.00) Tj ET"
	obj(b"<< /Length %d >>\nstream\n" % len(c) + c + b"\nendstream")
	obj(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	for i in range(n):
	    obj(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>")
	x = len(out)
	out.extend(b"xref\n0 %d\n0000000000 65535 f \n" % (len(offs) + 1))
	for o in offs:
	    out.extend(b"%010d 00000 n \n" % o)
	out.extend(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offs) + 1, x))
	open(sys.argv[1], "wb").write(out)
	PY
  "$B2J" -j 1 --max-pages 20 big.pdf "$BAD/text.pdf" >big.jsonl 2>err; test $? = 1 &&
  jq -s -e ".[0].status == \"partial\" and .[0].source.pages == 5000 and (.[0].pages | length) == 20 and .[0].errors[0].code == \"too_many_pages\" and .[1].status == \"ok\"" big.jsonl
'
test_expect_success 'an output folder that is not writable: clear message, exit 2' '
  touch afile && "$B2J" -j 1 -o afile/sub "$BAD/text.pdf" 2>err; test $? = 2 &&
  grep -q "output directory" err &&
  if [ "$(id -u)" != 0 ]; then mkdir ro && chmod 555 ro && "$B2J" -j 1 -o ro "$BAD/text.pdf" 2>err; test $? = 2; fi
'
test_expect_success 'a --jsonl file that cannot be opened: exit 2' '
  "$B2J" -j 1 --jsonl afile/x.jsonl "$BAD/text.pdf" 2>err; test $? = 2 && grep -q "unable to open" err
'
test_expect_success 'disk full on --jsonl (/dev/full): clear error, the batch stops, exit 1' '
  if [ ! -w /dev/full ]; then echo "no /dev/full"; exit 0; fi
  "$B2J" -j 1 --jsonl /dev/full --summary full.json "$BAD/text.pdf" "$BAD/text.pdf" 2>err; test $? = 1 &&
  grep -q "No space left on device" err && jq -e ".write_errors >= 1" full.json
'
test_expect_success 'file size limit mid --jsonl: only whole lines stay in the file' '
  ( ulimit -f 40; "$B2J" -j 2 --jsonl lim.jsonl "$BAD"/text.pdf "$BAD"/many-pages.pdf "$BAD"/text.pdf "$BAD"/many-pages.pdf "$BAD"/text.pdf 2>err ); test $? = 1 &&
  grep -q "unable to write" err && test -s lim.jsonl &&
  test "$(tail -c1 lim.jsonl | od -An -c | tr -d " ")" = "\n" && jq -c . lim.jsonl >/dev/null
'
test_expect_success 'file size limit with -o: no half-written NAME.json, clear error' '
  ( ulimit -f 8; "$B2J" -j 1 -o lim "$BAD/text.pdf" "$BAD/many-pages.pdf" 2>err ); test $? = 1 &&
  grep -q "unable to write" err && test -f lim/text.json && test ! -e lim/many-pages.json &&
  test $(ls -A lim | wc -l) = 1
'
test_expect_success 'a re-run after disk full completes the rest' '
  "$B2J" -j 2 --jsonl lim.jsonl "$BAD"/text.pdf "$BAD"/many-pages.pdf "$BAD"/text.pdf "$BAD"/many-pages.pdf "$BAD"/text.pdf 2>err &&
  test $(jq -r .source.file lim.jsonl | sort -u | wc -l) = 2 && test $(wc -l <lim.jsonl) -le 5
'
test_expect_success 'every output of this test validates against the schema' '
  validate_schema r.jsonl p.jsonl bi.jsonl hp.jsonl big.jsonl lim.jsonl
'
test_done

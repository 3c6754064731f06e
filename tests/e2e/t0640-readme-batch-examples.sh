#!/usr/bin/env bash
# The README's batch examples, run as written: the nightly job, jq, pandas,
# the SQL queries and the per-machine shares (blocks marked <!-- example: NAME -->).
. "$(dirname "$0")/../lib/tap.sh"
BAD=$TOP/tests/data/bad
DIGITAL=$CORPUS/pdf/digital

# example NAME: the code block that follows the marker in README.md
example() {
  awk -v m="<!-- example: $1 -->" '
    $0 == m { found = 1; next }
    found && /^```/ { if (inblock) exit; inblock = 1; next }
    inblock { print }' "$TOP/README.md"
}

# budget2json on PATH, as the README assumes
mkdir -p "$TRASH/bin" && ln -s "$B2J" "$TRASH/bin/budget2json"
export PATH="$TRASH/bin:$PATH"

test_expect_success 'set-up: a crawl folder with corpus documents and a bad file' '
  mkdir -p crawl/site1 crawl/site2 &&
  for f in "$DIGITAL"/seed-000.pdf "$DIGITAL"/syn-001.pdf "$DIGITAL"/syn-002.pdf; do
    [ -f "$f" ] && cp "$f" crawl/site1/; done;
  cp "$BAD/text.pdf" crawl/site1/ && cp "$BAD/text.pdf" crawl/site2/ &&
  cp "$BAD/page.html.pdf" crawl/site2/404.pdf && test -n "$(example nightly)"
'
test_expect_success 'README nightly job: runs, writes out/, the database and failed.tsv' '
  example nightly >nightly.sh && sh nightly.sh >report &&
  grep -q "inputs: .* ok" report && test -f budget.db && test -s failed.tsv &&
  grep -q "404.pdf.*not_pdf" failed.tsv && test $(ls out/*.json | wc -l) = $(find crawl -type f | wc -l)
'
test_expect_success 'README nightly job, second night: only what is new' '
  cp "$BAD/text.pdf" crawl/site2/new.pdf && sh nightly.sh >report2 &&
  n=$(find crawl -type f | wc -l) && jq -e ".skipped == $n - 1 and .inputs == $n" summary.json
'
test_expect_success 'README jq examples' '
  example jq >jq.sh && sh jq.sh >jq.out && test -f all.jsonl &&
  grep -q "404.pdf	failed	not_pdf" jq.out
'
test_expect_success 'README pandas example' '
  if ! "$PYTHON" -c "import pandas" 2>/dev/null; then echo "no pandas (python3-pandas)"; exit 0; fi
  example pandas >p.py && "$PYTHON" p.py >p.out && grep -q "ok" p.out &&
  grep -q "total expenditure of all documents, yuan:" p.out
'
test_expect_success 'README SQL queries run on the database' '
  example sql >q.sql && test -s q.sql &&
  "$PYTHON" - budget.db q.sql <<-\PY
	import sqlite3, sys
	db = sqlite3.connect(sys.argv[1])
	n = 0
	for stmt in open(sys.argv[2]).read().split(";"):
	    body = "\n".join(l for l in stmt.splitlines() if not l.strip().startswith("--"))
	    if body.strip():
	        db.execute(body).fetchall()
	        n += 1
	assert n == 5, n
	rows = dict(db.execute("SELECT status, count(*) FROM documents GROUP BY status"))
	assert rows.get("failed", 0) >= 1 and rows.get("ok", 0) >= 1, rows
	PY
'
test_expect_success 'README shares: two workers split the files, outputs complete, no collision' '
  example shares >share.sh && rm -rf out &&
  for W in 1 2; do (cd "$TRASH" && W=$W N=2 sh -c "$(sed "s|^cd /srv/budgets||" share.sh)"); done;
  test $(ls out/*.json | wc -l) = $(find crawl -type f | wc -l) &&
  test $(jq -r .source.file out/*.json | sort -u | wc -l) = $(find crawl -type f | wc -l)
'
test_expect_success 'README shares: importing the outputs into SQLite reads no PDF again' '
  budget2json --sqlite shares.db --unique-names -o out --summary imp.json crawl 2>/dev/null;
  jq -e ".skipped == .inputs" imp.json &&
  "$PYTHON" -c "import sqlite3,sys; n=sqlite3.connect(\"shares.db\").execute(\"select count(*) from documents\").fetchone()[0]; sys.exit(0 if n >= 5 else 1)"
'
if command -v parallel >/dev/null; then
test_expect_success 'README GNU parallel example, on this machine only (-S :)' '
  example parallel | sed "s|-S :,m2,m3|-S :|; s|--wd /srv/budgets|--wd \"$TRASH\"|; s|parallel |parallel --will-cite |; s|-N 100|-N 2|" >par.sh &&
  grep -q -- "-S :" par.sh && rm -rf out && { sh par.sh || :; } &&
  test $(ls out/*.json | wc -l) = $(find crawl -type f | wc -l)
'
else
  test_skip "GNU parallel is not installed (the README example needs it)"
fi
test_done

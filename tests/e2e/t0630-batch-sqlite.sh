#!/usr/bin/env bash
# --sqlite: the same results in a database, amounts as exact decimal TEXT,
# upserted by sha256 so re-runs never duplicate.
. "$(dirname "$0")/../lib/tap.sh"
BAD=$TOP/tests/data/bad
DIGITAL=$CORPUS/pdf/digital

# sql DB QUERY: prints the rows, tab-separated (python3's sqlite3, no CLI needed)
sql() {
  "$PYTHON" -c 'import sqlite3, sys
for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]):
    print("\t".join("" if v is None else str(v) for v in r))' "$@"
}

test_expect_success 'set-up: a few corpus documents and a bad file' '
  mkdir in && n=0 && for f in "$DIGITAL"/seed-000.pdf "$DIGITAL"/syn-00[1-3].pdf; do
    [ -f "$f" ] && cp "$f" in/ && n=$((n + 1)); done;
  [ $n -gt 0 ] || cp "$BAD/text.pdf" in/; cp "$BAD/empty.pdf" in/ && ls in >inputs
'
test_expect_success 'every input becomes a documents row, with its status' '
  "$B2J" -q -j 2 -o out --sqlite db.sqlite in; test $? -le 1 &&
  test "$(sql db.sqlite "SELECT count(*) FROM documents")" = $(wc -l <inputs) &&
  test "$(sql db.sqlite "SELECT status FROM documents WHERE file LIKE \"%empty.pdf\"")" = failed &&
  test "$(sql db.sqlite "SELECT code FROM errors e JOIN documents d USING(doc_key) WHERE d.file LIKE \"%empty.pdf\"")" = not_pdf
'
test_expect_success 'rows match the JSON, amounts as the exact printed decimal text' '
  "$PYTHON" - db.sqlite out/*.json <<-\PY
	import json, sqlite3, sys
	db = sqlite3.connect(sys.argv[1])
	for path in sys.argv[2:]:
	    # parse_float=str keeps "2.40" as printed, exactly what the DB must hold
	    d = json.load(open(path), parse_float=str, parse_int=str)
	    k = d["source"]["sha256"]
	    def col(q):
	        return [tuple(r) for r in db.execute(q, (k,))]
	    assert col("SELECT count(*) FROM pages WHERE doc_key=?")[0][0] == len(d["pages"]), path
	    assert col("SELECT count(*) FROM tables WHERE doc_key=?")[0][0] == len(d["tables"]), path
	    want = [(f["key"], f["value"], f["yuan"]) for f in d["figures"]]
	    got = col("SELECT key, value, yuan FROM figures WHERE doc_key=? ORDER BY rowid")
	    assert got == want, (path, got, want)
	    want = [(l["code"], l["value"], l["yuan"]) for l in d["budget_lines"]]
	    got = col("SELECT code, value, yuan FROM budget_lines WHERE doc_key=? ORDER BY rowid")
	    assert got == want, (path, got[:3], want[:3])
	    want = [c["value"] for t in d["tables"] for r in t["rows"] for c in r["cells"]]
	    got = [r[0] for r in col("SELECT value FROM cells WHERE doc_key=? ORDER BY rowid")]
	    assert got == want, path
	    assert col("SELECT count(*) FROM indicators WHERE doc_key=?")[0][0] == len(d["indicators"])
	    assert col("SELECT count(*) FROM checks WHERE doc_key=?")[0][0] == len(d["checks"])
	    assert col("SELECT count(*) FROM warnings WHERE doc_key=?")[0][0] == len(d["warnings"])
	for t, c in [("figures", "value"), ("figures", "yuan"), ("budget_lines", "value"),
	             ("budget_lines", "yuan"), ("cells", "value"), ("indicators", "target_value")]:
	    q = "SELECT count(*) FROM %s WHERE typeof(%s) NOT IN (?, ?)" % (t, c)
	    bad = db.execute(q, ("text", "null")).fetchone()[0]
	    assert bad == 0, (t, c, bad)
	PY
'
test_expect_success 'a re-run with --force upserts: no row is duplicated' '
  for t in documents pages tables cells budget_lines figures indicators checks warnings errors; do
    echo "$t $(sql db.sqlite "SELECT count(*) FROM $t")"; done >before &&
  "$B2J" -q -j 2 --force -o out --sqlite db.sqlite in; test $? -le 1 &&
  for t in documents pages tables cells budget_lines figures indicators checks warnings errors; do
    echo "$t $(sql db.sqlite "SELECT count(*) FROM $t")"; done >after &&
  diff before after
'
test_expect_success 'a plain re-run skips every input and leaves the database as it was' '
  "$B2J" -j 2 -o out --sqlite db.sqlite --summary s.json in 2>/dev/null; test $? -le 1 &&
  jq -e ".skipped == .inputs" s.json &&
  for t in documents pages tables cells budget_lines figures indicators checks warnings errors; do
    echo "$t $(sql db.sqlite "SELECT count(*) FROM $t")"; done >again && diff before again
'
test_expect_success 'outputs done before without --sqlite are stored on the next run' '
  "$B2J" -j 2 -o out --sqlite new.sqlite --summary s2.json in 2>/dev/null; test $? -le 1 &&
  jq -e ".skipped == .inputs" s2.json &&
  test "$(sql new.sqlite "SELECT count(*) FROM documents")" = $(wc -l <inputs) &&
  test "$(sql new.sqlite "SELECT count(*) FROM figures")" = "$(sql db.sqlite "SELECT count(*) FROM figures")"
'
test_expect_success '--sqlite alone: nothing on stdout, resume from the database' '
  "$B2J" -j 2 --sqlite only.sqlite in >stdout 2>/dev/null; test $? -le 1 && test ! -s stdout &&
  "$B2J" -j 2 --sqlite only.sqlite --summary s3.json in 2>/dev/null; jq -e ".skipped == .inputs" s3.json
'
test_expect_success 'a database that cannot be opened is exit 2' '
  touch f && "$B2J" -j 1 --sqlite f/x.db "$BAD/text.pdf" 2>err; test $? = 2 && grep -q "f/x.db" err
'
test_done

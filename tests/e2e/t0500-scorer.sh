#!/usr/bin/env bash
# eval/score.py, proved on small hand-made truth (tests/data/scorer/): truth scored against
# itself is perfect; known damage lowers each figure by exactly its share; a wrong number is
# silent unless a failing check or a warning points at it.
. "$(dirname "$0")/../lib/tap.sh"
D=$TOP/tests/data/scorer
SCORE="$PYTHON $TOP/eval/score.py"
jedit() { "$PYTHON" "$D/jedit.py" "$@"; }

# score OUTDIR JSON [args]: runs the scorer on the fixture manifest
score() { local o=$1 j=$2; shift 2; $SCORE --manifest "$D/MANIFEST.tsv" --out-dir "$o" --json "$j" --real "$TRASH/no-real" "$@"; }
# expect JSON 'python boolean expression over g (the grades object)'
expect() {
  "$PYTHON" - "$1" "$2" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))["grades"]
near = lambda a, b: a is not None and abs(a - b) < 1e-9
ok = eval(sys.argv[2], {"g": g, "near": near})
if not ok:
    print("expected:", sys.argv[2]); print(json.dumps({k: {x: y for x, y in v.items() if x != "docs"} for k, v in g.items()}, indent=1, ensure_ascii=False)); sys.exit(1)
PY
}
# perfect OUTDIR: outputs identical to the truth
perfect() {
  mkdir -p "$1/digital" "$1/garbled" &&
  cp "$D/truth/fx-001.json" "$D/truth/fx-002.json" "$1/digital/" &&
  cp "$D/truth/fx-001.json" "$1/garbled/"
}

test_expect_success 'truth scored against itself: every cell right, every F1 1.0, nothing silent' '
  perfect perfect && score perfect s.json > table.txt && cat table.txt &&
  expect s.json "g[\"digital\"][\"cells\"] == 44 and g[\"digital\"][\"cells_right\"] == 44" &&
  expect s.json "g[\"digital\"][\"cells_right_pct\"] == 100.0 and g[\"garbled\"][\"cells_right_pct\"] == 100.0" &&
  expect s.json "all(g[k][x][\"f1\"] == 1.0 for k in (\"digital\",) for x in (\"budget_lines\", \"projects\", \"indicators\"))" &&
  expect s.json "g[\"digital\"][\"tables_found\"] == g[\"digital\"][\"tables_expected\"] == 4" &&
  expect s.json "g[\"digital\"][\"silent_errors\"] == 0 and g[\"digital\"][\"documents_failed\"] == 0" &&
  grep -E "^digital +2 +6 +4/4 +44/44 100.0% +1.000 +1.000 +1.000 +0 \(0.0%\)" table.txt
'

test_expect_success 'decimals compare exactly: 2.4 = 2.40 = 2.400, 100.50 = 100.5, 100.5 != 100.50000001' '
  perfect p2 &&
  jedit p2/digital/fx-001.json p2/digital/fx-001.json \
    "d[\"tables\"][1][\"rows\"][0][\"cells\"][8][\"value\"] = D(\"2.40\")" \
    "d[\"tables\"][1][\"rows\"][0][\"cells\"][10][\"value\"] = D(\"2.400\")" \
    "d[\"tables\"][0][\"rows\"][3][\"cells\"][3][\"value\"] = D(\"100.5\")" \
    "d[\"tables\"][0][\"rows\"][3][\"cells\"][2][\"value\"] = D(\"100.50000001\")" &&
  grep -F "100.50000001" p2/digital/fx-001.json &&
  score p2 s.json && expect s.json "g[\"digital\"][\"cells_right\"] == 43 and g[\"digital\"][\"cells_wrong\"] == 1"
'

# The damage: 3 of 44 numeric cells changed (2 in fx-001 t1 on page 2, 1 in fx-002 t2 on
# page 2), one budget line dropped (27 → 26), one indicator dropped (7 → 6).
damage() {
  perfect "$1" &&
  jedit "$1/digital/fx-001.json" "$1/digital/fx-001.json" \
    "c = d[\"tables\"][0][\"rows\"][3][\"cells\"][3]; c[\"text\"] = \"100.05\"; c[\"value\"] = D(\"100.05\")" \
    "c = d[\"tables\"][0][\"rows\"][0][\"cells\"][2]; c[\"text\"] = \"122.38\"; c[\"value\"] = D(\"122.38\")" \
    "del d[\"budget_lines\"][-1]" &&
  jedit "$1/digital/fx-002.json" "$1/digital/fx-002.json" \
    "c = d[\"tables\"][1][\"rows\"][0][\"cells\"][3]; c[\"text\"] = \"8.80\"; c[\"value\"] = D(\"8.80\")" \
    "del d[\"indicators\"][2]"
}

test_expect_success 'damaged copy scores lower by exactly the damage' '
  damage dmg && score dmg s.json > table.txt && cat table.txt &&
  expect s.json "g[\"digital\"][\"cells_right\"] == 41 and near(g[\"digital\"][\"cells_right_pct\"], 100.0 * 41 / 44)" &&
  expect s.json "g[\"digital\"][\"cells_wrong\"] == 3 and g[\"digital\"][\"cells_missed\"] == 0" &&
  expect s.json "near(g[\"digital\"][\"budget_lines\"][\"f1\"], 2 * 26 / (26 + 27))" &&
  expect s.json "near(g[\"digital\"][\"indicators\"][\"f1\"], 2 * 6 / (6 + 7))" &&
  expect s.json "g[\"digital\"][\"projects\"][\"f1\"] == 1.0" &&
  expect s.json "g[\"digital\"][\"silent_errors\"] == 3 and near(g[\"digital\"][\"silent_pct\"], 100.0 * 3 / 44)" &&
  expect s.json "g[\"garbled\"][\"cells_right_pct\"] == 100.0" &&
  grep -E "^digital .* 41/44 93.2% +0.981 +1.000 +0.923 +3 \(6.8%\)" table.txt
'

test_expect_success 'a wrong cell flagged by a failing check naming its table is not silent' '
  damage f1 &&
  jedit f1/digital/fx-001.json f1/digital/fx-001.json \
    "d[\"checks\"] = [{\"rule\": \"column_sum\", \"tables\": [\"t1\"], \"where\": \"合计/小计\", \"expected\": D(\"122.83\"), \"found\": D(\"122.38\"), \"ok\": False, \"evaluated\": True, \"message\": None}]" &&
  score f1 s.json &&
  expect s.json "g[\"digital\"][\"silent_errors\"] == 1 and g[\"digital\"][\"silent_cells\"] == 1" &&
  expect s.json "g[\"digital\"][\"cells_right\"] == 41"
'

test_expect_success 'a warning naming the table and the cell page flags it; another page does not' '
  damage f2 &&
  jedit f2/digital/fx-002.json f2/digital/fx-002.json \
    "d[\"warnings\"] = [{\"code\": \"low_confidence\", \"page\": 2, \"table\": \"t2\", \"message\": \"m\"}]" &&
  jedit f2/digital/fx-001.json f2/digital/fx-001.json \
    "d[\"warnings\"] = [{\"code\": \"low_confidence\", \"page\": 3, \"table\": \"t1\", \"message\": \"m\"}]" &&
  score f2 s.json && expect s.json "g[\"digital\"][\"silent_errors\"] == 2"
'

test_expect_success 'passing checks, unevaluated checks and checks on other tables flag nothing' '
  damage f3 &&
  jedit f3/digital/fx-001.json f3/digital/fx-001.json \
    "d[\"checks\"] = [{\"rule\": \"r\", \"tables\": [\"t1\"], \"where\": None, \"expected\": None, \"found\": None, \"ok\": True, \"evaluated\": True, \"message\": None}, {\"rule\": \"r\", \"tables\": [\"t1\"], \"where\": None, \"expected\": None, \"found\": None, \"ok\": False, \"evaluated\": False, \"message\": \"table not found\"}, {\"rule\": \"r\", \"tables\": [\"t2\"], \"where\": None, \"expected\": None, \"found\": None, \"ok\": False, \"evaluated\": True, \"message\": None}]" &&
  score f3 s.json && expect s.json "g[\"digital\"][\"silent_errors\"] == 3"
'

test_expect_success 'a budget line with a wrong value (its cell right) is a silent error unless flagged' '
  perfect bl &&
  jedit bl/digital/fx-001.json bl/digital/fx-001.json \
    "x = [l for l in d[\"budget_lines\"] if l[\"code\"] == \"21011\" and l[\"column\"] == \"小计\"][0]; x[\"value\"] = D(\"22.03\")" &&
  score bl s.json &&
  expect s.json "g[\"digital\"][\"silent_errors\"] == 1 and g[\"digital\"][\"silent_lines\"] == 1" &&
  expect s.json "g[\"digital\"][\"budget_lines\"][\"wrong_value\"] == 1 and near(g[\"digital\"][\"budget_lines\"][\"f1\"], 2 * 26 / 54)" &&
  jedit bl/digital/fx-001.json bl/digital/fx-001.json \
    "d[\"warnings\"] = [{\"code\": \"x\", \"page\": 3, \"table\": \"t1\", \"message\": \"m\"}]" &&
  score bl s.json && expect s.json "g[\"digital\"][\"silent_errors\"] == 0"
'

test_expect_success 'a missing output counts everything in it missed and the document failed' '
  perfect miss && rm miss/digital/fx-002.json && score miss s.json &&
  expect s.json "g[\"digital\"][\"cells_right\"] == 32 and g[\"digital\"][\"cells\"] == 44 and g[\"digital\"][\"cells_missed\"] == 12" &&
  expect s.json "g[\"digital\"][\"indicators\"][\"f1\"] == 0.0 and g[\"digital\"][\"projects\"][\"f1\"] == 0.0" &&
  expect s.json "g[\"digital\"][\"documents_failed\"] == 1 and g[\"digital\"][\"silent_errors\"] == 0" &&
  expect s.json "g[\"digital\"][\"tables_found\"] == 2"
'

test_expect_success 'an output that is not JSON, or an empty output folder, is scored without crashing' '
  perfect bad && echo "{not json" > bad/digital/fx-001.json && score bad s.json &&
  expect s.json "g[\"digital\"][\"cells_right\"] == 12 and g[\"digital\"][\"documents_failed\"] == 1" &&
  mkdir -p empty && score empty s.json && expect s.json "g[\"digital\"][\"cells_right\"] == 0"
'

test_expect_success 'rows align by code/name, tables by pages: other ids, an extra row and an extra table cost nothing' '
  perfect al &&
  jedit al/digital/fx-001.json al/digital/fx-001.json \
    "t = d[\"tables\"][0]; t[\"rows\"].insert(2, {\"cells\": [{\"text\": x, \"value\": None, \"page\": 2} for x in (\"\", \"（续）\", \"\", \"\", \"\")]})" \
    "d[\"tables\"][0][\"id\"] = \"t7\"; d[\"tables\"][1][\"id\"] = \"t9\"" \
    "[l.update(table={\"t1\": \"t7\", \"t2\": \"t9\"}[l[\"table\"]]) for l in d[\"budget_lines\"]]" \
    "d[\"tables\"].insert(0, {\"id\": \"t1\", \"pages\": [1], \"form\": None, \"kind\": \"other\", \"title\": \"目录\", \"unit\": None, \"columns\": [\"a\"], \"rows\": [{\"cells\": [{\"text\": \"5\", \"value\": 5, \"page\": 1}]}]})" &&
  score al s.json &&
  expect s.json "g[\"digital\"][\"cells_right\"] == 44 and g[\"digital\"][\"budget_lines\"][\"f1\"] == 1.0 and g[\"digital\"][\"tables_found\"] == 4"
'

test_expect_success 'a table found with the wrong kind and form is not counted found' '
  perfect k && jedit k/digital/fx-001.json k/digital/fx-001.json \
    "d[\"tables\"][1][\"kind\"] = \"other\"; d[\"tables\"][1][\"form\"] = None" &&
  score k s.json && expect s.json "g[\"digital\"][\"tables_found\"] == 3"
'

test_expect_success 'pages per second come from timing.tsv; a crash (exit >= 124) is a failed document' '
  perfect tm && printf "fx-001\t0.5\t0\nfx-002\t1.5\t139\n" > tm/digital/timing.tsv &&
  score tm s.json && expect s.json "near(g[\"digital\"][\"pages_per_second\"], 6 / 2.0) and g[\"digital\"][\"documents_failed\"] == 1"
'

test_expect_success 'real: documents read, standard titles printed as table titles found, checks passing' '
  mkdir -p realpdf rr/real && : > realpdf/a.pdf && : > realpdf/b.pdf &&
  toc="目录\n一、收入支出决算总表\n四、财政拨款收入支出决算总表\n三、支出决算表\n五、一般公共预算财政拨款支出决算表\n单位：万元\n" &&
  prose="本表反映收入决算表的情况，数应与《收支预算总表》一致。单位：万元\n" &&
  pages="收入支出决算总表\n单位：万元\n\f财政拨款收入支出决算总表\n单位：万元\n\f支出决算表\n单位：万元\n\f一般公共预算财政拨款支出决算表\n单位：万元\n\f财政拨款“三公”经费支出决算表\n单位：万元\n" &&
  printf "$toc\f$prose\f$pages" > rr/real/a.txt &&
  cp "$TOP/tests/data/schema/valid-minimal.json" rr/real/a.json &&
  jedit rr/real/a.json rr/real/a.json "d[\"status\"] = \"ok\"" \
    "d[\"tables\"] = [{\"title\": \"财政拨款收入支出决算总表\"}, {\"title\": \"财政拨款 “三公” 经费支出决算表\"}, {\"title\": \"收入决算表\"}]" \
    "d[\"checks\"] = [{\"evaluated\": True, \"ok\": True}, {\"evaluated\": True, \"ok\": True}, {\"evaluated\": True, \"ok\": False}, {\"evaluated\": False, \"ok\": False}]" &&
  printf "收入决算表\n单位：元\n" > rr/real/b.txt && printf "a\t1.0\t0\nb\t2.0\t139\n" > rr/real/timing.tsv &&
  $SCORE --manifest "$D/MANIFEST.tsv" --out-dir rr --grades real --real realpdf --json s.json > table.txt && cat table.txt &&
  expect s.json "g[\"real\"][\"documents\"] == 2 and g[\"real\"][\"documents_ok\"] == 1" &&
  expect s.json "g[\"real\"][\"titles_named\"] == 6 and g[\"real\"][\"titles_found\"] == 2" &&
  expect s.json "g[\"real\"][\"checks\"] == 3 and g[\"real\"][\"checks_passed\"] == 2" &&
  grep -F "standard tables found 2/6" table.txt
'

test_expect_success 'real-scan: numbers of each kept page compared with the born-digital reading of that page' '
  mkdir -p rs/real rs/real-scan scans && perfect pf &&
  cp pf/digital/fx-001.json rs/real/a.json &&
  printf "name\tgrade\tpages\na\tclean\t2,3\n" > scans/pages.tsv &&
  jedit pf/digital/fx-001.json rs/real-scan/a-scan-clean.json \
    "del d[\"tables\"][1]" "c = d[\"tables\"][0][\"rows\"][1][\"cells\"][2]; c[\"value\"] = D(\"1\")" \
    "d[\"tables\"][0][\"pages\"] = [1, 2]" \
    "[c.__setitem__(\"page\", c[\"page\"] - 1) for r in d[\"tables\"][0][\"rows\"] for c in r[\"cells\"]]" &&
  $SCORE --manifest "$D/MANIFEST.tsv" --out-dir rs --grades real-scan --real-scan-dir scans --json s.json &&
  expect s.json "g[\"real-scan\"][\"cells\"] == 20 and g[\"real-scan\"][\"cells_right\"] == 19"
'

test_expect_success 'eval/run-eval.sh: every document run and timed, a crash recorded, the scores printed' '
  mkdir -p c/pdf/digital c/truth real && cp "$D/truth/"*.json c/truth/ &&
  grep -v garbled "$D/MANIFEST.tsv" > c/MANIFEST.tsv && : > c/pdf/digital/fx-001.pdf && : > c/pdf/digital/fx-002.pdf &&
  printf "#!/bin/sh\ncase \"\$1\" in *fx-002*) kill -SEGV \$\$ ;; esac\ncat \"$D/truth/fx-001.json\"\n" > fake.sh &&
  chmod +x fake.sh && cat fake.sh &&
  BIN=$TRASH/fake.sh OUT=$TRASH/o/eval MANIFEST=$TRASH/c/MANIFEST.tsv REAL=$TRASH/real JSON=$TRASH/e.json \
    bash "$TOP/eval/run-eval.sh" > table.txt 2> err.txt; cat table.txt err.txt &&
  grep -E "^fx-001	[0-9.]+	0	" o/eval/digital/timing.tsv &&
  grep -E "^fx-002	[0-9.]+	139	" o/eval/digital/timing.tsv &&
  grep -F "digital	fx-002	139" o/eval/crashes.tsv &&
  expect e.json "g[\"digital\"][\"cells_right\"] == 32 and g[\"digital\"][\"documents_failed\"] == 1" &&
  grep -E "^digital +2 +6 " table.txt
'

test_done

#!/usr/bin/env bash
# The JSON Schema of budget2json/1 (docs/budget2json.schema.json) and its validator
# (tests/lib/validate_schema.py): valid documents pass, each kind of breakage is caught
# and named by its JSON path.
. "$(dirname "$0")/../lib/tap.sh"
D=$TOP/tests/data/schema

test_expect_success 'the schema is itself a valid draft 2020-12 schema' '
  "$PYTHON" -c "import json,sys; from jsonschema import Draft202012Validator as V; V.check_schema(json.load(open(sys.argv[1])))" "$SCHEMA"
'

test_expect_success 'a minimal valid document (failed, all lists empty) passes' '
  validate_schema "$D/valid-minimal.json"
'

test_expect_success 'a document using every section passes (exact decimals kept as numbers)' '
  validate_schema "$D/valid-full.json"
'

test_expect_success 'JSON Lines (batch mode) are validated object by object' '
  jq -c . "$D/valid-minimal.json" "$D/valid-full.json" > both.jsonl &&
  validate_schema both.jsonl &&
  { cat both.jsonl; jq -c "del(.warnings)" "$D/valid-minimal.json"; } > three.jsonl &&
  ! validate_schema three.jsonl > out.txt &&
  grep -F "three.jsonl:3: \$: '"'"'warnings'"'"' is a required property" out.txt
'

test_expect_success 'a missing top-level key is rejected' '
  jq "del(.figures)" "$D/valid-full.json" > bad.json &&
  ! validate_schema bad.json > out.txt && cat out.txt &&
  grep -F "figures" out.txt && grep -F "required" out.txt
'

test_expect_success 'a missing nested key (indicator target.op) is rejected with its path' '
  jq "del(.indicators[0].target.op)" "$D/valid-full.json" > bad.json &&
  ! validate_schema bad.json > out.txt && cat out.txt &&
  grep -F "\$.indicators[0].target:" out.txt
'

test_expect_success 'a wrong enum (status, table kind, op, level, text_layer) is rejected' '
  for f in ".status=\"done\"" ".tables[0].kind=\"summary\"" ".indicators[0].target.op=\"≥\"" \
           ".budget_lines[0].level=\"目\"" ".pages[0].text_layer=\"ok\"" \
           ".document.kinds=[\"final\"]" ".budget_lines[0].classification=\"func\""; do
    jq "$f" "$D/valid-full.json" > bad.json &&
    ! validate_schema bad.json > out.txt && grep -F "is not one of" out.txt || return 1
  done
'

test_expect_success 'a string where a number belongs is rejected' '
  for f in ".budget_lines[0].value=\"2.11\"" ".tables[0].rows[0].cells[2].value=\"2.11\"" \
           ".figures[0].yuan=\"3626200\"" ".checks[0].expected=\"122.83\""; do
    jq "$f" "$D/valid-full.json" > bad.json &&
    ! validate_schema bad.json > out.txt && grep -F "is not of type" out.txt || return 1
  done
'

test_expect_success 'null where a key must hold a list, and a missing checks[].evaluated, are rejected' '
  jq ".tables=null" "$D/valid-full.json" > bad.json && ! validate_schema bad.json &&
  jq "del(.checks[0].evaluated)" "$D/valid-full.json" > bad.json && ! validate_schema bad.json
'

test_expect_success 'a file that is not JSON fails with its line number' '
  printf "{\"schema\": \n" > broken.json &&
  ! validate_schema broken.json > out.txt && grep -F "broken.json:1: not JSON" out.txt
'

test_done

#!/usr/bin/env bash
# The sixteen published reports in ../shared/real: each read without error,
# every page accounted for, the output valid against the schema.
. "$(dirname "$0")/../lib/tap.sh"
REAL=$SHARED/real

if ! ls "$REAL"/*.pdf >/dev/null 2>&1; then
  test_skip "no real reports at $REAL"
  test_done
  exit
fi
for f in "$REAL"/*.pdf; do
  name=$(basename "$f" .pdf)
  test_expect_success "real report $name is read, every page listed, schema-valid" '
    "$B2J" "$f" >out.json 2>err &&
    jq -e --argjson n "$(pdfinfo "$f" 2>/dev/null | awk "/^Pages:/ {print \$2}")" \
      ".status == \"ok\" and (.pages | length) == \$n and .source.pages == \$n" out.json &&
    validate_schema out.json
  '
done
test_done

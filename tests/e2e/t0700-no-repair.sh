#!/usr/bin/env bash
# --no-repair: OCR'd numbers stay as read, so no cell carries a repaired_number
# warning (validate/repair.c is skipped), and the output is still schema-valid.
. "$(dirname "$0")/../lib/tap.sh"

PDF=$CORPUS/pdf/scan-noisy/syn-007.pdf
if [ ! -f "$PDF" ]; then
  test_skip "no scan-noisy corpus document"
  test_done
  exit
fi

test_expect_success '--no-repair leaves no repaired_number warning on a noisy scan' '
  "$B2J" --no-repair "$PDF" >out.json &&
  jq -e "[.warnings[] | select(.code == \"repaired_number\")] | length == 0" out.json &&
  jq -e "[.pages[] | select(.source == \"ocr\")] | length > 0" out.json
'
test_done

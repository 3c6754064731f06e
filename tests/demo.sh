#!/usr/bin/env bash
# make demo: runs budget2json on a few sample PDFs from the corpus and shows
# what comes out (a summary per document, then one table and one indicator).
set -u
B2J=${1:-build/budget2json}
cd "$(dirname "$0")/.."
samples=()
for f in corpus/pdf/digital/seed-001.pdf corpus/pdf/digital/syn-001.pdf \
         corpus/pdf/garbled/seed-002.pdf corpus/pdf/scan-clean/seed-004.pdf; do
  [ -f "$f" ] && samples+=("$f")
done
if [ ${#samples[@]} = 0 ]; then
  echo "demo: no corpus PDFs found (run 'make corpus'); using tests/data/bad/text.pdf"
  samples=(tests/data/bad/text.pdf)
fi
mkdir -p out/demo
for f in "${samples[@]}"; do
  name=$(basename "$f" .pdf)
  grade=$(basename "$(dirname "$f")")
  "$B2J" -q "$f" >"out/demo/$grade-$name.json"
  echo "== $f  →  out/demo/$grade-$name.json"
  jq -r '"   status \(.status), \(.source.pages) pages, \(.tables | length) tables, \(.budget_lines | length) budget lines, \(.projects | length) projects, \(.indicators | length) indicators, \(.figures | length) figures, \(.checks | length) checks",
         "   document: \(.document.title // "?") | \(.document.department // "?") | \(.document.fiscal_year // "?") | \(.document.kinds | join(","))",
         (.tables[:6][] | "   table \(.id) p\(.pages | map(tostring) | join(",")) \(.form // "-") \(.kind) \(.title // "") [\(.unit // "")] \(.rows | length) rows"),
         (.budget_lines[:3][] | "   line \(.code // "-") \(.name) \(.column) = \(.value) \(.unit // "") (\(.yuan // "-") 元)"),
         (.indicators[:2][] | "   indicator \(.level1 // "-")/\(.level2 // "-")/\(.name): target \(.target.raw // "-") → \(.actual.raw // "-") weight \(.weight // "-") score \(.score // "-")")' \
    "out/demo/$grade-$name.json"
done

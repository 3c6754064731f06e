#!/usr/bin/env bash
# corpus/scansim/real-scan.sh — scanned versions of the table pages of the real reports.
#
#   real-scan.sh [REAL_DIR [OUT_DIR]]     (defaults: ../shared/real corpus/real-scan)
#
# For every REAL_DIR/<name>.pdf, finds its table pages (pdftotext: a page with 表 and with
# a unit line 单位： or 科目), keeps at most PER_FILE of them (spread evenly over the candidates) and at
# most MAX_PAGES over all files, and writes
#   OUT_DIR/<name>-scan-clean.pdf  OUT_DIR/<name>-scan-noisy.pdf   (+ .pdf.json sidecars)
#   OUT_DIR/pages.tsv              name, grade, source pages kept
# Flat names, because eval/run-eval.sh reads OUT_DIR/*.pdf and eval/score.py pairs
# <name>-scan-<grade> with the program's reading of real/<name>. Seeds: cksum of the name.
# Environment: SCANSIM (default build/corpus/scansim), PER_FILE (4), MAX_PAGES (64).
set -euo pipefail

REAL=${1:-../shared/real}
OUT=${2:-corpus/real-scan}
SCANSIM=${SCANSIM:-build/corpus/scansim}
PER_FILE=${PER_FILE:-4}
MAX_PAGES=${MAX_PAGES:-64}

die() { echo "real-scan: $*" >&2; exit 1; }
[ -x "$SCANSIM" ] || die "no simulator at '$SCANSIM' (make scansim)"
[ -d "$REAL" ] || die "no folder '$REAL'"
command -v pdftotext >/dev/null || die "pdftotext not found (poppler-utils)"

mkdir -p "$OUT"
rm -f "$OUT"/*-scan-clean.pdf "$OUT"/*-scan-noisy.pdf "$OUT"/*-scan-*.pdf.json
tsv="$OUT/pages.tsv.tmp"
printf 'name\tgrade\tpages\n' >"$tsv"

total=0 files=0 start=$(date +%s)
for f in "$REAL"/*.pdf; do
  [ -f "$f" ] || continue
  [ "$total" -lt "$MAX_PAGES" ] || break
  name=$(basename "$f" .pdf)
  # 1-based numbers of the pages that look like tables
  if ! cands=$(pdftotext -q -enc UTF-8 "$f" - 2>/dev/null | awk 'BEGIN { RS = "\f" }
        /表/ && (/单位[ 　]*[：:]/ || /科目/) { printf "%d\n", NR }'); then
    echo "real-scan: $name: pdftotext failed, skipped" >&2
    continue
  fi
  n=$(printf '%s' "$cands" | grep -c . || true)
  [ "$n" -gt 0 ] || { echo "real-scan: $name: no table pages" >&2; continue; }
  keep=$PER_FILE
  [ $((MAX_PAGES - total)) -lt "$keep" ] && keep=$((MAX_PAGES - total))
  [ "$n" -lt "$keep" ] && keep=$n
  # spread evenly: candidate indices round(k * (n-1) / (keep-1)), k = 0..keep-1
  pages=$(printf '%s\n' "$cands" | awk -v n="$n" -v k="$keep" '
      { c[NR - 1] = $1 }
      END { for (i = 0; i < k; i++) {
              j = (k == 1) ? 0 : int(i * (n - 1) / (k - 1) + 0.5)
              if (!(j in seen)) { seen[j] = 1; out = out (out == "" ? "" : ",") c[j] } }
            print out }')
  seed=$(printf '%s' "$name" | cksum | cut -d' ' -f1)
  for grade in clean noisy; do
    "$SCANSIM" --grade "$grade" --seed "$seed" --pages "$pages" "$f" \
      "$OUT/$name-scan-$grade.pdf" || die "$name: scansim failed"
    printf '%s\t%s\t%s\n' "$name" "$grade" "$pages" >>"$tsv"
  done
  kept=$(printf '%s' "$pages" | tr ',' '\n' | grep -c .)
  total=$((total + kept)) files=$((files + 1))
  echo "real-scan: $name: pages $pages (of $n table pages)" >&2
done
mv "$tsv" "$OUT/pages.tsv"
echo "real-scan: $files files, $total pages x 2 grades in $(( $(date +%s) - start )) s -> $OUT" >&2

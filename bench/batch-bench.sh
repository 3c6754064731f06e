#!/usr/bin/env bash
# The batch machinery measured (issue 6):
#  1. 500 documents — copies of the digital corpus (corpus/pdf/digital, else
#     ../shared/real) with 20 bad files mixed in — at -j 2: every input in the
#     summary, the bad ones failed with the right codes, the rest identical
#     to single-file runs;
#  2. the same batch killed with SIGKILL halfway and run again: complete, no
#     duplicates;
#  3. per-document overhead of the batch (a process per document) against
#     single-file runs of the same documents, both one at a time.
# Usage: bench/batch-bench.sh [BINARY]   (default build/budget2json)
# Env: N (documents, default 500), BAD (bad ones, default 20), JOBS (default 2),
#      WORK (scratch folder, default a new one under /tmp, removed at the end).
set -u
cd "$(dirname "$0")/.."
B2J=$(realpath "${1:-build/budget2json}")
N=${N:-500}
NBAD=${BAD:-20}
JOBS=${JOBS:-2}
WORK=${WORK:-$(mktemp -d /tmp/b2j-batch-bench.XXXXXX)}
KEEP=${KEEP:-}
[ -x "$B2J" ] || { echo "no binary $B2J (make first)"; exit 2; }
[ -n "$KEEP" ] || trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK"
fail=0
check() { # check DESCRIPTION COMMAND...: prints PASS/FAIL
  if "${@:2}" >/dev/null; then echo "PASS  $1"; else echo "FAIL  $1"; fail=1; fi
}
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l | xargs printf "%.2f"; }

srcs=(corpus/pdf/digital/*.pdf)
[ -e "${srcs[0]}" ] || srcs=(../shared/real/*.pdf)
echo "# batch bench: $N inputs ($NBAD bad) from ${#srcs[@]} source PDFs, -j $JOBS, $(nproc) cores"
echo "# binary: $B2J ($("$B2J" --version))"

# --- inputs: copies in 10 folders (same names in each folder), bad ones spread in
bad_kinds=(empty.pdf:not_pdf page.html.pdf:not_pdf notes.txt.pdf:not_pdf truncated.pdf:damaged
           header-only.pdf:damaged encrypted.pdf:encrypted zero-pages.pdf:no_pages)
IN=$WORK/in
rm -rf "$IN" && mkdir -p "$IN"
: >"$WORK/expected-bad.tsv"
ngood=$((N - NBAD))
for ((i = 0; i < ngood; i++)); do
  src=${srcs[i % ${#srcs[@]}]}
  d=$IN/site$((i % 10))
  mkdir -p "$d"
  cp "$src" "$d/$(basename "$src" .pdf)-$((i / ${#srcs[@]})).pdf"
done
for ((i = 0; i < NBAD; i++)); do
  kind=${bad_kinds[i % ${#bad_kinds[@]}]}
  d=$IN/site$((i % 10))
  f=$d/bad-$i-${kind%%:*}
  cp "tests/data/bad/${kind%%:*}" "$f"
  printf "%s\t%s\n" "$f" "${kind##*:}" >>"$WORK/expected-bad.tsv"
done
echo "# inputs: $(find "$IN" -type f | wc -l) files in $IN"

# --- single-file references (one per source PDF), and their time
mkdir -p "$WORK/ref"
t0=$(now)
for src in "${srcs[@]}"; do
  "$B2J" -c -q "$src" | jq -c 'del(.source.file)' >"$WORK/ref/$(basename "$src" .pdf).json"
done
t1=$(now)
echo "# single-file runs of the ${#srcs[@]} sources: $(secs "$t0" "$t1") s"

# --- 1. the whole batch
t0=$(now)
"$B2J" -q -j "$JOBS" -o "$WORK/out" --summary "$WORK/summary.json" "$IN"
rc=$?
t1=$(now)
full_s=$(secs "$t0" "$t1")
echo "# batch of $N at -j $JOBS: $full_s s wall, exit $rc"
jq -r '"# summary: \(.inputs) inputs: \(.ok) ok, \(.partial) partial, \(.failed) failed, \(.not_done) not done; \(.pages) pages in \(.seconds) s; failed by code \(.failed_by_code | tojson)"' "$WORK/summary.json"
check "every input accounted for in the summary" \
  jq -e --argjson n "$N" '.inputs == $n and (.files | length) == $n and .not_done == 0 and .write_errors == 0' "$WORK/summary.json"
check "exit status 1 (some failed)" test "$rc" = 1
bad_ok=1
while IFS=$'\t' read -r f code; do
  got=$(jq -r --arg f "$f" '.files[] | select(.file == $f) | .code' "$WORK/summary.json")
  [ "$got" = "$code" ] || { echo "  $f: got $got, want $code"; bad_ok=0; }
done <"$WORK/expected-bad.tsv"
check "the $NBAD bad files failed with the right codes" test "$bad_ok" = 1
check "exactly the bad files failed" \
  jq -e --argjson b "$NBAD" '.failed == $b' "$WORK/summary.json"
same=1
ndiff=0
for out in "$WORK"/out/*.json; do
  file=$(jq -r .source.file "$out")
  case "$(basename "$file")" in bad-*) continue ;; esac
  stem=$(basename "$file" .pdf)
  ref=$WORK/ref/${stem%-*}.json
  if ! jq -c 'del(.source.file)' "$out" | cmp -s - "$ref"; then
    same=0; ndiff=$((ndiff + 1))
  fi
done
check "the other $((N - NBAD)) outputs are identical to single-file runs ($ndiff differ)" test "$same" = 1

# --- 2. SIGKILL halfway, then run again
K=$WORK/kill.jsonl
half=$(echo "$full_s / 2" | bc -l)
"$B2J" -q -j "$JOBS" --jsonl "$K" "$IN" &
pid=$!
sleep "$half"
kill -KILL "$pid"
wait "$pid" 2>/dev/null
lines1=$(wc -l <"$K")
sleep 0.5
orphans=$(ps -eo args | grep -v grep | grep -c -- "--jsonl $K" || true)
echo "# SIGKILL after ${half%.*}.$(echo "$half" | cut -d. -f2 | cut -c1-1) s: $lines1 whole lines written, $orphans children left"
check "no child outlives the killed batch" test "$orphans" = 0
t0=$(now)
"$B2J" -q -j "$JOBS" --jsonl "$K" --summary "$WORK/resume.json" "$IN"
t1=$(now)
echo "# re-run: $(secs "$t0" "$t1") s, $(jq .skipped "$WORK/resume.json") skipped as done"
check "after the re-run: $N lines" test "$(wc -l <"$K")" = "$N"
check "no duplicates" test "$(jq -r .source.file "$K" | sort -u | wc -l)" = "$N"
check "every line is whole JSON" jq -e -c .schema "$K"

# --- 3. overhead: the same documents one at a time, batch (-j 1) vs single-file runs
M=${OVERHEAD_DOCS:-40}
mapfile -t docs < <(find "$IN" -type f -name '*.pdf' ! -name 'bad-*' | sort | head -n "$M")
best_single=""
best_batch=""
for rep in 1 2 3; do
  t0=$(now)
  for f in "${docs[@]}"; do "$B2J" -c -q "$f" >/dev/null; done
  t1=$(now)
  s=$(secs "$t0" "$t1")
  t0=$(now)
  "$B2J" -q -j 1 --timeout 0 --jsonl - --summary "$WORK/over.json" "${docs[@]}" >/dev/null
  t1=$(now)
  b=$(secs "$t0" "$t1")
  [ -z "$best_single" ] || [ "$(echo "$s < $best_single" | bc)" = 1 ] && best_single=$s
  if [ -z "$best_batch" ] || [ "$(echo "$b < $best_batch" | bc)" = 1 ]; then
    best_batch=$b
    # the parent's own share: wall time minus the children's (fork to reap)
    children=$(jq '[.files[].seconds] | add | . * 1000 | round / 1000' "$WORK/over.json")
  fi
done
per_single=$(echo "$best_single / $M * 1000" | bc -l | xargs printf "%.1f")
per_batch=$(echo "$best_batch / $M * 1000" | bc -l | xargs printf "%.1f")
over=$(echo "($best_batch - $best_single) / $best_single * 100" | bc -l | xargs printf "%.1f")
echo "# overhead on $M digital documents, one at a time (best of 3):"
echo "#   single-file runs (a process each, in-process reading): $best_single s = $per_single ms/document"
echo "#   batch -j 1 (fork, pipe, parse, write per document):     $best_batch s = $per_batch ms/document"
echo "#   batch overhead: $over % of the single-file time"
parent_ms=$(echo "($best_batch - $children) / $M * 1000" | bc -l | xargs printf "%.1f")
echo "#   of the batch time, children (fork to reap) took $children s; the parent's own work"
echo "#   (scheduling, exact parse, writing) $parent_ms ms/document"
best_o=""
for rep in 1 2 3; do
  rm -rf "$WORK/over-o"
  t0=$(now)
  "$B2J" -q -j 1 --timeout 0 -o "$WORK/over-o" "${docs[@]}"
  t1=$(now)
  o=$(secs "$t0" "$t1")
  if [ -z "$best_o" ] || [ "$(echo "$o < $best_o" | bc)" = 1 ]; then best_o=$o; fi
done
o_ms=$(echo "$best_o / $M * 1000" | bc -l | xargs printf "%.1f")
o_over=$(echo "($best_o - $best_single) / $best_single * 100" | bc -l | xargs printf "%.1f")
echo "#   batch -j 1 with -o (temporary file and rename each, one sync at the end):"
echo "#     $best_o s = $o_ms ms/document, $o_over % against the single-file runs"
check "batch overhead under 5% of the single-file time" test "$(echo "$over < 5" | bc)" = 1
exit $fail

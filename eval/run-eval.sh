#!/usr/bin/env bash
# Runs budget2json on every corpus document (corpus/MANIFEST.tsv), on the real reports
# (../shared/real/*.pdf) and on their scans (corpus/real-scan/*.pdf, when generated), then
# scores the outputs with eval/score.py and prints one row per grade.
#
#   OUT/<grade>/<id>.json    the program's stdout     OUT/<grade>/<id>.err  its stderr
#   OUT/<grade>/timing.tsv   id, wall seconds, exit status, CPU seconds (user+sys)
#   OUT/real/<name>.txt      pdftotext of each real PDF (the titles it names are scored)
#   OUT/crashes.tsv          grade, id, exit status of every run that crashed or timed out
#
# Environment: BIN (build/budget2json), PYTHON, OUT (out/eval), MANIFEST
# (corpus/MANIFEST.tsv), REAL (../shared/real), REAL_SCAN (corpus/real-scan), JOBS (2
# documents at a time), TIMEOUT (seconds per document, 600), GRADES (comma list: only these),
# JSON (eval/last.json), B2J_FLAGS (extra options for every run, e.g. --no-repair). Each program run is limited to one thread (OMP_THREAD_LIMIT=1,
# B2J_THREADS=1), so a document's wall time is its single-threaded time; JOBS only runs
# documents side by side. A crash or a timeout is recorded and the run goes on.
set -u

if [ "${1:-}" = "--one" ]; then
  # Worker: --one GRADE ID PDF
  grade=$2 id=$3 pdf=$4
  dir=$OUT/$grade
  start=$(date +%s.%N)
  TIMEFORMAT='%U %S'
  cpu=$( { time OMP_THREAD_LIMIT=1 B2J_THREADS=1 timeout -k 10 "$TIMEOUT" "$BIN" $B2J_FLAGS "$pdf" \
            >"$dir/$id.json" 2>"$dir/$id.err"; echo "rc=$?" >"$dir/$id.rc"; } 2>&1 )
  end=$(date +%s.%N)
  rc=$(sed -n "s/^rc=//p" "$dir/$id.rc" 2>/dev/null); rc=${rc:-125}; rm -f "$dir/$id.rc"
  read -r u s <<<"$(echo "$cpu" | tail -n 1)"
  line=$(awk -v id="$id" -v a="$start" -v b="$end" -v rc="$rc" -v u="${u:-0}" -v s="${s:-0}" \
         'BEGIN { printf "%s\t%.3f\t%s\t%.3f\n", id, b - a, rc, u + s }')
  printf '%s\n' "$line" >>"$dir/timing.tsv"   # one short write: atomic with O_APPEND
  if [ "$rc" -ge 124 ]; then
    printf '%s\t%s\t%s\n' "$grade" "$id" "$rc" >>"$OUT/crashes.tsv"
    echo "eval: $grade/$id: exit $rc ($( [ "$rc" = 124 ] && echo timeout || echo crash))" >&2
  fi
  exit 0
fi

cd "$(dirname "$0")/.." || exit 2
BIN=${BIN:-build/budget2json}
PYTHON=${PYTHON:-/usr/bin/python3}
OUT=${OUT:-out/eval}
MANIFEST=${MANIFEST:-corpus/MANIFEST.tsv}
REAL=${REAL:-../shared/real}
REAL_SCAN=${REAL_SCAN:-corpus/real-scan}
JOBS=${JOBS:-2}
TIMEOUT=${TIMEOUT:-600}
GRADES=${GRADES:-}
JSON=${JSON:-eval/last.json}
B2J_FLAGS=${B2J_FLAGS:-}
export OUT TIMEOUT B2J_FLAGS

[ -x "$BIN" ] || { echo "eval: no program at $BIN (make all first)" >&2; exit 2; }
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
export BIN

want() { [ -z "$GRADES" ] || [[ ",$GRADES," == *",$1,"* ]]; }

case "$OUT" in */eval|out/*) rm -rf "$OUT" ;; esac
mkdir -p "$OUT"
: >"$OUT/crashes.tsv"
jobs_file=$OUT/jobs
: >"$jobs_file"

# Corpus documents: id, grade, pdf, truth, pages (header line "id …" skipped)
n=0
if [ -f "$MANIFEST" ]; then
  while IFS=$'\t' read -r id grade pdf _truth _pages; do
    case "$id" in ''|id|'#'*) continue ;; esac
    want "$grade" || continue
    p=$pdf
    [ -f "$p" ] || p=$(dirname "$MANIFEST")/$pdf
    [ -f "$p" ] || { echo "eval: $grade/$id: no PDF $pdf" >&2; continue; }
    mkdir -p "$OUT/$grade"
    printf '%s\0%s\0%s\0' "$grade" "$id" "$p" >>"$jobs_file"
    n=$((n + 1))
  done <"$MANIFEST"
else
  echo "eval: no $MANIFEST (make corpus): corpus grades skipped" >&2
fi

# Real reports, and the pdftotext text the scorer looks for standard titles in. The
# real-scan grade is scored against these born-digital readings, so it runs them too.
if { want real || want real-scan; } && [ -d "$REAL" ]; then
  mkdir -p "$OUT/real"
  for f in "$REAL"/*.pdf; do
    [ -f "$f" ] || continue
    name=$(basename "$f" .pdf)
    pdftotext -enc UTF-8 "$f" "$OUT/real/$name.txt" 2>/dev/null || : >"$OUT/real/$name.txt"
    printf '%s\0%s\0%s\0' real "$name" "$f" >>"$jobs_file"
    n=$((n + 1))
  done
fi
if want real-scan && [ -d "$REAL_SCAN" ]; then
  for f in "$REAL_SCAN"/*.pdf; do
    [ -f "$f" ] || continue
    mkdir -p "$OUT/real-scan"
    printf '%s\0%s\0%s\0' real-scan "$(basename "$f" .pdf)" "$f" >>"$jobs_file"
    n=$((n + 1))
  done
fi

for d in "$OUT"/*/; do [ -d "$d" ] && : >"$d/timing.tsv"; done
echo "eval: $n documents, $JOBS at a time, $BIN" >&2
start=$(date +%s)
xargs -0 -n 3 -P "$JOBS" -a "$jobs_file" bash "$PWD/eval/run-eval.sh" --one
echo "eval: ran in $(( $(date +%s) - start )) s; crashes/timeouts: $(wc -l <"$OUT/crashes.tsv")" >&2

# Every output must match the schema; count the ones that do not (details in schema.txt).
outs=$(find "$OUT" -mindepth 2 -name '*.json' -size +0 | sort)
if [ -n "$outs" ]; then
  printf '%s\n' "$outs" | tr '\n' '\0' |
    xargs -0 "$PYTHON" tests/lib/validate_schema.py docs/budget2json.schema.json >"$OUT/schema.txt" 2>&1
  bad=$(grep -oE '^[^:]+\.json' "$OUT/schema.txt" | sort -u | wc -l)
  echo "eval: outputs not matching the schema: $bad of $(printf '%s\n' "$outs" | wc -l) (see $OUT/schema.txt)" >&2
fi

args=(--manifest "$MANIFEST" --out-dir "$OUT" --real "$REAL" --real-scan-dir "$REAL_SCAN" --json "$JSON")
[ -n "$GRADES" ] && args+=(--grades "$GRADES")
"$PYTHON" eval/score.py "${args[@]}"

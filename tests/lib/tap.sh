# Shell helpers for end-to-end tests, git-style: each block is a short chain.
#   test_expect_success 'what behaviour it pins' 'commands && more'
# Runs in a scratch folder ($TRASH); prints TAP. Source it, then call test_done.
set -u
: "${B2J:?B2J must name the budget2json binary}"
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SHARED=${SHARED:-$TOP/../shared}
CORPUS=$TOP/corpus
PYTHON=${PYTHON:-/usr/bin/python3}
SCHEMA=$TOP/docs/budget2json.schema.json
TRASH=$(mktemp -d "${TMPDIR:-/tmp}/b2j-test.XXXXXX")
trap 'rm -rf "$TRASH"' EXIT
tap_n=0
tap_failed=0

test_expect_success() {
  local desc=$1 body=$2
  tap_n=$((tap_n + 1))
  local log="$TRASH/.log.$tap_n"
  if (cd "$TRASH" && eval "$body") >"$log" 2>&1; then
    echo "ok $tap_n - $desc"
  else
    tap_failed=$((tap_failed + 1))
    echo "not ok $tap_n - $desc"
    sed 's/^/#   /' "$log" | tail -n 25
  fi
}

# Skips (counted as passing, said as skip) when a prerequisite is absent.
test_skip() {
  tap_n=$((tap_n + 1))
  echo "ok $tap_n - # SKIP $1"
}

# Validates every JSON object (a file of one object, or JSON Lines) against the schema.
validate_schema() {
  "$PYTHON" "$TOP/tests/lib/validate_schema.py" "$SCHEMA" "$@"
}

test_done() {
  echo "1..$tap_n"
  [ "$tap_failed" = 0 ]
}

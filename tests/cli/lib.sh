# lib.sh -- helpers for CLI tests.  A test script:
#   . "$(dirname "$0")/lib.sh"
#   run recoupe extract x.html      # sets $out, $err, $rc
#   expect_rc 0 "extract exits 0"
#   expect_out "Title" "prints the title"
#   expect_err "x.html" "names the file"
#   finish
# Paths: $ROOT is the repository, $DATA tests/data, $EX examples, $TMP a scratch dir.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA="$ROOT/tests/data"
EX="$ROOT/examples"
TMP=$(mktemp -d /tmp/recoupe-cli-XXXXXX)
trap 'rm -rf "$TMP"' EXIT
_p=0; _f=0; out=""; err=""; rc=0
_name=$(basename "$0" .t.sh)
run() { "$RECOUPE" "$@" >"$TMP/.out" 2>"$TMP/.err" </dev/null; rc=$?; out=$(cat "$TMP/.out"); err=$(cat "$TMP/.err"); }
run_stdin() { f=$1; shift; "$RECOUPE" "$@" <"$f" >"$TMP/.out" 2>"$TMP/.err"; rc=$?; out=$(cat "$TMP/.out"); err=$(cat "$TMP/.err"); }
pass() { _p=$((_p + 1)); echo "ok   $_name: $1"; }
fail() { _f=$((_f + 1)); echo "FAIL $_name: $1"; [ -n "${2:-}" ] && echo "     $2"; return 0; }
expect_rc() { [ "$rc" -eq "$1" ] && pass "$2" || fail "$2" "exit $rc, want $1; stderr: $(echo "$err" | head -c 400)"; }
expect_out() { case "$out" in *"$1"*) pass "$2" ;; *) fail "$2" "stdout lacks '$1': $(echo "$out" | head -c 400)" ;; esac; }
expect_no_out() { case "$out" in *"$1"*) fail "$2" "stdout has '$1'" ;; *) pass "$2" ;; esac; }
expect_err() { case "$err" in *"$1"*) pass "$2" ;; *) fail "$2" "stderr lacks '$1': $(echo "$err" | head -c 400)" ;; esac; }
expect() { if eval "$1"; then pass "$2"; else fail "$2" "condition: $1"; fi; }
finish() { echo "$_p passed, $_f failed"; [ "$_f" -eq 0 ]; }

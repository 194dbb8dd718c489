#!/bin/sh
# End-to-end checks of the real binary: the command line with pasted text on standard input, and
# --screenshot of each view (needs a display: CTest runs under xvfb-run, see scripts/test.sh).
# Usage: end_to_end.sh MINGLE_BINARY SOURCE_DIR
set -eu
mingle="$1"
source_dir="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/mingle.db"
export XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data"

fail() { echo "FAIL: $*" >&2; exit 1; }

# Pasted text on standard input.
printf 'Mette Jensen, Projektleder, Vestas\nSøren Bæk - Direktør - Ørsted A/S\n' |
    "$mingle" --db "$db" import --event "Reception" - > "$work/out.txt"
grep -q "2 new people" "$work/out.txt" || fail "pasted import: $(cat "$work/out.txt")"
"$mingle" --db "$db" people --event Reception --json | grep -q '"company": "Ørsted A/S"' || fail "people --json"

# Bad input: a clear message and a non-zero status.
printf 'Name,Email\n"Unterminated,x@y.dk\n' > "$work/bad.csv"
if "$mingle" --db "$db" import --event Reception "$work/bad.csv" 2> "$work/err.txt"; then fail "bad file accepted"; fi
grep -q "bad.csv:2" "$work/err.txt" || fail "bad file message: $(cat "$work/err.txt")"

# The database is private to the user.
[ "$(stat -c %a "$db")" = 600 ] || fail "database mode is $(stat -c %a "$db")"

# Screenshots of every view, on a fresh default database seeded with the demo event.
if [ -z "${DISPLAY:-}" ]; then
    echo "no DISPLAY: screenshots skipped (run under xvfb-run)"; exit 0
fi
for view in events import participants; do
    "$mingle" --screenshot "$work/$view.png" --view "$view" --size 1280x800 || fail "screenshot $view"
    python3 "$source_dir/tests/check_png.py" "$work/$view.png" 1280 800 || fail "screenshot $view is wrong"
done
[ -f "$work/data/mingle/mingle.db" ] || fail "the default database was not created in XDG_DATA_HOME"
"$mingle" events --json | grep -q "netværksreception" || fail "the demo event is missing"
"$mingle" --screenshot "$work/small.png" --view participants --size 800x600 || fail "screenshot 800x600"
python3 "$source_dir/tests/check_png.py" "$work/small.png" 800 600 || fail "small screenshot"
echo "end-to-end: all good"

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

# Preparing: a target with a plan, and who can introduce.
"$mingle" --db "$db" event add "Forum" --date 2025-01-01 > /dev/null
printf 'First Name,Last Name,Email,Company\nLars,Holm,lars@orsted.dk,Ørsted A/S\nKaren,Blix,karen@novo.dk,Novo\n' > "$work/forum.csv"
"$mingle" --db "$db" import --event Forum "$work/forum.csv" > /dev/null || fail "forum import"

# Pasted text on standard input.
printf 'Mette Jensen, Projektleder, Vestas\nSøren Bæk - Direktør - Ørsted A/S\n' |
    "$mingle" --db "$db" import --event "Reception" - > "$work/out.txt"
grep -q "2 new people" "$work/out.txt" || fail "pasted import: $(cat "$work/out.txt")"
"$mingle" --db "$db" people --event Reception --json | grep -q '"company": "Ørsted A/S"' || fail "people --json"

# Søren is reached through Lars, who also works at Ørsted and is someone the user knows.
soren=$("$mingle" --db "$db" people --search "Søren" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
lars=$("$mingle" --db "$db" people --search "Lars" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
"$mingle" --db "$db" person set "$lars" --relation vip || fail "person set"
"$mingle" --db "$db" target set --event Reception --person "$soren" --circle central --ask "Hvem ansætter?" || fail "target set"
"$mingle" --db "$db" targets --event Reception --json | grep -q '"ask": "Hvem ansætter?"' || fail "targets --json"
"$mingle" --db "$db" introducers --event Reception --person "$soren" --json > "$work/intro.json" || fail "introducers"
python3 - "$work/intro.json" <<'PY' || fail "introducers --json: $(cat "$work/intro.json")"
import json, sys
openers = json.load(open(sys.argv[1]))
assert openers[0]["first_name"] == "Lars" and openers[0]["attending"] is False, openers
assert any("Ørsted" in reason for reason in openers[0]["reasons"]), openers
PY
# Two open questions for Søren, in Danish, that name his company.
"$mingle" --db "$db" prompts --event Reception --person "$soren" --lang da --count 2 --json > "$work/prompts.json" ||
    fail "prompts"
python3 - "$work/prompts.json" <<'PY' || fail "prompts --json: $(cat "$work/prompts.json")"
import json, sys
prompts = json.load(open(sys.argv[1]))
assert len(prompts) == 2 and all(p["text"].startswith("Hv") and p["kind"] for p in prompts), prompts
assert any("Ørsted" in p["text"] or "Direktør" in p["text"] for p in prompts), prompts
PY
if "$mingle" --db "$db" target set --event Reception --person "$soren" --circle middle 2> "$work/err.txt"; then
    fail "a wrong circle was accepted"
fi
grep -q "central, inner or outer" "$work/err.txt" || fail "wrong circle message: $(cat "$work/err.txt")"

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
# In the sanitizer build, leak checking is off for the windowed runs only: the Mesa driver leaves
# 112 bytes behind, allocated in a module it has already unloaded, so no suppression can name it.
# Our drawing code is leak-checked by the headless UI tests, which run the same frame function.
screenshot() {
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" "$mingle" --screenshot "$@"
}
for view in events import participants prep rings bank reception followup review; do
    screenshot "$work/$view.png" --view "$view" --size 1280x800 || fail "screenshot $view"
    python3 "$source_dir/tests/check_png.py" "$work/$view.png" 1280 800 || fail "screenshot $view is wrong"
done
[ -f "$work/data/mingle/mingle.db" ] || fail "the default database was not created in XDG_DATA_HOME"
"$mingle" events --json | grep -q "netværksreception" || fail "the demo event is missing"
for view in participants prep rings reception followup review; do
    screenshot "$work/small-$view.png" --view "$view" --size 800x600 || fail "screenshot $view 800x600"
    python3 "$source_dir/tests/check_png.py" "$work/small-$view.png" 800 600 || fail "small screenshot of $view"
done
# The pocket card for the phone: one file, private, with no script and no link out.
"$mingle" export pocket --event "Grøn omstilling – netværksreception" "$work/pocket.html" || fail "export pocket"
[ "$(stat -c %a "$work/pocket.html")" = 600 ] || fail "pocket card mode is $(stat -c %a "$work/pocket.html")"
grep -q "Mette Østergaard" "$work/pocket.html" || fail "the pocket card lacks the targets"
if grep -qi "<script\|https\?://" "$work/pocket.html"; then fail "the pocket card has a script or a link"; fi
# The morning after: a calendar of what is owed, a sheet, and the drafts, each private.
for kind in ics csv; do
    "$mingle" export "$kind" --event "Grøn omstilling – netværksreception" "$work/owed.$kind" || fail "export $kind"
    [ "$(stat -c %a "$work/owed.$kind")" = 600 ] || fail "export $kind mode is $(stat -c %a "$work/owed.$kind")"
done
grep -q "BEGIN:VTODO" "$work/owed.ics" || fail "the calendar has no to-dos"
# Drafts need the user's address, and the CV that was promised: without them, a clear refusal.
if "$mingle" export drafts --event "Grøn omstilling – netværksreception" "$work/drafts" 2> "$work/err.txt"; then
    fail "drafts without [me] were written"
fi
grep -q "\[me\]" "$work/err.txt" || fail "drafts without [me]: $(cat "$work/err.txt")"
printf '%%PDF-1.4 my CV\n' > "$work/cv.pdf"
mkdir -p "$work/config/mingle"
printf '[me]\nname = "Anne Jensen"\nemail = "anne@example.dk"\ncv_path = "%s"\n' "$work/cv.pdf" > "$work/config/mingle/config.toml"
"$mingle" export drafts --event "Grøn omstilling – netværksreception" "$work/drafts" > /dev/null || fail "export drafts"
grep -q "X-Unsent: 1" "$work/drafts/"*.eml || fail "the drafts are not drafts"
grep -l "cv.pdf" "$work/drafts/"*.eml > /dev/null || fail "the promised CV is not attached"
"$mingle" followups --event "Grøn omstilling – netværksreception" --json | grep -q '"by": "me"' || fail "followups --json"
# The demo's plan, through the command line the prep board mirrors.
"$mingle" targets --event "Grøn omstilling – netværksreception" --json | grep -q '"circle": "central"' ||
    fail "the demo's targets are missing"
echo "end-to-end: all good"

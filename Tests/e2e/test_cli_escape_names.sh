#!/usr/bin/env bash
# Issue 25, item 3: a file or folder name with escape codes (ESC ] 0;… BEL sets the terminal's
# title, ESC [2J clears it) reaches no terminal raw: `aggregate`'s note on a skipped file and
# `content check DIR`'s "is clean" line show the codes as visible text. Before, both printed them
# raw to stderr.
. "$(dirname "$0")/lib.sh"

ESC=$(printf '\033')
BEL=$(printf '\007')
FIXTURE="$(cd "$(dirname "$0")/.." && pwd)/IglooReportTests/Fixtures/home-care.json"
CONTENT="$(cd "$(dirname "$0")/../.." && pwd)/Content"

dir="$T/round"
mkdir -p "$dir"
cp "$FIXTURE" "$dir/a.igloo.json"
printf 'not a session' >"$dir/x${ESC}]0;pwned${BEL}${ESC}[2J.json"
"$IGLOO_BIN" aggregate "$dir"/* >"$T/out.txt" 2>"$T/err.txt"
grep -q "skipped\|springes over\|not an igloo session" "$T/err.txt" || fail "no skip note: $(cat "$T/err.txt")"
if grep -q "$ESC" "$T/err.txt" || grep -q "$BEL" "$T/err.txt"; then fail "aggregate printed a raw escape code: $(od -c "$T/err.txt" | head)"; fi
grep -qF '\u001b]0;pwned\u0007\u001b[2J' "$T/err.txt" || fail "the skip note does not show the codes: $(cat "$T/err.txt")"

pack="$T/pack${ESC}]0;pwned${BEL}"
cp -r "$CONTENT" "$pack"
"$IGLOO_BIN" content check "$pack" >"$T/out2.txt" 2>"$T/err2.txt" || fail "content check failed: $(cat "$T/err2.txt")"
[ -s "$T/err2.txt" ] || fail "no clean line"
if grep -q "$ESC" "$T/err2.txt" || grep -q "$BEL" "$T/err2.txt"; then fail "content check printed a raw escape code: $(od -c "$T/err2.txt" | head)"; fi
grep -qF '\u001b]0;pwned\u0007' "$T/err2.txt" || fail "the clean line does not show the codes: $(cat "$T/err2.txt")"
exit 0

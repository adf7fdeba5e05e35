#!/usr/bin/env bash
# Follow-up in the real binary: typing the previous round's file on the Follow-up step shows what
# has changed since then, read without a lock and without a write; a file that cannot be read
# shows one error line naming it, and the wizard goes on.
. "$(dirname "$0")/lib.sh"

fixtures="$(cd "$(dirname "$0")/../IglooReportTests/Fixtures" && pwd)"
cp "$fixtures/home-care.json" "$T/out/previous.json"
before=$(sha256sum "$T/out/previous.json")
printf 'not a session' > "$T/out/broken.json"

start_shell 100 30
launch
new_assessment "Opfølgning på Ærø"
go_to_step 2
pick_use_cases 1
go_to_step 8
wait_for "Previous round (file)"
send Down
type_text "$T/out/broken.json"
send Enter
wait_for "The previous round cannot be read"
# The error itself names the file: with the field emptied, the name is still on screen, in a line
# that says what is wrong with it (the field alone would show the name too).
send C-u
wait_gone "$T/out/broken.json_" 5
screen >"$T/error.screen"
grep -F "broken.json" "$T/error.screen" | grep -qiE "cannot|not valid JSON|JSON" ||
  { cat "$T/error.screen" >&2; fail "the error does not name the file"; }
note "error screen: $(grep -F broken.json "$T/error.screen")"
type_text "$T/out/previous.json"
send Enter
wait_for "Changes since the previous round"
wait_for "Residual risk, then → now"
[ "$(sha256sum "$T/out/previous.json")" = "$before" ] || fail "the previous round's file was changed"
[ ! -e "$T/out/previous.json.lock" ] || fail "reading the previous round took a lock"
quit_wizard
file=$(session_files | head -n 1)
json_check "$file" "s['follow_up']['previous_round'].endswith('previous.json')"
exit 0

#!/usr/bin/env bash
# (a) A whole assessment through the real binary: a new assessment with a workplace typed in
# Danish (æøå), two use cases, answers on three IGLOO levels with a note, a window resize in the
# middle (80×24 → 120×40 → 80×24), an action accepted and edited, a Markdown export whose content
# is checked, a clean quit, and the terminal given back (no alternate screen, cursor visible,
# the shell prompt back, the tty in canonical mode with echo).
. "$(dirname "$0")/lib.sh"

WORKPLACE="Kærgården Ældrepleje"
NOTE="Vi mangler træning på Ærø"
OWNER="Søren Ødegård"
EXPORT="$T/out/vurdering.md"

start_shell 80 24
launch
new_assessment "$WORKPLACE"
go_to_step 2
pick_use_cases 2

note "resize to 120x40 on the scope screen"
resize 120 40
wait_for "Chat assistant" # the taller list shows more use cases
[ "$(pane_flag window_width)" = 120 ] || fail "the window did not resize"
resize 80 24
wait_gone "Chat assistant"
wait_for "Step 2/9"
wait_for "Uses chosen: 2"

go_to_step 3
wait_for "Individual · statement 1 of"
answer 4 I 1
answer 2 I 2
send Tab
type_text "$NOTE"
send Enter
wait_for "$NOTE"
answer 3 I 3

note "resize to 120x40 on a question: the header then has room for the whole status"
resize 120 40
wait_for "saved · EN"
resize 80 24
wait_gone "saved · EN"
wait_for "Individual · statement 4 of"

level Group
answer 5 G 1
answer d G 2
level Leadership
answer 1 L 1
answer n L 2

note "action plan: accept the first suggestion and fill in who and when"
go_to_step 7
wait_for "0 accepted"
send a
wait_for "1 accepted"
send Enter
wait_for "Responsible"
send Tab
type_text "$OWNER"
send Tab
type_text "2026-12-31"
wait_for "2026-12-31"
send Escape
wait_for "1 accepted"

note "export Markdown to $EXPORT"
go_to_step 9
wait_for "Format"
send Tab C-u
type_text "$EXPORT"
wait_for "vurdering.md"
send Enter
wait_for "The file was saved"
[ -f "$EXPORT" ] || fail "no export at $EXPORT"

quit_wizard
wait_for "saved in $T/data/igloo/"
assert_terminal_restored

note "check the export"
grep -qF "$WORKPLACE" "$EXPORT" || fail "the export does not name the workplace"
grep -q '^# ' "$EXPORT" || fail "the export has no title"
grep -q '^## ' "$EXPORT" || fail "the export has no section headings"
grep -q '^### I – Individual' "$EXPORT" || fail "the export has no Individual level section"
grep -qF "$OWNER" "$EXPORT" || fail "the export's action plan does not name $OWNER"
grep -qF "$NOTE" "$EXPORT" || fail "the export does not carry the note"
[ "$(stat -c %a "$EXPORT")" = 600 ] || fail "the export is not mode 0600"

note "check the session file"
file=$(session_files)
[ "$(printf '%s\n' "$file" | grep -c .)" = 1 ] || fail "expected one session file, found: $file"
got=$(answers_of "$file")
want=$(printf '%s\n' "1|" "2|" "3|$NOTE" "4|" "5|" "dont-know|" "not-relevant|" | sort)
[ "$got" = "$want" ] || fail "answers in the session: $got; expected: $want"
json_check "$file" "s['about']['workplace'] == '$WORKPLACE'"
json_check "$file" "len(s['scope']) == 2"
json_check "$file" "any(p.get('responsible') == '$OWNER' and p.get('deadline') == '2026-12-31' for p in s['plan'])"
[ ! -e "$file.lock" ] || fail "the lock was not released on quit"
[ "$(stat -c %a "$file")" = 600 ] || fail "the session is not mode 0600"
exit 0

#!/usr/bin/env bash
# (l) The action plan as an APV needs it, in the real binary: an action accepted without a
# deadline is warned about; "31-12-2027" typed as its deadline is saved as 2027-12-31; "næste uge"
# is refused with a message naming the field and is not saved; leaving the plan with an
# incomplete action asks once; an approval is recorded and stated in the exported Markdown.
. "$(dirname "$0")/lib.sh"

EXPORT="$T/out/plan.md"
APPROVER="Åse Jørgensen"

start_shell 80 24
launch
new_assessment "Kantinen på Åbyhøj"
go_to_step 2
pick_use_cases 2
go_to_step 3
wait_for "Individual · statement 1 of"
answer 4 I 1
answer 2 I 2
answer 3 I 3
level Group
answer 5 G 1
answer d G 2
level Leadership
answer 1 L 1
answer n L 2

note "accept the first suggestion with nobody responsible and no deadline"
go_to_step 7
wait_for "0 accepted"
send a
wait_for "1 accepted"
wait_for "The action lacks a responsible person, a deadline"
wait_for "! 1. "
FILE=$(session_files | head -1)
[ -n "$FILE" ] || fail "no session file"
json_check "$FILE" 'any(p["status"] == "accepted" and p.get("deadline", "") == "" for p in s["plan"])'

note "a deadline in words is refused"
send Enter
wait_for "Responsible"
send Tab Tab
type_text "næste uge"
wait_for "næste uge"
send Tab
wait_for "is not a date – not saved"
wait_for "31-12-2027"
json_check "$FILE" 'all(p.get("deadline", "") == "" for p in s["plan"])'

note "a deadline typed the Danish way is stored as ISO"
send BTab
type_text "31-12-2027"
send Tab
wait_for "2027-12-31"
json_check "$FILE" 'any(p.get("deadline") == "2027-12-31" for p in s["plan"])'
send Escape
wait_for "1 accepted"
wait_for "! Lacks a responsible person"

note "record the approval"
send g
wait_for "Approval of the action plan"
send Enter
type_text "$APPROVER"
wait_for "$APPROVER"
send Escape
# Leaving the form asks before anything is recorded (issue 25 item 14).
wait_for "Record the approval"
send y
wait_for "Approved on"
json_check "$FILE" 's["approval"]["by"][0]["name"] == "Åse Jørgensen" and len(s["approval"]["date"]) == 10'

note "leaving the plan with an incomplete action asks once"
send NPage
wait_for "Go on anyway?"
send y
wait_for "Step 8/9"
go_to_step 9
wait_for "Format"
send Tab C-u
type_text "$EXPORT"
wait_for "plan.md"
send Enter
wait_for "The file was saved"
[ -f "$EXPORT" ] || fail "no export at $EXPORT"
grep -q "The action plan was approved on .* by $APPROVER" "$EXPORT" || fail "the export does not state the approval"
grep -q "lacks responsible person" "$EXPORT" || fail "the export does not list the incomplete action"
grep -q "2027-12-31" "$EXPORT" || fail "the export does not show the deadline"

quit_wizard
assert_terminal_restored

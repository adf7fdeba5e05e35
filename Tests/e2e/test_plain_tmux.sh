#!/usr/bin/env bash
# Line mode at a real terminal (issue 28), typed into a tmux pane as a screen-reader user would:
# a new assessment with two voices; the first voice answers, `v` switches, and the voice line mode
# announces is the voice the next answer is saved under; the review lists the second voice's
# unanswered statements; `gå 7` lists the whole action plan with each line's status, and a line
# accepted and given an owner and a deadline reads back with them, the date as it was typed.
# Every line on screen fits the pane's width (line mode wraps at the terminal's width).
. "$(dirname "$0")/lib.sh"

start_shell 72 40
launch --plain --lang da
wait_for "Arbejdsplads"
# About: workplace, unit, sector, head count, date kept, no participant, two voices.
for line in "Tovejs Ærø" "Lageret" "" "" "" "" "Ledelse" "j" "Medarbejdere" ""; do
  type_text "$line"; send Enter
done
wait_for "Anvendelser:"
type_text "9 hurtig"; send Enter
wait_for "Med nu: 9"
send Enter
wait_for "Svar:"
# The first voice answers two statements, then switches.
type_text "4"; send Enter
type_text "2"; send Enter
type_text "v"; send Enter
wait_for "Du svarer som Medarbejdere."
type_text "5"; send Enter
settle
file=$(session_files | head -n 1)
[ -n "$file" ] || fail "no session file"
json_check "$file" '[v["name"] for v in s["voices"]] == ["Ledelse", "Medarbejdere"]'
json_check "$file" 'list(s["answers"]["voice-2"].values()) == [{"value": 5}]'
json_check "$file" 'sorted(a["value"] for a in s["answers"]["default"].values()) == [2, 4]'
# The review names the second voice's gaps.
type_text "gå 5"; send Enter
wait_for "Trin 5 af 9: Gennemgang"
wait_for "Medarbejdere mangler"
# The plan, listed whole with status; a line accepted and filled in reads back with its owner and deadline.
type_text "gå 7"; send Enter
wait_for "Handlingsplanen har"
n=$(screen | sed -n 's/.*Handlingsplanen har \([0-9]*\) linjer.*/\1/p' | tail -n 1)
[ -n "$n" ] && [ "$n" -gt 1 ] || fail "the plan listing does not say its lines: $(screen)"
screen | grep -q "Foreslået" || fail "the plan listing has no status: $(screen)"
for line in "a 1" "e 1" "" "Mette Holm" "31-12-2027" "" "" "" ""; do
  type_text "$line"; send Enter
done
type_text "l"; send Enter
wait_for "Trin 7 af 9"
screen | tr '\n' ' ' | grep -qF "ansvarlig Mette Holm, frist 31-12-2027" || fail "the accepted line does not read back its owner and deadline: $(screen)"
json_check "$file" '[(p["status"], p["responsible"], p["deadline"]) for p in s["plan"]] == [("accepted", "Mette Holm", "2027-12-31")]'
screen | awk 'length($0) > 72 { bad = 1 } END { exit bad }' || fail "a line is wider than the pane"
type_text "q"; send Enter
[ "$(wait_exit)" = 0 ] || fail "line mode did not end with 0"
exit 0

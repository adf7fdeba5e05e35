#!/usr/bin/env bash
# (f) Awkward sizes: started in a 20×10 window igloo shows only "Make the window larger" (and
# says the current size); made larger it carries on; 100 resizes in a burst (down to 1×1 and up
# to 200×60) neither crash nor hang it; a non-UTF-8 locale (LANG=C) still shows æøå; with no
# UTF-8 locale at all, ASCII stand-ins are drawn, the fallback is announced on stderr and the
# text is still saved intact; and it quits cleanly with the terminal given back.
. "$(dirname "$0")/lib.sh"

start_shell 20 10
launch
wait_for "Make the window"
wait_for "20×10"
[ "$(pane_flag alternate_on)" = 1 ] || fail "igloo is not on the alternate screen"

note "grow to 80x24"
resize 80 24
wait_for "New assessment"
new_assessment "Lille vindue på Ærø"

note "100 resizes in a burst"
sizes=(1x1 20x10 200x60 59x19 60x20 80x24 120x40 30x5 150x50 61x21)
for i in $(seq 0 99); do
  s=${sizes[$((i % ${#sizes[@]}))]}
  $TM resize-window -t "$PANE" -x "${s%x*}" -y "${s#*x}"
done
resize 80 24
wait_for "Lille vindue på Ærø"
wait_for "Step 1/9"
kill -0 "$(igloo_pid)" 2>/dev/null || fail "igloo is gone after the resize burst"
[ ! -s "$T/rc" ] || fail "igloo exited during the resize burst with $(cat "$T/rc")"

note "too small again in the middle of a form, then back: nothing lost"
resize 40 12
wait_for "Make the window"
wait_for "Nothing has been lost"
resize 80 24
wait_for "Lille vindue på Ærø"
quit_wizard
assert_terminal_restored
file=$(session_files)
json_check "$file" "s['about']['workplace'] == 'Lille vindue på Ærø'"

note "LANG=C (not UTF-8): æøå still shown and typed correctly"
E2E_ENV="LANG=C LC_ALL=C XDG_DATA_HOME=$T/data-c"
launch
wait_for "New assessment"
new_assessment "Sønderå Æbleplantage"
quit_wizard
assert_terminal_restored
file=$(find "$T/data-c" -name '*.igloo.json' -type f)
json_check "$file" "s['about']['workplace'] == 'Sønderå Æbleplantage'"

note "no UTF-8 locale at all (forced with IGLOO_TEST_ASCII=1): ASCII stand-ins, text saved intact"
E2E_ENV="IGLOO_TEST_ASCII=1 XDG_DATA_HOME=$T/data-ascii"
launch
wait_for "New assessment"
new_assessment_ascii() {
  send Enter
  wait_for "Step 1/9"
  type_text "Sønderå Æbleplantage"
  wait_for "Sondera Ableplantage"
}
new_assessment_ascii
screen | grep -q '[^ -~]' && fail "non-ASCII characters on the screen in ASCII mode"
quit_wizard
grep -qF "no UTF-8 locale is available" "$T/stderr" || fail "the ASCII fallback was not announced: $(cat "$T/stderr")"
assert_terminal_restored
file=$(find "$T/data-ascii" -name '*.igloo.json' -type f)
json_check "$file" "s['about']['workplace'] == 'Sønderå Æbleplantage'"
exit 0

#!/usr/bin/env bash
# (b) SIGKILL after some answers loses nothing: the session file parses and holds every answer
# (and the note) that was on screen as answered; `igloo resume FILE` then takes over the stale
# lock, opens the session where it was left, shows the answers, and a further answer is added to
# the same file.
. "$(dirname "$0")/lib.sh"

NOTE="Læs før vi tager stilling"

start_shell 80 24
launch
first_statement "Kill-test Ærøskøbing"
answer 5 I 1
answer 4 I 2
send Tab
type_text "$NOTE"
send Enter
wait_for "$NOTE"
answer d I 3
level Group
answer 2 G 1
answer n G 2
# The group level of this scope has two statements (issue 9 retired a third); the next answer is
# the first at Leadership, where the wizard has moved on.
answer 1 L 1

pid=$(igloo_pid)
kill -KILL "$pid"
rc=$(wait_exit 10)
[ "$rc" = 137 ] || fail "expected exit status 137 after SIGKILL, got $rc"

file=$(session_files)
[ "$(printf '%s\n' "$file" | grep -c .)" = 1 ] || fail "expected one session file, found: $file"
want=$(printf '%s\n' "5|" "4|" "dont-know|$NOTE" "2|" "not-relevant|" "1|" | sort)
got=$(answers_of "$file")
[ "$got" = "$want" ] || fail "after SIGKILL the session holds: $got; expected: $want"
json_check "$file" "s['about']['workplace'] == 'Kill-test Ærøskøbing'"
[ -e "$file.lock" ] || note "(no lock left behind)"

note "resume $file"
# SIGKILL cannot be caught, so the killed igloo left the tty raw and the alternate screen on:
# reset both the way a user would, so that the checks below see only what the resumed igloo does.
$TM send-keys -t "$PANE" Enter
$TM send-keys -t "$PANE" "stty sane; printf '\\033[?1049l\\033[?25h'; clear" Enter
wait_for 'e2e$'
# The prompt can show before the shell has run the reset, so wait for its effect (up to ~5 s).
for _ in $(seq 50); do
  [ "$(pane_flag alternate_on)" = 0 ] && break
  sleep 0.1
done
[ "$(pane_flag alternate_on)" = 0 ] || fail "could not reset the pane after SIGKILL"
launch resume "$file"
wait_for "Kill-test Ærø"
wait_for "Step 3/9"
wait_for " I 3/"
wait_for " G 2/"
wait_for " L 1/"
level Organisation
answer 3 O 1
quit_wizard
assert_terminal_restored

want=$(printf '%s\n' "$want" "3|" | sort)
got=$(answers_of "$file")
[ "$got" = "$want" ] || fail "after resuming the session holds: $got; expected: $want"
[ ! -e "$file.lock" ] || fail "the lock is still there after quitting"
[ -z "$(find "$T/data" -name '.*.igloo-tmp-*')" ] || fail "temporary files were left: $(find "$T/data" -name '.*.igloo-tmp-*')"
exit 0

#!/usr/bin/env bash
# (d) A crash inside igloo (the test-only trigger IGLOO_TEST_CRASH_AFTER_KEYS=N makes the terminal
# driver call fatalError when asked for key N+1): the Swift trap (SIGILL/SIGTRAP) is caught, the
# terminal is given back (no alternate screen, cursor visible, stty sane), the crash report reaches
# stderr, and the last saved session is whole. Resuming it takes over the dead process's lock.
. "$(dirname "$0")/lib.sh"

start_shell 80 24
# Keys: Enter, C r a s h, PgDn, Space, d (full depth), PgDn, 4, 2 = 12; the 13th read crashes.
E2E_ENV="IGLOO_TEST_CRASH_AFTER_KEYS=12"
launch
new_assessment "Crash"
go_to_step 2
send Space
wait_for "Uses chosen: 1"
full_depth
go_to_step 3
wait_for "Individual · statement 1 of"
send 4
wait_for " I 1/"
send 2

# The Swift runtime's crash reporter runs after igloo has given the terminal back; on a terminal it
# offers to "interact" for 30 s. Dismiss it the way a user would, with a key.
for i in $(seq 1 300); do
  [ -s "$T/rc" ] && break
  if screen | grep -qF "Press space to interact"; then send q; sleep 0.2; fi
  sleep 0.05
done
rc=$(wait_exit 10)
case $rc in
  132 | 133) ;;
  *) fail "expected a trap (exit status 132 or 133), got $rc" ;;
esac
grep -q "IGLOO_TEST_CRASH_AFTER_KEYS" "$T/stderr" || fail "the crash message did not reach stderr: $(head -5 "$T/stderr")"
assert_terminal_restored

file=$(session_files)
[ "$(printf '%s\n' "$file" | grep -c .)" = 1 ] || fail "expected one session file, found: $file"
want=$(printf '%s\n' "4|" "2|" | sort)
got=$(answers_of "$file")
[ "$got" = "$want" ] || fail "after the crash the session holds: $got; expected: $want"
json_check "$file" "s['about']['workplace'] == 'Crash'"

note "resume after the crash"
E2E_ENV=""
launch resume "$file"
wait_for " I 2/"
answer 5 I 3
quit_wizard
assert_terminal_restored
want=$(printf '%s\n' "$want" "5|" | sort)
got=$(answers_of "$file")
[ "$got" = "$want" ] || fail "after resuming the session holds: $got; expected: $want"
[ ! -e "$file.lock" ] || fail "the lock is still there after quitting"
exit 0

#!/usr/bin/env bash
# Issue 25, kill trials for what the committee's record must keep:
# (a) every signal whose default action ends the process (USR1, USR2, ALRM, XCPU, VTALRM, PROF) is
#     handled like TERM: the usual exit status, the terminal given back, the lock released and
#     the answers and the text being typed saved; PIPE is ignored (item 10);
# (b) typed text: 40 keys 150 ms apart, then HUP at once; or kill -9: the file holds what was
#     typed (all 40 with HUP, at least 30 with kill -9; before, it held none) (item 9);
# (c) the approval form: `g` then kill -9, and `g`, Esc, "no", then kill -9: no approval is
#     recorded (before, opening the form saved one) (item 14).
. "$(dirname "$0")/lib.sh"

session_files_in() { find "$1" -name '*.igloo.json' -type f | sort; }

start_shell 80 24

for sig in USR1 USR2 ALRM XCPU VTALRM PROF; do
  note "SIG$sig"
  data="$T/data-$sig"
  E2E_ENV="XDG_DATA_HOME=$data"
  launch
  first_statement "Signal $sig"
  answer 4 I 1
  answer 2 I 2
  send e
  type_text "Note typed $sig"
  wait_for "Note typed $sig"
  settle 0.4
  kill -"$sig" "$(igloo_pid)"
  rc=$(wait_exit 10)
  want=$((128 + $(kill -l "$sig")))
  [ "$rc" = "$want" ] || fail "SIG$sig: exit status $rc, expected $want"
  assert_terminal_restored
  file=$(session_files_in "$data")
  [ "$(printf '%s\n' "$file" | grep -c .)" = 1 ] || fail "SIG$sig: expected one session file, found: $file"
  json_check "$file" "sum(len(v) for v in s['answers'].values()) == 2"
  json_check "$file" "'Note typed $sig' in list(s.get('pending_notes', {}).values())"
  [ ! -e "$file.lock" ] || fail "SIG$sig: the lock was left behind"
  [ -z "$(find "$data" -name '.*.igloo-tmp-*')" ] || fail "SIG$sig: temporary files left"
done

note "SIGPIPE is ignored"
data="$T/data-PIPE"
E2E_ENV="XDG_DATA_HOME=$data"
launch
new_assessment "Pipe"
kill -PIPE "$(igloo_pid)"
sleep 0.5
[ ! -s "$T/rc" ] || fail "SIGPIPE ended igloo (exit $(cat "$T/rc"))"
send Tab
type_text "after"
quit_wizard

# (b) typing on and on, then HUP or kill -9.
for how in HUP KILL; do
  note "typing, then $how"
  data="$T/data-typing-$how"
  E2E_ENV="XDG_DATA_HOME=$data"
  launch
  new_assessment "W"
  send Tab
  typed=""
  for i in $(seq 1 40); do
    c=$(printf '%s' abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN | cut -c"$i")
    type_text "$c"
    typed="$typed$c"
    sleep 0.1
  done
  kill -"$how" "$(igloo_pid)"
  wait_exit 10 >/dev/null
  file=$(session_files_in "$data")
  unit=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["about"]["unit"])' "$file")
  case $typed in "$unit"*) ;; *) fail "typing then $how: the unit '$unit' is not what was typed" ;; esac
  if [ "$how" = HUP ]; then min=40; else min=30; fi
  [ "${#unit}" -ge "$min" ] || fail "typing then $how: ${#unit} of 40 characters saved, expected at least $min"
  note "typing then $how: ${#unit} of 40 saved"
  [ "$how" = HUP ] && assert_terminal_restored
done

# (c) the approval form.
for trial in open declined; do
  note "approval form: $trial, then kill -9"
  data="$T/data-approval-$trial"
  E2E_ENV="XDG_DATA_HOME=$data"
  launch
  new_assessment "Approval $trial"
  go_to_step 7
  send g
  wait_for "Approval of the action plan"
  # No participants yet: "+ Add person" has focus; add one named Mette.
  send Enter
  type_text "Mette"
  wait_for "Mette"
  if [ "$trial" = declined ]; then
    send Escape
    wait_for "Record the approval"
    send n
    wait_for "The approval was not recorded"
  fi
  settle 0.5
  kill -9 "$(igloo_pid)"
  wait_exit 10 >/dev/null
  file=$(session_files_in "$data")
  [ -n "$file" ] || fail "approval $trial: no session file"
  json_check "$file" "'approval' not in s"
done
exit 0

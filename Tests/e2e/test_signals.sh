#!/usr/bin/env bash
# (c) SIGINT, SIGTERM and SIGHUP, each sent to igloo in the middle of an assessment: igloo dies
# with the usual status (130, 143, 129), the terminal is given back (no alternate screen, cursor
# visible, `stty` with icanon, echo and isig), and the session file is whole, parseable and holds
# every answer given. Also: Ctrl-C typed as a key (raw mode makes it a key, not a signal) quits
# cleanly. For SIGTERM the session file is moved away first, to show that the handler's emergency
# save (the bytes handed to it before each save) writes it back. The handler also lets go of the
# session's lock, so the next igloo finds it free.
. "$(dirname "$0")/lib.sh"

session_files_in() { find "$1" -name '*.igloo.json' -type f | sort; }

start_shell 80 24

for sig in INT TERM HUP; do
  note "SIG$sig"
  data="$T/data-$sig"
  E2E_ENV="XDG_DATA_HOME=$data"
  launch
  first_statement "Signal $sig på Ærø"
  answer 4 I 1
  answer 2 I 2
  answer d I 3

  if [ "$sig" = TERM ]; then
    # Prove the emergency save in the handler: take the file away behind igloo's back; the
    # handler writes the session it was handed before the last save, so the file comes back.
    before=$(session_files_in "$data")
    [ -n "$before" ] || fail "SIG$sig: no session file before the signal"
    mv "$before" "$T/moved-away.json"
  fi
  kill -"$sig" "$(igloo_pid)"
  rc=$(wait_exit 10)
  case $sig in INT) want=130 ;; TERM) want=143 ;; HUP) want=129 ;; esac
  [ "$rc" = "$want" ] || fail "SIG$sig: exit status $rc, expected $want"
  assert_terminal_restored

  file=$(session_files_in "$data")
  [ "$(printf '%s\n' "$file" | grep -c .)" = 1 ] || fail "SIG$sig: expected one session file, found: $file"
  got=$(answers_of "$file")
  want_answers=$(printf '%s\n' "4|" "2|" "dont-know|" | sort)
  [ "$got" = "$want_answers" ] || fail "SIG$sig: the session holds: $got; expected: $want_answers"
  json_check "$file" "s['about']['workplace'] == 'Signal $sig på Ærø'"
  [ -z "$(find "$data" -name '.*.igloo-tmp-*')" ] || fail "SIG$sig: temporary files left: $(find "$data" -name '.*.igloo-tmp-*')"
  [ ! -e "$file.lock" ] || fail "SIG$sig: the handler left the session's lock behind"
done

note "Ctrl-C as a key"
E2E_ENV="XDG_DATA_HOME=$T/data-ctrl-c"
launch
wait_for "New assessment"
send C-c
rc=$(wait_exit 10)
[ "$rc" = 0 ] || fail "Ctrl-C: exit status $rc, expected 0"
assert_terminal_restored
exit 0

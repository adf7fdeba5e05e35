#!/usr/bin/env bash
# Issue 8, Why 6: `kill -QUIT` and `kill -SEGV` (and the other crash signals) leave no hidden
# wizard running. The process is gone within a second, the terminal is given back, the session's
# lock is released, and keys typed afterwards reach the shell, not the workplace field. (Before,
# the Swift runtime's interactive backtracer waited 30 s, "Press space to interact…", and igloo
# then ran on behind the shell prompt, holding the lock and reading keys.)
. "$(dirname "$0")/lib.sh"

start_shell 80 24

for sig in QUIT SEGV ABRT BUS; do
  note "SIG$sig"
  data="$T/data-$sig"
  E2E_ENV="XDG_DATA_HOME=$data"
  launch
  first_statement "Crash $sig"
  answer 4 I 1
  pid=$(igloo_pid)
  file=$(find "$data" -name '*.igloo.json' -type f)
  [ -n "$file" ] && [ -e "$file.lock" ] || fail "SIG$sig: no session or no lock before the signal"
  kill -"$sig" "$pid"
  gone=0
  for i in $(seq 1 20); do
    if ! kill -0 "$pid" 2>/dev/null; then gone=1; break; fi
    sleep 0.05
  done
  [ "$gone" = 1 ] || fail "SIG$sig: igloo (pid $pid) still runs a second after the signal"
  rc=$(wait_exit 5)
  [ "$rc" -ge 128 ] || fail "SIG$sig: exit status $rc, expected death by the signal"
  [ ! -e "$file.lock" ] || fail "SIG$sig: the lock is still there"
  assert_terminal_restored
  # Keys typed now go to the shell: `echo` runs and prints.
  $TM send-keys -t "$PANE" "echo shell-got-\$((40+2))-$sig" Enter
  wait_for "shell-got-42-$sig" 5
  json_check "$file" "s['about']['workplace'] == 'Crash $sig'"
done
exit 0

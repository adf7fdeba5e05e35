#!/usr/bin/env bash
# Two windows on one session. igloo A has a session open in one tmux window; in a second
# window, igloo B:
#   - `igloo resume FILE` is refused: exit status 1, one line on stderr naming the file and the
#     holder (A's pid, the user, the host, since when), the terminal untouched;
#   - the wizard's start screen lists the session as open in another igloo, with A's pid, and
#     choosing it gives the same refusal on screen, without creating anything;
# B never touches A's lock or the session; A goes on answering and saving all the while. A's own
# start screen lists the session as its own (not "cannot be opened"), and goes back to it. After A
# quits, B resumes the session where A left it, and saves to the same file.
. "$(dirname "$0")/lib.sh"

WORKPLACE="To vinduer på Ærø"

# --- igloo A, in the first window (lib.sh's launch: $T/pid, $T/rc, $T/stderr).
start_shell 80 24
launch
first_statement "$WORKPLACE"
answer 4 I 1
answer 2 I 2
answer d I 3
A_PID=$(igloo_pid)
file=$(session_files)
[ "$(printf '%s\n' "$file" | grep -c .)" = 1 ] || fail "expected one session file, found: $file"
[ -e "$file.lock" ] || fail "A holds no lock on $file"
lock_sum=$(sha256sum <"$file.lock")
session_sum=$(sha256sum <"$file")

# --- igloo B, in a second window of the same tmux server, with its own pid/rc/stderr files.
$TM new-session -d -s b -x 80 -y 24 \
  "env -i PATH='$PATH' HOME='$T/home' TERM=xterm-256color LANG=C.UTF-8 XDG_DATA_HOME='$T/data' \
    PS1='b\$ ' bash --norc --noprofile -i" || fail "cannot start the second window"
as_b() { local saved=$PANE rc; PANE=b; "$@"; rc=$?; PANE=$saved; return $rc; }
launch_b() { # ARGS...
  rm -f "$T/b.pid" "$T/b.rc" "$T/b.err"
  cat >"$T/launch-b.sh" <<EOF
#!/bin/sh
echo \$\$ >"$T/b.pid"
exec env LANG=C.UTF-8 TERM=xterm-256color XDG_DATA_HOME="$T/data" "$IGLOO_BIN" "\$@" 2>"$T/b.err"
EOF
  chmod +x "$T/launch-b.sh"
  local args="" a
  for a in "$@"; do args="$args '$a'"; done
  $TM send-keys -t b "clear; ( '$T/launch-b.sh'$args; echo \$? >'$T/b.rc' )" Enter
}
wait_b_exit() {
  local i
  for i in $(seq 1 200); do [ -s "$T/b.rc" ] && { cat "$T/b.rc"; return 0; }; sleep 0.05; done
  as_b fail "igloo B did not exit"
}
as_b wait_for 'b$' 10

note "B: igloo resume FILE while A has it open"
launch_b resume "$file"
rc=$(wait_b_exit)
[ "$rc" = 1 ] || fail "B: exit status $rc, expected 1 (stderr: $(cat "$T/b.err"))"
[ "$(grep -c . "$T/b.err")" = 1 ] || fail "B: not one line on stderr: $(cat "$T/b.err")"
err=$(cat "$T/b.err")
case $err in
  "igloo: cannot open $file: it is open in another igloo (pid $A_PID, user $(id -un) on $(hostname), since "????-??-??" "??:??")") ;;
  *) fail "B: the refusal does not name the file and the holder: $err" ;;
esac
[ "$(TMUX= $TM display -p -t b '#{alternate_on}')" = 0 ] || fail "B left the alternate screen on"
[ "$(sha256sum <"$file.lock")" = "$lock_sum" ] || fail "B changed A's lock"
[ "$(sha256sum <"$file")" = "$session_sum" ] || fail "B changed the session"

note "B: the wizard's start screen"
launch_b
as_b wait_for "New assessment"
as_b wait_for "$WORKPLACE"
as_b send Down
as_b wait_for "open in another igloo (pid $A_PID"
as_b send Enter
as_b wait_for "Cannot be opened: open in another igloo (pid $A_PID, user $(id -un) on $(hostname)"
as_b wait_for "New assessment" # still on the start screen
as_b send C-q
rc=$(wait_b_exit)
[ "$rc" = 0 ] || fail "B: exit status $rc after Ctrl-Q on the start screen"
[ "$(session_files)" = "$file" ] || fail "B created a session: $(session_files)"
[ "$(sha256sum <"$file.lock")" = "$lock_sum" ] || fail "B's wizard changed A's lock"
[ "$(sha256sum <"$file")" = "$session_sum" ] || fail "B's wizard changed the session"

note "A: unaffected, still answering and saving"
kill -0 "$A_PID" 2>/dev/null || fail "A is gone"
wait_for "Individual · statement 4 of"
answer 5 I 4
answer 1 I 5
want=$(printf '%s\n' "4|" "2|" "dont-know|" "5|" "1|" | sort)
[ "$(answers_of "$file")" = "$want" ] || fail "A's answers after B's tries: $(answers_of "$file")"
[ "$(sha256sum <"$file.lock")" = "$lock_sum" ] || fail "A's lock changed"

note "A: its own start screen lists the session as its own"
send F3
wait_for "Go to step"
send Home Enter
wait_for "Step 1/9"
send PPage
wait_for "New assessment"
wait_for "$WORKPLACE"
send Down
wait_for "5/"
screen | grep -qiE "cannot be opened|another igloo" && fail "A's start screen says its own session cannot be opened"
send Enter
wait_gone "New assessment"
screen | grep -qiE "cannot be opened|another igloo" && fail "A was refused its own session"
go_to_step 3
level Individual
answer 3 I 6
kill -0 "$A_PID" 2>/dev/null || fail "A is gone"
quit_wizard
[ ! -e "$file.lock" ] || fail "A's lock is still there after quitting"

note "B: resumes once A has quit"
launch_b resume "$file"
as_b wait_for "$WORKPLACE"
as_b go_to_step 3
as_b wait_for " I 6/6"
as_b level Group
as_b answer 2 G 1
as_b send C-q
rc=$(wait_b_exit)
[ "$rc" = 0 ] || fail "B: exit status $rc after resuming (stderr: $(cat "$T/b.err"))"
want=$(printf '%s\n' "$want" "3|" "2|" | sort)
[ "$(answers_of "$file")" = "$want" ] || fail "after B: $(answers_of "$file")"
[ ! -e "$file.lock" ] || fail "B's lock is still there after quitting"
[ "$(session_files)" = "$file" ] || fail "more than one session file: $(session_files)"
exit 0

#!/usr/bin/env bash
# (e) Without a usable terminal igloo says so in one line and exits non-zero, fast, never spinning:
# no TTY at all (stdin /dev/null, output to files), TERM unset, TERM=dumb (with stdin a terminal
# and with stdin /dev/null), an unknown TERM, and `igloo resume FILE` without a TTY.
. "$(dirname "$0")/lib.sh"

expect_refusal() { # LABEL RC-FILE ERR-FILE ELAPSED-SECONDS WHAT
  local label=$1 rc=$2 err=$3 elapsed=$4 what=$5
  [ "$rc" -ne 0 ] || fail "$label: exit status 0"
  [ "$rc" -ne 124 ] || fail "$label: still running after the timeout (spinning?)"
  [ "$elapsed" -le 4 ] || fail "$label: took ${elapsed}s"
  head -1 "$err" | grep -q "^igloo needs an interactive terminal (" && grep -qF "($what" "$err" || fail "$label: message: $(cat "$err")"
  [ "$(grep -c . "$err")" -eq 1 ] || fail "$label: more than one line: $(cat "$err")"
  note "$label: rc=$rc, $(cat "$err")"
}

# 1. No TTY at all.
start=$(date +%s)
timeout 10 env TERM=xterm-256color LANG=C.UTF-8 "$IGLOO_BIN" </dev/null >"$T/stdout" 2>"$T/err"
rc=$?
expect_refusal "no tty" "$rc" "$T/err" $(( $(date +%s) - start )) "standard input is not a terminal"
[ "$rc" -eq 2 ] || fail "no tty: exit status $rc, expected 2"
[ ! -s "$T/stdout" ] || fail "no tty: wrote to stdout: $(cat "$T/stdout")"
[ -z "$(session_files)" ] || fail "no tty: a session file was created"

# 2. resume without a TTY: a good file is not touched, the terminal problem is reported.
mkdir -p "$T/data/igloo"
printf '{"schema":"igloo-session","schema_version":1}\n' >"$T/s.igloo.json"
cp "$T/s.igloo.json" "$T/s.before"
timeout 10 env TERM=xterm-256color "$IGLOO_BIN" resume "$T/s.igloo.json" </dev/null >"$T/stdout" 2>"$T/err"
rc=$?
expect_refusal "resume, no tty" "$rc" "$T/err" 0 "standard input is not a terminal"
cmp -s "$T/s.igloo.json" "$T/s.before" || fail "resume without a tty changed the session file"
[ ! -e "$T/s.igloo.json.lock" ] || fail "resume without a tty left a lock"

# 3. In a real terminal (tmux): TERM unset, TERM=dumb, TERM=dumb with stdin closed, unknown TERM.
start_shell 80 24
run_in_pane() { # LABEL ENV-PREFIX REDIRECT
  rm -f "$T/rc" "$T/err"
  $TM send-keys -t "$PANE" "clear; start=\$(date +%s); $2 timeout 10 '$IGLOO_BIN' $3 2>'$T/err'; echo \$? \$(( \$(date +%s) - start )) >'$T/rc'" Enter
  local i
  for i in $(seq 1 300); do [ -s "$T/rc" ] && break; sleep 0.05; done
  [ -s "$T/rc" ] || fail "$1: igloo did not exit"
}
run_in_pane "TERM unset" "env -u TERM" ""
read -r rc elapsed <"$T/rc"
expect_refusal "TERM unset" "$rc" "$T/err" "$elapsed" "TERM is not set"

run_in_pane "TERM=dumb" "env TERM=dumb" ""
read -r rc elapsed <"$T/rc"
expect_refusal "TERM=dumb" "$rc" "$T/err" "$elapsed" "TERM=dumb"

run_in_pane "TERM=dumb, stdin closed" "env TERM=dumb" "</dev/null"
read -r rc elapsed <"$T/rc"
expect_refusal "TERM=dumb, stdin closed" "$rc" "$T/err" "$elapsed" "standard input is not a terminal"

run_in_pane "unknown TERM" "env TERM=no-such-terminal" ""
read -r rc elapsed <"$T/rc"
expect_refusal "unknown TERM" "$rc" "$T/err" "$elapsed" "unknown terminal type"

# Nothing was drawn: the pane is still in the normal screen with a visible cursor.
[ "$(pane_flag alternate_on)" = 0 ] || fail "the alternate screen was left on"
[ "$(pane_flag cursor_flag)" = 1 ] || fail "the cursor was left hidden"
exit 0

# Helpers for the end-to-end tests: drive the real igloo binary inside a private tmux server.
#
# Source this file from a test script, after setting IGLOO_BIN (the runner passes it as $1).
# Each test gets its own temporary folder ($T) and tmux socket, both removed by an EXIT trap,
# so tests can run side by side and never touch the user's tmux or data.
#
# The pane runs an interactive bash with a known prompt ("e2e$ "). igloo is started from that
# shell through a launcher that records igloo's pid ($T/pid) and exit status ($T/rc), so that a
# test can send signals to igloo alone and then check that the shell got a sane terminal back.

set -u

E2E_NAME=${E2E_NAME:-$(basename "$0" .sh)}
IGLOO_BIN=${IGLOO_BIN:-${1:-}}
if [ -z "$IGLOO_BIN" ] || [ ! -x "$IGLOO_BIN" ]; then
  echo "$E2E_NAME: usage: $0 PATH-TO-igloo (got '${IGLOO_BIN}')" >&2
  exit 2
fi
IGLOO_BIN=$(cd "$(dirname "$IGLOO_BIN")" && pwd)/$(basename "$IGLOO_BIN")

T=$(mktemp -d "${TMPDIR:-/tmp}/igloo-e2e.XXXXXX")
SOCK="igloo-e2e-$$-$RANDOM"
TM="tmux -L $SOCK -f /dev/null"
PANE="e2e"
export XDG_DATA_HOME="$T/data"
mkdir -p "$T/data" "$T/home" "$T/out"

e2e_cleanup() {
  local status=$?
  if [ -f "$T/pid" ]; then kill -KILL "$(cat "$T/pid")" 2>/dev/null; fi
  $TM kill-server 2>/dev/null
  # tmux leaves its socket file behind after kill-server.
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"
  if [ "${E2E_KEEP:-}" = 1 ]; then echo "$E2E_NAME: kept $T" >&2; else rm -rf "$T"; fi
  exit $status
}
trap e2e_cleanup EXIT
trap 'exit 130' INT TERM HUP

# fail MESSAGE: print it with the current screen, and end the test.
fail() {
  echo "FAIL $E2E_NAME: $*" >&2
  if $TM has-session -t "$PANE" 2>/dev/null; then
    echo "---- screen ----" >&2
    $TM capture-pane -p -t "$PANE" >&2
    echo "----------------" >&2
  fi
  exit 1
}

# skip REASON: the test cannot run here. It says so and exits 77, which run-all.sh counts as a
# skip, apart from passes and failures.
skip() { echo "SKIP $E2E_NAME: $*" >&2; exit 77; }

# missing REASON: something the test needs that scripts/deps --test provides (a tool, a tmpfs, a
# way to run as nobody) is not there. Under CI (CI=true, which .ci/run sets) that is a failure,
# since the CI machine has run scripts/deps --test; elsewhere a skip, with the reason.
missing() {
  if [ "${CI:-}" = true ]; then fail "$* (scripts/deps --test provides it, so under CI this fails rather than skips)"; fi
  skip "$*"
}

# note MESSAGE: progress, shown when E2E_VERBOSE=1.
note() { if [ "${E2E_VERBOSE:-}" = 1 ]; then echo "  $E2E_NAME: $*" >&2; fi; }

# start_shell [WIDTH HEIGHT]: a tmux server with one pane running a clean interactive bash.
start_shell() {
  local width=${1:-80} height=${2:-24}
  # kill-server returns before the old server has gone; a new server started on the same socket
  # at once can meet the dying one ("server exited unexpectedly"), so a refused start is retried.
  local try
  for try in 1 2 3 4 5 6 7 8 9 10; do
    $TM new-session -d -s "$PANE" -x "$width" -y "$height" \
      "env -i PATH='$PATH' HOME='$T/home' TERM=xterm-256color LANG=C.UTF-8 XDG_DATA_HOME='$T/data' \
        PS1='e2e\$ ' bash --norc --noprofile -i" 2>"$T/tmux-start" && break
    [ "$try" -eq 10 ] && { cat "$T/tmux-start" >&2; fail "cannot start tmux"; }
    sleep 0.2
  done
  $TM set-option -t "$PANE" -g status off >/dev/null
  wait_for 'e2e$' 10
}

# launch ARGS...: start igloo from the pane's shell with the test environment. Extra environment
# variables can be given in E2E_ENV (e.g. E2E_ENV="IGLOO_TEST_CRASH_AFTER_KEYS=5").
launch() {
  rm -f "$T/pid" "$T/rc"
  cat >"$T/launch.sh" <<EOF
#!/bin/sh
echo \$\$ >"$T/pid"
exec env LANG=C.UTF-8 TERM=xterm-256color XDG_DATA_HOME="$T/data" ${E2E_ENV:-} "$IGLOO_BIN" "\$@" 2>"$T/stderr"
EOF
  chmod +x "$T/launch.sh"
  local args="" a
  for a in "$@"; do args="$args '$a'"; done
  # A subshell, so that igloo dying of SIGINT does not make the interactive shell drop the rest of
  # the line: the exit status always reaches $T/rc.
  $TM send-keys -t "$PANE" "clear; ( '$T/launch.sh'$args; echo \$? >'$T/rc' )" Enter
  local i
  for i in $(seq 1 100); do [ -s "$T/pid" ] && return 0; sleep 0.1; done
  fail "igloo did not start"
}

# igloo_pid: the pid of the running igloo.
igloo_pid() { cat "$T/pid"; }

# screen: the pane's text now, row by row (no -J: after a resize tmux keeps stale wrap marks
# and would join rows that igloo drew separately).
screen() { $TM capture-pane -p -t "$PANE"; }

# wait_for TEXT [SECONDS]: poll the screen until TEXT (fixed string) appears; fail after
# SECONDS (default $E2E_WAIT, 15; raise it on a slow machine).
wait_for() {
  local text=$1 seconds=${2:-${E2E_WAIT:-15}} i
  for i in $(seq 1 $((seconds * 20))); do
    if screen | grep -qF -- "$text"; then return 0; fi
    sleep 0.05
  done
  fail "timed out waiting for '$text'"
}

# wait_for_any SECONDS TEXT...: wait until one of the texts appears; prints the one found.
wait_for_any() {
  local seconds=$1 i text
  shift
  for i in $(seq 1 $((seconds * 20))); do
    local now
    now=$(screen)
    for text in "$@"; do
      if printf '%s' "$now" | grep -qF -- "$text"; then
        printf '%s' "$text"
        return 0
      fi
    done
    sleep 0.05
  done
  fail "timed out waiting for any of: $*"
}

# wait_gone TEXT [SECONDS]: poll until TEXT is no longer on the screen.
wait_gone() {
  local text=$1 seconds=${2:-${E2E_WAIT:-15}} i
  for i in $(seq 1 $((seconds * 20))); do
    if ! screen | grep -qF -- "$text"; then return 0; fi
    sleep 0.05
  done
  fail "timed out waiting for '$text' to go away"
}

# send KEY...: tmux key names (Enter, Down, BTab, F1, C-c, ...), one after the other.
send() {
  local key
  for key in "$@"; do
    $TM send-keys -t "$PANE" "$key"
    sleep 0.03
  done
}

# type_text TEXT: literal UTF-8 text, as if typed.
type_text() { $TM send-keys -t "$PANE" -l -- "$1"; sleep 0.05; }

# settle: give igloo a moment to handle keys already sent (used before a kill).
settle() { sleep "${1:-0.3}"; }

# wait_exit [SECONDS]: wait for igloo to end; prints its exit status.
wait_exit() {
  local seconds=${1:-10} i
  for i in $(seq 1 $((seconds * 20))); do
    if [ -s "$T/rc" ]; then
      cat "$T/rc"
      return 0
    fi
    sleep 0.05
  done
  fail "igloo did not exit within ${seconds}s"
}

# resize WIDTH HEIGHT: resize the tmux window.
resize() { $TM resize-window -t "$PANE" -x "$1" -y "$2"; }

# pane_flag NAME: a tmux format flag of the pane (alternate_on, cursor_flag, ...).
pane_flag() { $TM display -p -t "$PANE" "#{$1}"; }

# assert_terminal_restored: no alternate screen, cursor visible, the prompt back, and the tty in
# canonical mode with echo (the shell's own readline state is reset by `stty -a` itself, so the
# settings shown are the ones igloo left behind).
assert_terminal_restored() {
  local i
  for i in $(seq 1 40); do [ "$(pane_flag alternate_on)" = 0 ] && break; sleep 0.05; done
  [ "$(pane_flag alternate_on)" = 0 ] || fail "the alternate screen is still on"
  [ "$(pane_flag cursor_flag)" = 1 ] || fail "the cursor is still hidden"
  $TM send-keys -t "$PANE" Enter
  wait_for 'e2e$' 10
  rm -f "$T/stty" "$T/stty.done"
  $TM send-keys -t "$PANE" "clear; stty -a >'$T/stty'; touch '$T/stty.done'" Enter
  for i in $(seq 1 100); do [ -e "$T/stty.done" ] && break; sleep 0.05; done
  [ -e "$T/stty.done" ] || fail "stty did not run in the pane"
  local modes
  modes=$(tr ' ;' '\n\n' <"$T/stty" | grep -xE -- '-?(icanon|echo|isig)' | tr '\n' ' ')
  case " $modes " in *" -icanon "*) fail "icanon is off: $modes" ;; esac
  case " $modes " in *" -echo "*) fail "echo is off: $modes" ;; esac
  case " $modes " in *" -isig "*) fail "isig is off: $modes" ;; esac
  case " $modes " in *" icanon "*) ;; *) fail "icanon not shown: $modes" ;; esac
  case " $modes " in *" echo "*) ;; *) fail "echo not shown: $modes" ;; esac
}

# session_files: the session files under the test's data folder.
session_files() { find "$T/data" -name '*.igloo.json' -type f 2>/dev/null | sort; }

# json_check FILE PYTHON-EXPRESSION: evaluate a Python expression over the parsed session `s`;
# fails the test when it is false or the file does not parse.
json_check() {
  local file=$1 expr=$2
  python3 - "$file" "$expr" <<'EOF' || fail "session check failed: $expr"
import json, sys
path, expr = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    s = json.load(f)
ok = eval(expr, {"s": s, "len": len, "any": any, "all": all, "sum": sum, "set": set})
if not ok:
    print(f"false: {expr}", file=sys.stderr)
    sys.exit(1)
EOF
}

# answer_count FILE: how many answers (all voices) the session holds.
answer_count() {
  python3 - "$1" <<'EOF'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    s = json.load(f)
print(sum(len(v) for v in s.get("answers", {}).values()))
EOF
}

# ---------------------------------------------------------------------------------------------
# Wizard steps, written against the English screens (LANG=C.UTF-8 gives English) and the key
# tables in Sources/IglooWizard/Input/KeyBindings.swift. Each waits for the screen to show that
# the keys were handled: the wizard saves before it redraws, so what is on screen is on disk.

# new_assessment WORKPLACE: from the start screen, a new assessment with this workplace name.
new_assessment() {
  wait_for "New assessment"
  send Enter
  wait_for "Step 1/9"
  type_text "$1"
  wait_for "$1"
}

# first_statement WORKPLACE: from the start screen, a new assessment with one use case in scope,
# on its first statement (Individual). The way most tests get to answering.
first_statement() {
  new_assessment "$1"
  go_to_step 2
  pick_use_cases 1
  full_depth
  go_to_step 3
  wait_for "Individual · statement 1 of"
}

# full_depth: on the scope screen, the full assessment (a new session starts on the quick scan).
full_depth() {
  if screen | grep -q -e "Depth: quick scan" -e "Dybde: hurtigscanning"; then
    send d
    [ -n "$(wait_for_any 15 "Depth: full assessment" "Dybde: fuld vurdering")" ] || fail "d did not switch to the full assessment"
  fi
}

# go_to_step N: PgDn, one step at a time, until "Step N/9" shows (exactly one key per step, so
# that tests can count keys).
go_to_step() {
  local current="" k i
  for i in $(seq 1 $((${E2E_WAIT:-15} * 20))); do
    current=$(screen | grep -o 'Step [0-9]/9' | head -1 | cut -c6)
    [ -n "$current" ] && break
    sleep 0.05
  done
  [ -n "$current" ] || fail "no step number on the screen"
  for k in $(seq $((current + 1)) "$1"); do
    send NPage
    wait_for "Step $k/9"
  done
}

# pick_use_cases N: on the scope screen, put the first N use cases in scope.
pick_use_cases() {
  local i
  for i in $(seq 1 "$1"); do
    send Space
    wait_for "Uses chosen: $i"
    [ "$i" -lt "$1" ] && send Down
  done
  return 0
}

# answer KEY LEVEL-LETTER COUNT: press KEY (1-5, d, n) and wait for the level's count in the
# progress bar (" I 3/14") to reach COUNT.
answer() {
  send "$1"
  wait_for " $2 $3/"
}

# level NAME: jump to the IGLOO level NAME with the level picker (g), from wherever it is.
level() {
  send g
  wait_for "Go to level"
  send Home
  case $1 in
    Individual) ;;
    Group) send Down ;;
    Leadership) send Down Down ;;
    Organisation) send Down Down Down ;;
    "Outer context") send Down Down Down Down ;;
  esac
  send Enter
  wait_for "$1 · statement"
}

# quit_wizard: Ctrl-Q, and expect a clean exit.
quit_wizard() {
  send C-q
  local rc
  rc=$(wait_exit 10)
  [ "$rc" = 0 ] || fail "igloo exited with $rc after Ctrl-Q (stderr: $(cat "$T/stderr" 2>/dev/null))"
}

# answers_of FILE: the session's answers as "value|note" lines, sorted (values 1-5, dont-know,
# not-relevant), for comparing what was typed with what was saved.
answers_of() {
  python3 - "$1" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    s = json.load(f)
rows = []
for voice, answers in s.get("answers", {}).items():
    for qid, a in answers.items():
        if isinstance(a, dict):
            rows.append(f"{a.get('value')}|{a.get('note', '')}")
        else:
            rows.append(f"{a}|")
print("\n".join(sorted(rows)))
PY
}

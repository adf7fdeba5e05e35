#!/usr/bin/env bash
# SIGKILL at random moments, many times over: igloo answers statements in tmux and is killed
# with SIGKILL at a random point, then resumed (`igloo resume FILE`, taking over the dead igloo's
# stale lock) and killed again, for E2E_KILL_TRIALS trials (default 60; issue 5 asks for 50 or more).
#
# The run is seeded: E2E_SEED (default 4711) is printed first, and picks every random choice (how
# many answers are waited for, the keys of a burst sent without waiting, the delay before the
# kill, kills during start-up). The timing of the kill itself is up to the machine.
#
# After every kill, the session file must parse as a whole session (never empty, torn or half
# written) and hold exactly the answers given so far: every answer that was on screen as answered
# before the kill (each waited-for answer, and whatever the last screen captured before the kill
# counted), plus possibly some of the burst still in flight, in the order sent and nothing else.
# Resuming must open the next statement to answer. Temporary files left by a kill in the middle
# of a save never count as a session and are cleared away when the session is opened again (one is
# also planted, with other answers in it, to prove that). When a session runs low on statements, a
# new one is started from the start screen, and the finished ones must not change afterwards.
. "$(dirname "$0")/lib.sh"

SEED=${E2E_SEED:-4711}
TRIALS=${E2E_KILL_TRIALS:-60}
echo "$E2E_NAME: seed $SEED, $TRIALS trials (repeat with E2E_SEED=$SEED)" >&2
RANDOM=$SEED
# rnd N: a random number 0..N-1 in $R (no subshell, so the seeded sequence is kept).
rnd() { R=$((RANDOM % $1)); }

# --- Driving igloo straight in the pane (respawned for each run, so that a killed igloo's raw tty
# and alternate screen never reach the next run).
start_shell 80 24
$TM set-option -w -t "$PANE" remain-on-exit on >/dev/null
cat >"$T/run.sh" <<EOF
#!/bin/sh
echo \$\$ >"$T/pid"
exec env LANG=C.UTF-8 TERM=xterm-256color HOME="$T/home" XDG_DATA_HOME="$T/data" "$IGLOO_BIN" "\$@" 2>>"$T/stderr"
EOF
chmod +x "$T/run.sh"

start_igloo() { # [ARGS...]: a fresh igloo in the pane
  rm -f "$T/pid"
  local cmd="'$T/run.sh'" a i
  for a in "$@"; do cmd="$cmd '$a'"; done
  $TM respawn-pane -k -t "$PANE" "$cmd" || fail "cannot respawn the pane"
  for i in $(seq 1 200); do [ -s "$T/pid" ] && return 0; sleep 0.01; done
  fail "igloo did not start"
}

kill_igloo() { # SIGKILL, and wait until the process is gone
  local pid i
  pid=$(cat "$T/pid")
  kill -KILL "$pid" 2>/dev/null
  # Gone, or a zombie that tmux has not reaped yet (it is dead all the same).
  for i in $(seq 1 500); do
    [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" = Z ] && return 0
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.01
  done
  fail "igloo (pid $pid) survived SIGKILL"
}

fail_with_stderr() { echo "igloo's stderr: $(tail -3 "$T/stderr" 2>/dev/null)" >&2; fail "$@"; }

# trimmed_screen: the screen with each row's leading and trailing blanks removed.
trimmed_screen() { screen | sed 's/^ *//; s/ *$//'; }

# wait_row TEXT: until a whole row of the screen is TEXT.
wait_row() {
  local i
  for i in $(seq 1 $((${E2E_WAIT:-15} * 20))); do
    trimmed_screen | grep -qxF -- "$1" && return 0
    sleep 0.05
  done
  fail_with_stderr "timed out waiting for the row '$1'"
}

# progress_row [SCREEN]: the level tabs (" I 3/6   G 0/3 ..."), blanks squeezed.
progress_row() { printf '%s\n' "${1:-$(screen)}" | grep -m1 -E '^ +I [0-9]+/[0-9]+ ' | tr -s ' ' | sed 's/^ //; s/ $//'; }

# --- The statements in the wizard's order, learnt once by walking through them with → (which
# answers nothing), and matched to their ids by their text in `igloo report --format json`.
declare -a POS TXT LVL LETTER TOTAL CNT
calibrate() {
  local file=$1 s row tokens i li=-1 prevname="" name k m last p=0
  row=$(progress_row)
  read -r -a tokens <<<"$row"
  for ((i = 0; i < ${#tokens[@]}; i += 2)); do
    LETTER[i / 2]=${tokens[i]}
    TOTAL[i / 2]=${tokens[i + 1]#*/}
  done
  LEVELS=${#LETTER[@]}
  last=-1
  for ((i = 0; i < LEVELS; i++)); do [ "${TOTAL[i]}" -gt 0 ] && last=$i; done
  while :; do
    s=$(screen | sed 's/^ *//; s/ *$//')
    POS[p]=$(printf '%s\n' "$s" | grep -m1 -E ' · statement [0-9]+ of [0-9]+$')
    [ -n "${POS[p]}" ] || fail "calibration: no statement on the screen"
    TXT[p]=$(printf '%s\n' "$s" | grep -A2 -m1 -xF -- "${POS[p]}" | tail -1)
    name=${POS[p]% · statement *}
    if [ "$name" != "$prevname" ]; then
      li=$((li + 1))
      while [ "${TOTAL[li]}" -eq 0 ]; do li=$((li + 1)); done
      prevname=$name
    fi
    LVL[p]=$li
    k=${POS[p]##* statement }
    m=${k##* of }
    k=${k%% of *}
    p=$((p + 1))
    [ "$li" -eq "$last" ] && [ "$k" -eq "$m" ] && break
    [ "$p" -lt 400 ] || fail "calibration: more than 400 statements?"
    send Right
    wait_gone "${POS[p - 1]}" 10
  done
  N=$p
  # Back to the first statement: the level picker opens a level at its first unanswered one.
  send g
  wait_for "Go to level"
  send Home Enter
  wait_row "${POS[0]}"
  "$IGLOO_BIN" report "$file" --format json --lang en >"$T/report.json" 2>"$T/report.err" ||
    fail "report for the calibration failed: $(cat "$T/report.err")"
  for ((i = 0; i < N; i++)); do printf '%s\n' "${TXT[i]}"; done >"$T/texts"
  python3 - "$T/report.json" "$T/texts" "$T/order" <<'PY' || fail "calibration: see above"
import json, sys
report, texts, out = sys.argv[1:]
norm = lambda t: " ".join(t.replace("…", " ").split())
qs = [q for q in json.load(open(report, encoding="utf-8"))["unanswered"] if q["kind"] == "finding"]
order = []
for line in open(texts, encoding="utf-8").read().splitlines():
    hits = [q["question"] for q in qs if norm(q["text"]).startswith(norm(line))]
    if len(hits) != 1:
        sys.exit(f"calibration: the screen line {line!r} matches {hits}")
    order.append(hits[0])
if len(set(order)) != len(order) or len(order) != len(qs):
    sys.exit(f"calibration: {len(order)} statements on screen, {len(set(order))} distinct, {len(qs)} in the report")
open(out, "w").write("\n".join(order) + "\n")
PY
  note "calibrated: $N statements, levels ${LETTER[*]} with ${TOTAL[*]}"
}

# expected_progress COUNT: the level tabs when the first COUNT statements are answered.
expected_progress() {
  local i out=""
  for ((i = 0; i < LEVELS; i++)); do CNT[i]=0; done
  for ((i = 0; i < $1; i++)); do CNT[LVL[i]]=$((CNT[LVL[i]] + 1)); done
  for ((i = 0; i < LEVELS; i++)); do out="$out ${LETTER[i]} ${CNT[i]}/${TOTAL[i]}"; done
  printf '%s' "${out# }"
}

wait_progress() {
  local want=$1 i
  for i in $(seq 1 $((${E2E_WAIT:-15} * 20))); do
    [ "$(progress_row)" = "$want" ] && return 0
    sleep 0.05
  done
  fail_with_stderr "timed out waiting for the progress '$want' (now '$(progress_row)')"
}

# --- The check after each kill: python3 over the file and the model of what was given.
cat >"$T/check.py" <<'PY'
import json, os, sys
model_path, session, sent, confirmed, shown = sys.argv[1:6]
confirmed, shown = int(confirmed), int(shown)
model = json.load(open(model_path))
order = [l for l in open(model["order"]).read().split("\n") if l]
given = model["values"] + list(sent)  # keys: 1-5, d, n
as_value = {"d": "dont-know", "n": "not-relevant"}
def bad(msg):
    sys.exit(f"{session}: {msg}")
raw = open(session, "rb").read()
if not raw.strip():
    bad("the session file is empty")
try:
    s = json.loads(raw.decode("utf-8"))
except Exception as e:
    bad(f"does not parse ({e}); {len(raw)} bytes, ending {raw[-60:]!r}")
if not isinstance(s, dict) or s.get("schema") != "igloo-session" or s.get("schema_version") != 1:
    bad("not a whole session (schema)")
if s.get("about", {}).get("workplace") != model["workplace"]:
    bad(f"workplace is {s.get('about', {}).get('workplace')!r}, expected {model['workplace']!r}")
if len(s.get("scope", [])) != model["scope"]:
    bad(f"scope has {len(s.get('scope', []))} entries, expected {model['scope']}")
answers = s.get("answers", {}).get("default", {})
if s.get("agreed") or set(s.get("answers", {})) - {"default"}:
    bad("answers from nowhere (agreed or another voice)")
m = len(answers)
n = len(model["values"])
low, high = max(n + confirmed, shown), n + len(sent)
if not low <= m <= high:
    bad(f"holds {m} answers; {n} were saved before, {confirmed} more were on screen and {shown} "
        f"counted on the last screen, {len(sent)} keys sent: expected {low}..{high}")
if set(answers) != set(order[:m]):
    bad(f"holds answers to {sorted(set(answers) - set(order[:m]))} instead of "
        f"{sorted(set(order[:m]) - set(answers))}")
for i, qid in enumerate(order[:m]):
    a = answers[qid]
    got = a.get("value") if isinstance(a, dict) else a
    want = as_value.get(given[i], None) or int(given[i])
    if got != want:
        bad(f"statement {i + 1} ({qid}) is {got!r}, but {want!r} was given")
model["values"] = given[:m]
json.dump(model, open(model_path, "w"))
print(m)
PY

session_count() { find "$T/data" -name '*.igloo.json' -type f | grep -vc '/\.' ; }

WORKPLACE=""
FILE=""
declare -A DONE_SHA
sessions=0
new_session() {
  sessions=$((sessions + 1))
  WORKPLACE="Tilfældig kill $sessions på Ærø"
  local before after
  before=$(session_files)
  start_igloo
  wait_for "New assessment"
  # The start screen lists the earlier sessions, and never a temporary file.
  if [ "$sessions" -gt 1 ]; then
    [ "$(screen | grep -c 'Tilfældig kill')" = "$((sessions - 1))" ] || fail "the start screen lists other than $((sessions - 1)) sessions"
  fi
  new_assessment "$WORKPLACE"
  # Typed text is saved within a second of the last key, with the field still open (issue 8,
  # Why 9): what a kill now would find on disk is the workplace as typed.
  sleep 1.1
  typed=$(comm -13 <(printf '%s\n' "$before") <(session_files))
  [ -n "$typed" ] || fail "no session file while the workplace is typed"
  json_check "$typed" "s['about']['workplace'] == '$WORKPLACE'"
  go_to_step 2
  pick_use_cases 5
  go_to_step 3
  wait_for "Individual · statement 1 of"
  after=$(session_files)
  FILE=$(comm -13 <(printf '%s\n' "$before") <(printf '%s\n' "$after"))
  [ -n "$FILE" ] && [ "$(printf '%s\n' "$FILE" | grep -c .)" = 1 ] || fail "no new session file (have: $after)"
  if [ "$sessions" = 1 ]; then
    calibrate "$FILE"
  else
    wait_row "${POS[0]}"
    [ "$(trimmed_screen | grep -A2 -m1 -xF -- "${POS[0]}" | tail -1)" = "${TXT[0]}" ] || fail "another first statement than before"
  fi
  printf '{"order": "%s", "values": [], "workplace": "%s", "scope": 5}\n' "$T/order" "$WORKPLACE" >"$T/model.json"
  ANSWERED=0
}

kills=0
takeovers=0
early=0
in_flight_saved=0
leftovers_seen=0
planted=""
start_time=$(date +%s)
need_new=1
for trial in $(seq 1 "$TRIALS"); do
  sent=""
  confirmed=0
  shown=-1
  if [ "$need_new" = 1 ]; then
    new_session
    need_new=0
  else
    if [ "$trial" = 7 ]; then
      # A temporary file as a kill during a save leaves it, with other answers in it.
      planted="$(dirname "$FILE")/.$(basename "$FILE").igloo-tmp-4194305-00000000000005ee"
      python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); s["answers"]={"default":{}}; s["about"]["workplace"]="PLANTED"; open(sys.argv[2],"w").write(json.dumps(s))' "$FILE" "$planted"
    fi
    start_igloo resume "$FILE"
    rnd 7
    if [ "$R" = 0 ]; then
      # Killed while starting: before, during or just after opening the file and taking the lock.
      rnd 400
      sleep "$(printf '0.%03d' "$R")"
      early=$((early + 1))
      kill_igloo
      kills=$((kills + 1))
      got=$(python3 "$T/check.py" "$T/model.json" "$FILE" "" 0 -1) || fail "trial $trial (killed while starting): see above"
      [ "$got" = "$ANSWERED" ] || fail "trial $trial: a kill while starting changed the answers ($ANSWERED → $got)"
      note "trial $trial: killed while starting"
      continue
    fi
    # Resuming opens the next statement to answer, with the progress so far. (Moving between
    # steps is not saved by itself, so a session killed before its first answer opens where its
    # last save was: the scope.)
    if [ "$ANSWERED" = 0 ] && [ "$(wait_for_any 15 "${POS[0]}" "Step 2/9")" = "Step 2/9" ]; then
      go_to_step 3
    fi
    wait_row "${POS[ANSWERED]}"
    [ "$(trimmed_screen | grep -A2 -m1 -xF -- "${POS[ANSWERED]}" | tail -1)" = "${TXT[ANSWERED]}" ] ||
      fail "trial $trial: resumed on another statement than number $((ANSWERED + 1))"
    wait_progress "$(expected_progress "$ANSWERED")"
    grep -q "\"pid\":$(cat "$T/pid")," "$FILE.lock" 2>/dev/null || fail "trial $trial: the lock is not the new igloo's"
    # Every temporary file of a killed igloo is gone once the session is open again.
    left=$(find "$T/data" -name '.*.igloo-tmp-*')
    [ -z "$left" ] || fail "trial $trial: temporary files of killed saves are still there: $left"
    if [ -n "$planted" ]; then
      trimmed_screen | grep -qF PLANTED && fail "the planted temporary file was read as the session"
      planted=""
    fi
  fi

  # Answers, each waited for until the progress shows it.
  rnd 5
  c=$R
  room=$((N - 1 - ANSWERED))
  [ "$c" -gt "$room" ] && c=$room
  keys=(1 2 3 4 5 d n)
  for ((i = 0; i < c; i++)); do
    rnd 7
    k=${keys[R]}
    send "$k"
    sent="$sent$k"
    wait_progress "$(expected_progress $((ANSWERED + ${#sent})))"
    confirmed=$((confirmed + 1))
  done
  # Then a burst sent at once, not waited for, and the kill a random moment later.
  rnd 6
  b=$R
  room=$((N - 1 - ANSWERED - c))
  [ "$b" -gt "$room" ] && b=$room
  burst=()
  for ((i = 0; i < b; i++)); do
    rnd 7
    burst+=("${keys[R]}")
    sent="$sent${keys[R]}"
  done
  rnd 80
  delay=$(printf '0.%03d' "$R")
  [ "$b" -gt 0 ] && $TM send-keys -t "$PANE" "${burst[@]}"
  sleep "$delay"
  last=$(screen)
  kill_igloo
  kills=$((kills + 1))
  row=$(progress_row "$last")
  if [ -n "$row" ]; then
    shown=0
    for t in $row; do case $t in */*) shown=$((shown + ${t%/*})) ;; esac; done
  fi
  lock="$FILE.lock"
  if [ -e "$lock" ]; then
    grep -q "\"pid\":$(cat "$T/pid")," "$lock" || fail "trial $trial: the lock left behind is not the killed igloo's: $(cat "$lock")"
    takeovers=$((takeovers + 1))
  fi
  leftovers_seen=$((leftovers_seen + $(find "$T/data" -name '.*.igloo-tmp-*' | grep -c .)))
  got=$(python3 "$T/check.py" "$T/model.json" "$FILE" "$sent" "$confirmed" "$shown") || fail "trial $trial: see above"
  in_flight_saved=$((in_flight_saved + got - ANSWERED - confirmed))
  note "trial $trial: $ANSWERED answered before, +$confirmed on screen, burst '${burst[*]}', kill after ${delay}s: $got saved"
  ANSWERED=$got
  [ "$(session_count)" = "$sessions" ] || fail "trial $trial: $(session_count) session files, expected $sessions: $(session_files)"
  if [ $((N - 1 - ANSWERED)) -lt 10 ]; then
    DONE_SHA[$FILE]=$(sha256sum <"$FILE")
    need_new=1
  fi
done

for f in "${!DONE_SHA[@]}"; do
  [ "$(sha256sum <"$f")" = "${DONE_SHA[$f]}" ] || fail "$f changed after its session was finished with"
done
[ "$kills" = "$TRIALS" ] || fail "$kills kills in $TRIALS trials"
[ "$TRIALS" -ge 50 ] || echo "$E2E_NAME: only $TRIALS trials; issue 5 asks for at least 50" >&2
[ "$takeovers" -ge $((TRIALS / 2)) ] || fail "only $takeovers stale locks were left to take over"
echo "$E2E_NAME: $kills kills ($early while starting), $sessions sessions, $takeovers stale locks taken over," \
  "$in_flight_saved burst answers saved before the kill, $leftovers_seen temporary files left by kills," \
  "$(($(date +%s) - start_time))s" >&2
exit 0

#!/usr/bin/env bash
# A quick scan of the call-centre scope (call scoring in use, the chat assistant in pilot) through
# the real binary: from the start screen to the Profile with one key per statement, the statements
# and the keys from the Scope step to the Profile counted (at most 60), then two findings deepened
# from the Profile and their full statements answered, and every screening answer checked to be
# still in the session file and in the JSON report.
. "$(dirname "$0")/lib.sh"

start_shell 80 24
launch
new_assessment "Nordlys Kundeservice"
go_to_step 2
wait_for "Uses chosen: 0"

# Every key from here to the Profile goes through press, so that it is counted.
keys=0
press() { send "$@"; keys=$((keys + $#)); }

note "scope: call scoring (12th) in use, the chat assistant (17th) in pilot, the quick scan"
for _ in $(seq 1 11); do press Down; done
press Space
wait_for "Uses chosen: 1"
for _ in $(seq 1 5); do press Down; done
press Space
wait_for "Uses chosen: 2"
press s # in use → pilot, in the order the scope text names the stages
wait_for "Pilot"
# A new session starts on the quick scan (issue 26); d switches to full and back.
wait_for "Depth: quick scan, 18 statements"
press d
wait_for "Depth: full assessment"
press d
wait_for "Depth: quick scan, 18 statements"
press NPage
wait_for "Step 3/9"
file=$(session_files)
[ -n "$file" ] || fail "no session file"

note "answer every screening statement with one key: the first two agree (4), the rest disagree (1)"
statements=0
while ! screen | grep -q "Step 5/9"; do
  [ "$statements" -lt 40 ] || fail "more than 40 statements in the quick scan"
  if [ "$statements" -lt 2 ]; then press 4; else press 1; fi
  statements=$((statements + 1))
  # The wizard saves before it redraws: wait until the answer is in the file.
  for _ in $(seq 1 100); do [ "$(answer_count "$file")" -ge "$statements" ] && break; sleep 0.05; done
  [ "$(answer_count "$file")" -ge "$statements" ] || fail "answer $statements did not reach the file"
done
press NPage
wait_for "Step 6/9"
echo "quick scan: $statements statements, $keys keys from Scope to Profile"
[ "$statements" = 18 ] || fail "the quick scan asked $statements statements, not 18"
[ "$keys" -le 60 ] || fail "$keys keys from Scope to Profile (at most 60)"
wait_for "Quick scan: 18 of 18 statements answered"
json_check "$file" "s['depth'] == 'quick'"
json_check "$file" "len(s['answers']['default']) == 18 and all(q.endswith('-screening') for q in s['answers']['default'])"
cp "$file" "$T/out/screened.json"

note "deepen the two findings screened high"
wait_for "u: deepen the 2 findings screened moderate or high"
send u
wait_for "2 findings deepened"
wait_for "Step 3/9"
json_check "$file" "len(s.get('deepened', [])) == 2"
deep=0
while ! screen | grep -q "Step 5/9"; do
  [ "$deep" -lt 40 ] || fail "more than 40 statements after deepening"
  send 3
  deep=$((deep + 1))
  for _ in $(seq 1 100); do [ "$(answer_count "$file")" -ge $((18 + deep)) ] && break; sleep 0.05; done
  [ "$(answer_count "$file")" -ge $((18 + deep)) ] || fail "deepened answer $deep did not reach the file"
done
echo "deepened: $deep statements (full statements of two findings, and sickness absence)"
[ "$deep" -gt 5 ] || fail "only $deep statements after deepening two findings"

note "every screening answer is still in the file and in the report"
python3 - "$T/out/screened.json" "$file" <<'PY' || fail "a screening answer changed in the file"
import json, sys
before = json.load(open(sys.argv[1]))["answers"]["default"]
after = json.load(open(sys.argv[2]))["answers"]["default"]
missing = [q for q, a in before.items() if after.get(q) != a]
assert not missing, missing
value = lambda a: a["value"] if isinstance(a, dict) else a
assert all(value(after[q]) == 3 for q in after if q not in before), "a deepened answer is not the 3 pressed"
PY
quit_wizard
"$IGLOO_BIN" report "$file" --format json >"$T/out/report.json" 2>"$T/out/report.err" || fail "igloo report failed: $(cat "$T/out/report.err")"
python3 - "$T/out/screened.json" "$T/out/report.json" <<'PY' || fail "the report does not carry every screening answer"
import json, sys
before = json.load(open(sys.argv[1]))["answers"]["default"]
r = json.load(open(sys.argv[2]))
assert r["depth"] == "quick", r["depth"]
assert r["progress"]["answered"] == r["progress"]["total"], r["progress"]
assessed = [f["assessed"] for f in r["findings"]]
# Two findings were deepened; a statement shared with a third finding (one statement, two measures)
# may put that one in full too. Every other finding stays screened.
assert len(assessed) == 18 and assessed.count("full") >= 2 and assessed.count("full") + assessed.count("screened") == 18, assessed
assert len(r["deepened"]) == 2, r["deepened"]
shown = {q["id"]: q["answer"] for f in r["findings"] for q in f["questions"] if q["role"] == "screening"}
assert set(shown) == set(before), sorted(set(before) ^ set(shown))
points = {1: 0, 2: 25, 3: 50, 4: 75, 5: 100}
value = lambda a: a["value"] if isinstance(a, dict) else a
wrong = [q for q, a in before.items() if shown[q] is None or shown[q]["score"] != points[value(a)]]
assert not wrong, wrong
assert all(f["screening"] is not None for f in r["findings"])
PY
exit 0

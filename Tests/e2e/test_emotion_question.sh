#!/usr/bin/env bash
# Issue 26: the Scope step asks whether call scoring infers emotions (key f), and the Profile and the
# exported Markdown say only what the answer supports. Left at "don't know": a question to settle,
# never a ban and never "stop the use". f to "yes": a ban, first. f to "no": neither. Each state is
# set through the real binary in tmux; the Markdown comes from `igloo report` on the saved file.
. "$(dirname "$0")/lib.sh"

ban_words='Forbudt praksis|Forbudt:|FORBUDT|Prohibited practice|Prohibited:|PROHIBITED|[Ss]top brugen|[Ss]top the use'

# profile_and_report STATE: from the Scope step, go to the Profile and save its screen, quit, and
# write the summary's Markdown of the saved session to $T/out/STATE.md.
profile_and_report() {
  go_to_step 6
  wait_for "Step 6/9"
  settle 0.5
  screen >"$T/out/$1.profile.txt"
  quit_wizard
  "$IGLOO_BIN" report "$file" --part summary --format md -o "$T/out/$1.md" 2>"$T/out/$1.err" ||
    fail "igloo report ($1) failed: $(cat "$T/out/$1.err")"
  # The whole report in every format, Word as the text of its document part, for the ban words.
  local format
  for format in md json csv docx; do
    "$IGLOO_BIN" report "$file" --format "$format" -o "$T/out/$1.all.$format" 2>"$T/out/$1.err" ||
      fail "igloo report --format $format ($1) failed: $(cat "$T/out/$1.err")"
  done
  python3 - "$T/out/$1.all.docx" >"$T/out/$1.all.docx.txt" <<'PY' || fail "cannot read the Word file ($1)"
import sys, zipfile
print(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode("utf-8"))
PY
}

# every_format STATE: the files of STATE that the ban words are looked for in.
every_format() {
  echo "$T/out/$1.profile.txt" "$T/out/$1.md" "$T/out/$1.all.md" "$T/out/$1.all.json" "$T/out/$1.all.csv" "$T/out/$1.all.docx.txt"
}

# scope_again: resume the saved session and go back to the Scope step, on the call score.
scope_again() {
  launch resume "$file"
  wait_for "Step 6/9"
  local k
  for k in 5 4 3 2; do
    send PPage
    wait_for "Step $k/9"
  done
  wait_for "Uses chosen: 1"
  # The cursor is on the first use case; the call score is the 12th.
  send Home
  for _ in $(seq 1 11); do send Down; done
  wait_for "Does the system infer emotions"
}

start_shell 100 40
launch
new_assessment "Nordlys Kundeservice"
go_to_step 2
wait_for "Uses chosen: 0"

note "call scoring (12th) in scope; the question opens on don't know"
for _ in $(seq 1 11); do send Down; done
send Space
wait_for "Uses chosen: 1"
wait_for "Does the system infer emotions (voice, face, body)? Don't know: to be settled"
go_to_step 3
file=$(session_files)
[ -n "$file" ] || fail "no session file"
profile_and_report dont-know
json_check "$file" "s['scope'][0]['use_case'] == 'call-scoring' and s['scope'][0].get('infers_emotions', 'dont-know') == 'dont-know'"
grep -q "TO BE SETTLED" "$T/out/dont-know.profile.txt" || fail "the Profile does not ask to settle the question: $(cat "$T/out/dont-know.profile.txt")"
# shellcheck disable=SC2046
if grep -Eq "$ban_words" $(every_format dont-know); then
  fail "don't know reads as a ban: $(grep -Eho "$ban_words" $(every_format dont-know) | sort -u)"
fi
python3 - "$T/out/dont-know.all.json" <<'PY' || fail "don't know: the JSON's first flag is not the ban to settle"
import json, sys
flags = json.load(open(sys.argv[1]))["flags"]
assert flags[0]["id"] == "ai-act-art-5-1-f" and flags[0]["severity"] == "clarify", flags[0]
PY
grep -q '^\*\*To be settled:\*\* Does the system infer' "$T/out/dont-know.md" || fail "the Markdown does not ask the question"
grep -q 'Ask the supplier in writing whether the system infers' "$T/out/dont-know.md" || fail "the supplier question is not in the plan"

note "f: yes, a ban, first"
scope_again
send f
wait_for "Does the system infer emotions (voice, face, body)? Yes: banned at the workplace"
json_check "$file" "s['scope'][0]['infers_emotions'] == 'yes'"
profile_and_report yes
grep -q "PROHIBITED: " "$T/out/yes.profile.txt" || fail "yes: the Profile shows no ban: $(cat "$T/out/yes.profile.txt")"
grep -q '^\*\*Prohibited practice:\*\*' "$T/out/yes.md" || fail "yes: the Markdown shows no ban"
if grep -q "To be settled:" "$T/out/yes.md"; then fail "yes: still a question to settle"; fi
python3 - "$T/out/yes.all.json" <<'PY' || fail "yes: the JSON's first flag is not the ban"
import json, sys
flags = json.load(open(sys.argv[1]))["flags"]
assert flags[0]["id"] == "ai-act-art-5-1-f" and flags[0]["severity"] == "prohibited", flags[0]
PY
# The ban comes before every duty on page 1.
ban_line=$(grep -n '^\*\*Prohibited practice:\*\*' "$T/out/yes.md" | head -1 | cut -d: -f1)
duty_line=$(grep -n '^- \*\*Duty:' "$T/out/yes.md" | head -1 | cut -d: -f1)
[ -n "$duty_line" ] && [ "$ban_line" -lt "$duty_line" ] || fail "yes: the ban is not first ($ban_line, $duty_line)"

note "f: no, neither a ban nor a question"
scope_again
send f
wait_for "Does the system infer emotions (voice, face, body)? No"
json_check "$file" "s['scope'][0]['infers_emotions'] == 'no'"
profile_and_report no
# shellcheck disable=SC2046
if grep -Eq "$ban_words|TO BE SETTLED|To be settled" $(every_format no); then
  fail "no: a ban or a question remains: $(grep -Eho "$ban_words|TO BE SETTLED|To be settled" $(every_format no) | sort -u)"
fi
exit 0

#!/usr/bin/env bash
# --plain (line mode): a whole assessment typed as lines on standard input, with no terminal at all.
# Checks that the session is saved with æøå intact, that answers, notes, "don't know" and "not
# relevant" land in the file, that end of input saves and exits 0, and that a resume continues.
. "$(dirname "$0")/lib.sh"

out="$T/out/plain.txt"
printf '%s\n' "Kærgården Ældrepleje" "Team Øst" "4" "45" "" "" "" "12, 17:pilot" \
  "4 # kun om aftenen | og i weekenden" "d" "n" "2" "" "5" \
  | env -i PATH="$PATH" HOME="$T/home" XDG_DATA_HOME="$T/data" LANG=C.UTF-8 \
    timeout 20 "$IGLOO_BIN" --plain --lang da >"$out" 2>&1
rc=$?
[ "$rc" -eq 0 ] || { cat "$out" >&2; fail "--plain exited $rc"; }
file=$(session_files | head -n 1)
[ -n "$file" ] || fail "no session file was written"
grep -q "Vurderingen er gemt i $file" "$out" || fail "the last line does not say where the session is"
json_check "$file" 's["about"]["workplace"] == "Kærgården Ældrepleje" and s["about"]["unit"] == "Team Øst"'
json_check "$file" 's["about"]["sector"] == "public-municipality" and s["about"]["employees"] == 45'
json_check "$file" 'sorted(i["use_case"] for i in s["scope"]) == ["call-scoring", "chat-assistant"]'
json_check "$file" '[i["stage"] for i in s["scope"] if i["use_case"] == "chat-assistant"] == ["pilot"]'
values=$(answers_of "$file")
expected=$(printf '%s\n' "2|" "4|kun om aftenen | og i weekenden" "5|" "dont-know|" "not-relevant|" | sort)
[ "$values" = "$expected" ] || fail "answers differ: got [$values], expected [$expected]"
[ ! -e "$file.lock" ] || fail "the lock was left behind"
[ "$(stat -c %a "$file")" = 600 ] || fail "the session file is not 0600"

# Resume: two more answers go after the five already given.
printf '%s\n' "" "1" "3" \
  | env -i PATH="$PATH" HOME="$T/home" XDG_DATA_HOME="$T/data" LANG=C.UTF-8 \
    timeout 20 "$IGLOO_BIN" resume "$file" --plain --lang en >"$out" 2>&1 || fail "resume --plain failed"
[ "$(answer_count "$file")" -eq 7 ] || fail "resume did not add two answers: $(answer_count "$file")"
grep -q "The assessment is saved in $file" "$out" || fail "resume did not say where the session is"

# Issue 15: `igloo --plain` offers the saved session first; q ends with the exact command to resume,
# and every step says where it is.
printf '%s\n' "1" "" "q" \
  | env -i PATH="$PATH" HOME="$T/home" XDG_DATA_HOME="$T/data" LANG=C.UTF-8 \
    timeout 20 "$IGLOO_BIN" --plain --lang da >"$out" 2>&1 || fail "--plain with a saved session failed"
grep -q "Gemte vurderinger" "$out" || fail "the saved sessions were not offered first"
grep -q "1. Kærgården Ældrepleje" "$out" || fail "the saved session is not listed by number"
grep -q "Trin 2 af 9: Omfang" "$out" || fail "the scope step does not say its number"
grep -qF "Fortsæt senere med: igloo resume $file --plain --lang da" "$out" || { cat "$out" >&2; fail "q did not say the command to resume"; }
[ "$(session_files | wc -l)" -eq 1 ] || fail "picking the saved session created another"

# Done-when of issue 15: a script through the whole flow of the real binary – every statement
# skipped with Enter, the review passed, Markdown kept as the format, the suggested file name – writes the
# export next to where igloo runs, and the session keeps its answers.
mkdir -p "$T/out/run"
before=$(answer_count "$file")
{ printf '%s\n' "1" ""; for _ in $(seq 1 200); do printf '\n'; done; } >"$T/out/skip.txt"
( cd "$T/out/run" && env -i PATH="$PATH" HOME="$T/home" XDG_DATA_HOME="$T/data" LANG=C.UTF-8 \
    timeout 30 "$IGLOO_BIN" --plain --lang da <"$T/out/skip.txt" >"$out" 2>&1 ) || { cat "$out" >&2; fail "the whole plain flow failed"; }
grep -q "Trin 5 af 9: Gennemgang" "$out" || fail "the review step was not shown"
grep -q "Trin 9 af 9: Eksport" "$out" || fail "the export step was not reached"
ls "$T/out/run/"*.md >/dev/null 2>&1 || { ls -la "$T/out/run" >&2; cat "$out" | tail -20 >&2; fail "no export was written"; }
[ "$(answer_count "$file")" -eq "$before" ] || fail "skipping changed the answers"
exit 0

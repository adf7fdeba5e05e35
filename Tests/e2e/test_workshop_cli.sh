#!/usr/bin/env bash
# The trainer's commands, headless: `igloo case` lists the cases; two groups answer one case in line
# mode; `igloo compare --groups` matches its golden output in Danish and English (and refuses one
# file or nine); `igloo aggregate` over a folder that also holds exports, a backup and notes skips
# each with one line, stops on a damaged session, and hides every figure resting on fewer than 5
# sessions (--min-group raises it, never lowers it). Last, the README's "For trainers" commands run
# as written. IGLOO_RECORD=1 re-records the goldens in Tests/e2e/golden/.
. "$(dirname "$0")/lib.sh"

golden="$(cd "$(dirname "$0")" && pwd)/golden"
readme="$(cd "$(dirname "$0")/../.." && pwd)/README.md"
igloo() { LANG=C.UTF-8 "$IGLOO_BIN" "$@"; }

# check_golden NAME FILE: FILE equals golden/NAME, or records it with IGLOO_RECORD=1.
check_golden() {
  if [ "${IGLOO_RECORD:-}" = 1 ]; then cp "$2" "$golden/$1"; return 0; fi
  diff -u "$golden/$1" "$2" >&2 || fail "$1 differs from its golden file"
}

# group NAME ANSWER...: group NAME answers the call-centre case in line mode, cycling through the
# answers; its date is then fixed, so that the goldens do not depend on today.
group() {
  local name=$1; shift
  # In $T/out: line mode ends by offering an export, and the answers left over name its file.
  # Enter closes the story; the case's session opens at About, so `gå 3` goes to the statements.
  { echo ""; echo "gå 3"; for i in $(seq 1 40); do for a in "$@"; do echo "$a"; done; done; } \
    | (cd "$T/out" && igloo case call-centre --plain --group "$name") >"$T/plain.out" 2>&1 || fail "line mode for $name failed: $(tail -3 "$T/plain.out")"
  grep -q "Dette er en opdigtet træningscase\|This is an invented training case" "$T/plain.out" || fail "line mode did not show the story"
}

n=$(igloo case | grep -c .)
[ "$n" -ge 6 ] || fail "igloo case lists $n cases, not at least 6"

group "Bord 1" 5 4
group "Bord 2" 1 2 2
mapfile -t files < <(session_files)
[ "${#files[@]}" = 2 ] || fail "expected two session files, got ${#files[@]}"
for f in "${files[@]}"; do
  python3 - "$f" <<'PY'
import json, sys
p = sys.argv[1]
s = json.load(open(p, encoding="utf-8"))
s["about"]["date"] = "2026-12-01"
json.dump(s, open(p, "w", encoding="utf-8"), ensure_ascii=False, indent=2, sort_keys=True)
PY
done
a=$(session_files | grep bord-1); b=$(session_files | grep bord-2)
[ -n "$a" ] && [ -n "$b" ] || fail "the session files do not name their groups: ${files[*]}"

for lang in da en; do
  igloo compare --groups "$a" "$b" --facilitator --lang "$lang" >"$T/out/groups.$lang.md" 2>"$T/err" || fail "compare --groups failed: $(cat "$T/err")"
  check_golden "compare-groups.$lang.md" "$T/out/groups.$lang.md"
done
grep -q "| Bord 1 | Bord 2 | Spredning |" "$T/out/groups.da.md" || fail "no column per group, then the spread"
igloo compare --groups "$a" "$b" --facilitator --lang da --format docx -o "$T/out/groups.docx" 2>"$T/err" || fail "compare --groups --format docx failed: $(cat "$T/err")"
if command -v pandoc >/dev/null; then
  pandoc -f docx -t plain "$T/out/groups.docx" >"$T/out/groups.docx.txt" 2>"$T/err" || fail "pandoc cannot read the plenary docx: $(cat "$T/err")"
  [ ! -s "$T/err" ] || fail "pandoc warned about the plenary docx: $(cat "$T/err")"
  grep -q "Spredning" "$T/out/groups.docx.txt" || fail "the plenary docx has no spread column"
  grep -q "Til underviseren" "$T/out/groups.docx.txt" || fail "the plenary docx has no facilitator's note"
elif [ "${CI:-}" = true ]; then fail "pandoc is missing under CI"; fi
if grep -q "Forrige\|Nuværende" "$T/out/groups.da.md"; then fail "compare --groups speaks of before and after"; fi
igloo compare --groups "$a" >/dev/null 2>"$T/err" && fail "compare --groups took one file"
grep -q "2 to 8" "$T/err" || fail "one file: no reason given ($(cat "$T/err"))"
nine=(); for i in $(seq 1 9); do nine+=("$a"); done
igloo compare --groups "${nine[@]}" >/dev/null 2>&1 && fail "compare --groups took nine files"

# A course folder: the two groups, three more copies of group 1 under other names, a JSON export,
# a backup, and notes; then a damaged session.
course="$T/out/course"; mkdir -p "$course"
cp "$a" "$b" "$course/"
for i in 3 4 5; do
  python3 - "$a" "$course/group-$i.igloo.json" "$i" <<'PY'
import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
s["about"]["group"] = "Bord " + sys.argv[3]
json.dump(s, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2, sort_keys=True)
PY
done
igloo report "$a" --format json -o "$course/bord-1-report.json" 2>"$T/err" || fail "report --format json failed: $(cat "$T/err")"
cp "$a" "$course/old.igloo.json.v0.bak"
echo "Husk kaffe til plenum" >"$course/noter.txt"
igloo aggregate "$course" --lang en >"$T/out/agg5.md" 2>"$T/err" || fail "aggregate over a mixed folder failed: $(cat "$T/err")"
for skipped in bord-1-report.json old.igloo.json.v0.bak noter.txt; do
  [ "$(grep -c "skipped .*$skipped" "$T/err")" = 1 ] || fail "aggregate did not name $skipped once: $(cat "$T/err")"
done
[ "$(grep -c . "$T/err")" = 3 ] || fail "aggregate said more than one line per skipped file: $(cat "$T/err")"
grep -q "based on 5 assessments" "$T/out/agg5.md" || fail "aggregate did not count the 5 sessions"
grep -q "fewer than 5 assessments" "$T/out/agg5.md" || fail "the anonymity threshold is not stated"
grep -q "| Individual | 5 |" "$T/out/agg5.md" || fail "five sessions: the level figures should be shown"

rm "$course/group-5.igloo.json"
igloo aggregate "$course" --lang en >"$T/out/agg4.md" 2>/dev/null || fail "aggregate over four sessions failed"
grep -q "| Individual | hidden (under 5) |" "$T/out/agg4.md" || fail "four sessions: the level figures were not hidden"
if grep -Eq "\| [0-9]+ \| [0-9]+ \|$" "$T/out/agg4.md"; then fail "four sessions: an action's count was shown"; fi

igloo aggregate "$course" --min-group 4 >/dev/null 2>"$T/err" && fail "--min-group 4 was accepted"
grep -q "at least 5" "$T/err" || fail "--min-group 4: no reason given"
cp "$a" "$course/group-5.igloo.json"
igloo aggregate "$course" --min-group 6 --lang en >"$T/out/agg6.md" 2>/dev/null || fail "--min-group 6 failed"
grep -q "| Individual | hidden (under 6) |" "$T/out/agg6.md" || fail "--min-group 6 did not raise the threshold"

printf '{"schema": "igloo-session", "schema_version": 1, "answers": ' >"$course/broken.igloo.json"
igloo aggregate "$course" >/dev/null 2>"$T/err" && fail "a damaged session was skipped instead of refused"
grep -q "broken.igloo.json" "$T/err" || fail "the damaged session is not named: $(cat "$T/err")"

# The README's commands for trainers, as written, in a fresh home (the wizard's lines in line mode).
home="$T/trainer"; mkdir -p "$home"
python3 - "$readme" >"$T/trainer.sh" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
section = text.split("## For trainers", 1)[1].split("\n## ", 1)[0]
block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
print(block)
PY
[ -s "$T/trainer.sh" ] || fail "README has no 'For trainers' commands"
grep -q "compare --groups" "$T/trainer.sh" || fail "README's trainer commands do not compare groups"
(
  cd "$home" || exit 1
  export HOME="$home"; unset XDG_DATA_HOME
  # The wizard needs a terminal; here each group answers in line mode instead.
  igloo() {
    if [ "$1" = case ] && [ $# -gt 1 ]; then
      { echo ""; echo "gå 3"; yes 3 | head -n 60; } | LANG=C.UTF-8 "$IGLOO_BIN" "$@" --plain >/dev/null
    else
      LANG=C.UTF-8 "$IGLOO_BIN" "$@"
    fi
  }
  set -e
  . "$T/trainer.sh"
) >"$T/trainer.out" 2>&1 || fail "README's trainer commands failed: $(tail -5 "$T/trainer.out")"
[ -s "$home/plenum.md" ] || fail "README's compare command wrote no plenum.md"
grep -q "For the trainer\|Til underviseren" "$home/plenum.md" || fail "plenum.md has no facilitator's note"
[ -s "$home/plenum.docx" ] || fail "README's compare command wrote no plenum.docx"
python3 -c 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())' "$home/plenum.docx" | grep "Bord 2" >/dev/null || fail "plenum.docx has no column for Bord 2"
exit 0

#!/usr/bin/env bash
# No answer text outside the session and the exports the user asked for. A wizard session is
# given a distinctive workplace and note; the session is exported to Markdown; igloo quits; then it
# is resumed, another note is typed but not committed, and igloo gets SIGHUP (the emergency-save
# path). Afterwards every file created or changed since the start, under the test's folder (HOME,
# XDG_DATA_HOME, XDG_STATE_HOME, XDG_CACHE_HOME, XDG_CONFIG_HOME, TMPDIR) and in /tmp, /var/tmp,
# /dev/shm, /var/log and the real home folder, is searched for the texts: only the session file and
# the export may hold them (not the lock, nor anything else). igloo's stderr and what it leaves on the terminal
# after quitting hold none of them either. Searched as plain ASCII fragments too, so that escaped
# forms (\u00c6) are caught.
. "$(dirname "$0")/lib.sh"

NOTE="Hemmelig-Æ-note-4711"
WORKPLACE="Værksted Hemmelig-4712"
NOTE2="Hemmelig-Ø-kladde-4713"
EXPORT="$T/out/rapport.md"
# The fragments searched for: each text, and an ASCII piece of it that survives any escaping.
PATTERNS=("$NOTE" "note-4711" "$WORKPLACE" "Hemmelig-4712" "$NOTE2" "kladde-4713")

mkdir -p "$T/state" "$T/cache" "$T/config" "$T/tmp"
touch "$T/marker"
sleep 0.05
start_shell 80 24
E2E_ENV="XDG_STATE_HOME=$T/state XDG_CACHE_HOME=$T/cache XDG_CONFIG_HOME=$T/config TMPDIR=$T/tmp HOME=$T/home"
launch
first_statement "$WORKPLACE"
answer 4 I 1
send Tab
type_text "$NOTE"
send Enter
wait_for "$NOTE"
answer 2 I 2
go_to_step 9
wait_for "Format"
send Tab C-u
type_text "$EXPORT"
wait_for "rapport.md"
send Enter
wait_for "The file was saved"
quit_wizard
assert_terminal_restored

file=$(session_files)
[ "$(printf '%s\n' "$file" | grep -c .)" = 1 ] || fail "expected one session file, found: $file"
grep -qF "$NOTE" "$file" || fail "the note is not in the session file"
grep -qF "$NOTE" "$EXPORT" || fail "the note is not in the export"

note "resume, type a note without committing it, SIGHUP"
launch resume "$file"
wait_for "Step 9/9" # where it was left
send F3
wait_for "Go to step"
send Home Down Down Enter
wait_for "Step 3/9"
level Individual
wait_for " I 2/"
send Tab
type_text "$NOTE2"
wait_for "$NOTE2"
kill -HUP "$(igloo_pid)"
rc=$(wait_exit 10)
[ "$rc" = 129 ] || fail "exit status $rc after SIGHUP, expected 129"
assert_terminal_restored
# A signal leaves the lock behind (the next igloo takes it over as stale); it is searched below
# like any other file, and must hold no answer text.
[ -e "$file.lock" ] && note "SIGHUP left the lock: $(cat "$file.lock")"

note "search every file written since the start"
$TM capture-pane -p -S - -t "$PANE" >"$T/terminal-after.txt"
# A decoy with the note as a JSON escape would write it, to prove that the search finds such a file.
DECOY="$T/decoy.json"
printf '{"note": "Hemmelig-\\u00c6-note-4711"}\n' >"$DECOY"
allowed=("$file" "$EXPORT")
found=""
while IFS= read -r -d '' f; do
  for a in "${allowed[@]}"; do [ "$f" = "$a" ] && continue 2; done
  for p in "${PATTERNS[@]}"; do
    if grep -qaF -- "$p" "$f" 2>/dev/null; then
      found="$found$f: holds '$p'"$'\n'
      break
    fi
  done
done < <(find "$T" /tmp /var/tmp /dev/shm /var/log "$(getent passwd "$(id -u)" | cut -d: -f6)" \
  -xdev -type f -newer "$T/marker" -print0 2>/dev/null)
grep -qxF "$DECOY: holds 'note-4711'" <<<"$found" || fail "the search did not find the decoy (found: $found)"
found=$(grep -vxF "$DECOY: holds 'note-4711'" <<<"$found")
[ -z "$found" ] || fail "answer text outside the session and the export:"$'\n'"$found"

for p in "${PATTERNS[@]}"; do
  grep -qaF -- "$p" "$T/stderr" && fail "igloo's stderr holds '$p': $(cat "$T/stderr")"
done
[ -s "$T/terminal-after.txt" ] || fail "could not read the terminal"
for p in "$NOTE" "note-4711" "$NOTE2" "kladde-4713"; do
  grep -qaF -- "$p" "$T/terminal-after.txt" && fail "the terminal holds '$p' after igloo quit"
done
# The workplace is the session's name, so "Saved in <file>" may show its slug (by design), but not
# the text as typed.
grep -qaF -- "$WORKPLACE" "$T/terminal-after.txt" && fail "the terminal holds the workplace after igloo quit"
find "$T/state" "$T/cache" "$T/config" "$T/tmp" -mindepth 1 | grep -q . &&
  note "igloo wrote under XDG_STATE/CACHE/CONFIG or TMPDIR: $(find "$T/state" "$T/cache" "$T/config" "$T/tmp" -mindepth 1)"
exit 0

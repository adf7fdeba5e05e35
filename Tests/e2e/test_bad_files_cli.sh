#!/usr/bin/env bash
# Bad session files on the command line. `igloo report FILE` (to stdout and with -o) and
# `igloo resume FILE` each answer every kind of bad file with exactly one line on stderr that
# names the file and the problem, exit status 2, nothing on stdout, the file's bytes unchanged
# (sha256 before and after), and nothing written: no -o file, no lock, no backup, no temporary
# file, nothing new in the folder. The kinds: truncated; not JSON; JSON of the wrong shape (a list,
# an object that is no session); a newer schema version; an unknown question id; an answer out of
# range; a 50 MB file; a binary file; an empty file; only blank space; UTF-16; a directory; a
# FIFO (refused without hanging); a missing file; and a file that cannot be read (mode 000; since
# root reads anything, that one runs as the user nobody through setpriv, or su).
. "$(dirname "$0")/lib.sh"

FIXTURE="$(cd "$(dirname "$0")/.." && pwd)/IglooReportTests/Fixtures/home-care.json"
[ -f "$FIXTURE" ] || fail "no fixture at $FIXTURE"
B="$T/bad"
mkdir -p "$B"

python3 - "$FIXTURE" "$B" <<'PY' || fail "could not make the bad files"
import json, os, sys
fixture, b = sys.argv[1], sys.argv[2]
good = open(fixture, "rb").read()
s = json.loads(good)
def put(name, data):
    with open(os.path.join(b, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
put("truncated.igloo.json", good[: len(good) // 2])
put("not-json.igloo.json", "Mødereferat 12. maj\nDette er ikke JSON: {answers: ja}\n")
put("list.igloo.json", json.dumps([s]))
put("other-object.igloo.json", json.dumps({"name": "Kærgården", "items": [1, 2, 3]}))
newer = dict(s, schema_version=2)
put("newer.igloo.json", json.dumps(newer))
unknown = json.loads(good)
unknown["answers"]["amg"]["q-x-does-not-exist"] = 3
put("unknown-id.igloo.json", json.dumps(unknown))
out_of_range = json.loads(good)
first = next(iter(out_of_range["answers"]["amg"]))
out_of_range["answers"]["amg"][first] = 7
put("out-of-range.igloo.json", json.dumps(out_of_range))
# 50 MB (MiB, as igloo counts) of a well-formed session: a unit name of 50 Mi letters.
huge = json.loads(good)
huge["about"]["unit"] = "x" * (50 * 1024 * 1024)
put("huge.igloo.json", json.dumps(huge))
put("binary.igloo.json", bytes(range(256)) * 64)
put("empty.igloo.json", b"")
put("blank.igloo.json", " \n\t\n  \n")
put("utf16.igloo.json", good.decode("utf-8").encode("utf-16"))
os.mkdir(os.path.join(b, "folder.igloo.json"))
os.mkfifo(os.path.join(b, "fifo.igloo.json"))
PY
[ "$(stat -c %s "$B/huge.igloo.json")" -ge 52428800 ] || fail "the huge file is not 50 MB"

# folder_state DIR: its entries with sizes and times, and its own modification time (which any
# file created and removed again, such as a lock or a temporary file, moves on).
# The "total" line is left out: it counts blocks, which the file system may still be allocating
# for the 50 MB file written just before (a retry on a busy machine showed 51264 then 51268).
folder_state() { ls -lA --time-style=+%s.%N "$1" | grep -v '^total ' | sort; stat -c 'folder modified %y' "$1"; }

# check_refused LABEL FILE PROBLEM [RUNNER...]: report (stdout, -o) and resume on FILE.
check_refused() {
  local label=$1 file=$2 problem=$3
  shift 3
  local runner=("$@") sum="" listing verb rc line out
  [ -f "$file" ] && sum=$(sha256sum <"$file")
  listing=$(folder_state "$(dirname "$file")")
  for verb in report report-o resume; do
    rm -f "$T/stdout" "$T/stderr"
    case $verb in
      report) timeout 20 "${runner[@]}" "$IGLOO_BIN" report "$file" --lang en >"$T/stdout" 2>"$T/stderr" </dev/null ;;
      report-o) timeout 20 "${runner[@]}" "$IGLOO_BIN" report "$file" --format json -o "$T/out/$label.json" >"$T/stdout" 2>"$T/stderr" </dev/null ;;
      resume) timeout 20 "${runner[@]}" env TERM=xterm-256color XDG_DATA_HOME="$T/data" "$IGLOO_BIN" resume "$file" >"$T/stdout" 2>"$T/stderr" </dev/null ;;
    esac
    rc=$?
    [ "$rc" != 124 ] || fail "$label, $verb: still running after 20 s (hangs?)"
    [ "$rc" = 2 ] || fail "$label, $verb: exit status $rc, expected 2 (stderr: $(head -3 "$T/stderr"))"
    [ "$(wc -l <"$T/stderr")" = 1 ] || fail "$label, $verb: not exactly one line on stderr: $(cat "$T/stderr")"
    line=$(cat "$T/stderr")
    case $line in
      "igloo: cannot open $file: "*"$problem"*) ;;
      *) fail "$label, $verb: the line does not name the file and '$problem': $line" ;;
    esac
    [ ! -s "$T/stdout" ] || fail "$label, $verb: wrote to stdout: $(head -c 200 "$T/stdout")"
    note "$label, $verb: $line"
  done
  [ ! -e "$T/out/$label.json" ] || fail "$label: report -o wrote $T/out/$label.json"
  [ -z "$sum" ] || [ "$(sha256sum <"$file")" = "$sum" ] || fail "$label: the file changed"
  [ ! -e "$file.lock" ] || fail "$label: a lock was left"
  [ "$(folder_state "$(dirname "$file")")" = "$listing" ] ||
    fail "$label: the folder changed: $(diff <(printf '%s\n' "$listing") <(folder_state "$(dirname "$file")"))"
}

check_refused truncated "$B/truncated.igloo.json" "the JSON stops in the middle; the file looks truncated"
check_refused not-json "$B/not-json.igloo.json" "not valid JSON (invalid value at line"
check_refused list "$B/list.igloo.json" "it is not an igloo session: the top level is a list, not an object"
check_refused other-object "$B/other-object.igloo.json" 'it is not an igloo session: it has neither `schema` nor `answers`'
check_refused newer "$B/newer.igloo.json" "it was written by a newer igloo (schema version 2; this igloo reads up to 1): update igloo"
check_refused unknown-id "$B/unknown-id.igloo.json" 'unknown question id `q-x-does-not-exist`'
check_refused out-of-range "$B/out-of-range.igloo.json" "is out of range"
check_refused huge "$B/huge.igloo.json" "too large (50.1 MB); a session is at most 10 MB"
check_refused binary "$B/binary.igloo.json" "it is a binary file, not a session (JSON text)"
check_refused empty "$B/empty.igloo.json" "the file is empty"
check_refused blank "$B/blank.igloo.json" "the file holds only blank space"
check_refused utf16 "$B/utf16.igloo.json" "it is UTF-16 text; save it as UTF-8"
check_refused folder "$B/folder.igloo.json" "it is a folder, not a session file"
check_refused fifo "$B/fifo.igloo.json" "it is not a regular file"
check_refused missing "$B/missing.igloo.json" "no such file"
[ ! -e "$B/missing.igloo.json" ] || fail "the missing file was created"

# Unreadable: mode 000. Root reads it anyway, so the check runs as nobody, in a folder that
# nobody can reach (the test's folder is opened to others for that, not for writing).
U="$T/unreadable"
mkdir -p "$U"
cp "$FIXTURE" "$U/locked.igloo.json"
chmod 000 "$U/locked.igloo.json"
if [ "$(id -u)" = 0 ]; then
  su_nobody() { su nobody -s /bin/sh -c '"$0" "$@"' -- "$@"; }
  if command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
    as_nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/nonexistent)
  elif su nobody -s /bin/sh -c true 2>/dev/null; then
    as_nobody=(su_nobody)
  else
    # Every other case has passed by now; this one cannot run, and that is never a quiet pass.
    missing "cannot run as nobody (no setpriv or su), so the unreadable file cannot be checked"
  fi
  if [ ${#as_nobody[@]} -gt 0 ]; then
    chmod 711 "$T" # nobody may pass through to the file, and write nothing anywhere here
    chmod 755 "$U"
    "${as_nobody[@]}" cat "$U/locked.igloo.json" >/dev/null 2>&1 && fail "nobody can read a mode 000 file?"
    check_refused unreadable "$U/locked.igloo.json" "permission denied" "${as_nobody[@]}"
    chmod 700 "$T"
  fi
else
  check_refused unreadable "$U/locked.igloo.json" "permission denied"
fi

# The good fixture, for contrast, is accepted by report and left as it was.
sum=$(sha256sum <"$FIXTURE")
"$IGLOO_BIN" report "$FIXTURE" --format md -o "$T/out/good.md" 2>"$T/stderr" || fail "the good fixture is refused: $(cat "$T/stderr")"
[ -s "$T/out/good.md" ] || fail "no report of the good fixture"
[ "$(sha256sum <"$FIXTURE")" = "$sum" ] || fail "report changed the fixture"
exit 0

#!/usr/bin/env bash
# `igloo aggregate` over a folder (and over a glob of it) holding good sessions, a session cut short,
# one with a date no calendar has, one nobody may read (mode 000), a FIFO named like a session and
# a foreign JSON file (issue 25, items 12 and 16): it never blocks, names each damaged and
# unreadable session apart from the skipped files, still writes the roll-up of the good ones, and
# exits 1. As root, mode 000 does not stop a read, so the run is made as `nobody`.
. "$(dirname "$0")/lib.sh"

FIXTURES="$(cd "$(dirname "$0")/../IglooReportTests/Fixtures" && pwd)"
export LANG=C.UTF-8
D="$T/rounds"
mkdir -p "$D"
for i in 1 2 3 4 5; do cp "$FIXTURES/home-care.json" "$D/good-$i.igloo.json"; done
head -c 700 "$FIXTURES/home-care.json" >"$D/cut.igloo.json"
python3 - "$FIXTURES/home-care.json" "$D/bad-date.json" <<'PY' || fail "cannot make the bad date"
import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
s.setdefault("about", {})["date"] = "2026-02-30"
json.dump(s, open(sys.argv[2], "w", encoding="utf-8"))
PY
cp "$FIXTURES/home-care.json" "$D/locked.igloo.json"
chmod 000 "$D/locked.igloo.json"
mkfifo "$D/pipe.igloo.json"
echo '{"name": "export"}' >"$D/export.json"
chmod 755 "$T" "$D"
chmod 644 "$D"/good-*.json "$D/cut.igloo.json" "$D/bad-date.json" "$D/export.json"
chmod 666 "$D/pipe.igloo.json"
mkdir -p "$T/outs" && chmod 777 "$T/outs"

as_user() {
  if [ "$(id -u)" = 0 ]; then
    command -v runuser >/dev/null || skip "runuser is needed to read as another user than root"
    runuser -u nobody -- "$@"
  else
    "$@"
  fi
}

# check NAME ARGS...: aggregate ARGS must end within 30 s with exit 1 and say what it left out.
check() {
  local name=$1 rc
  shift
  as_user timeout 30 "$IGLOO_BIN" aggregate "$@" -o "$T/outs/$name.md" >"$T/$name.out" 2>"$T/$name.err" </dev/null
  rc=$?
  [ "$rc" != 124 ] || fail "$name: aggregate blocked (killed after 30 s); stderr: $(cat "$T/$name.err")"
  [ "$rc" = 1 ] || fail "$name: exit $rc, expected 1; stderr: $(cat "$T/$name.err")"
  local err
  err=$(cat "$T/$name.err")
  grep -q "left out a damaged session: .*cut.igloo.json" <<<"$err" || fail "$name: the cut session not named: $err"
  grep -q "left out a damaged session: .*bad-date.json" <<<"$err" || fail "$name: the bad date not named: $err"
  grep -q "left out a file that cannot be read: .*locked.igloo.json: permission denied" <<<"$err" \
    || fail "$name: the unreadable session not named: $err"
  grep -q "skipped .*export.json: not an igloo session" <<<"$err" || fail "$name: the export not skipped: $err"
  grep -q "sessions counted: 5; damaged, left out: 2; unreadable, left out: 1;" <<<"$err" || fail "$name: no counts: $err"
  grep -q "not an igloo session.*cut\|cut.*not an igloo session" <<<"$err" && fail "$name: damage passed off as a foreign file"
  [ -s "$T/outs/$name.md" ] || fail "$name: the roll-up of the good sessions was not written"
  note "$name: $err"
}

check folder "$D"
check glob "$D"/*
grep -q "skipped .*pipe.igloo.json: not a regular file" "$T/glob.err" || fail "glob: the FIFO not skipped: $(cat "$T/glob.err")"
exit 0

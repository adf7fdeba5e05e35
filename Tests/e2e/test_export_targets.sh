#!/usr/bin/env bash
# Issue 8, "Why" 1, 2, 3, 7, 8 and 11, headless: what `-o` will and won't overwrite, output errors as
# messages, and control characters kept off the terminal. Each case is named in its `check` line.
REPO=$(cd "$(dirname "$0")/../.." && pwd)
. "$(dirname "$0")/lib.sh"

D="$T/out"
cd "$D" || fail "no folder"
cp "$REPO/Tests/IglooReportTests/Fixtures/call-centre.json" S.json || fail "no fixture"
cp S.json T.json
SHA=$(sha256sum <S.json)

# run NAME WANT-RC WANT-STDERR-PART CMD...: the exit code and one stderr line holding the text.
run() {
  local name=$1 want=$2 text=$3
  shift 3
  "$@" >"$T/stdout" 2>"$T/stderr"
  local rc=$?
  [ "$rc" = "$want" ] || fail "$name: exit $rc, expected $want; stderr: $(cat "$T/stderr")"
  if [ -n "$text" ]; then
    grep -qF -- "$text" "$T/stderr" || fail "$name: stderr lacks '$text': $(cat "$T/stderr")"
    [ "$(grep -c . "$T/stderr")" = 1 ] || fail "$name: not one line: $(cat "$T/stderr")"
    grep -q 'Fatal error\|try!' "$T/stderr" && fail "$name: a crash"
  fi
  return 0
}
intact() { [ "$(sha256sum <S.json)" = "$SHA" ] || fail "$1: S.json was changed"; }

run "Why 1: report -o onto the session" 1 "it is the session being exported" "$IGLOO_BIN" report S.json -o S.json; intact "report -o S"
run "Why 1: --format json -o onto the session, --force" 1 "session" "$IGLOO_BIN" report S.json --format json -o S.json --force; intact "json"
run "Why 1: compare A B -o A" 1 "session" "$IGLOO_BIN" compare S.json T.json -o S.json --force; intact "compare"
run "Why 1: aggregate DIR -o DIR/A.json" 1 "session" "$IGLOO_BIN" aggregate . -o ./S.json --force; intact "aggregate"
echo "old" >old.md
run "Why 1: -o onto an existing file" 1 "already exists; give --force" "$IGLOO_BIN" report S.json -o old.md
[ "$(cat old.md)" = old ] || fail "old.md was replaced without --force"
run "Why 1: --force replaces a regular file" 0 "" "$IGLOO_BIN" report S.json -o old.md --force
grep -q '^# ' old.md || fail "--force did not write the report"
[ "$(stat -c %a old.md)" = 600 ] || fail "the replaced report is not 0600"
run "Why 2: -o /dev/null (a device)" 1 "not a regular file" "$IGLOO_BIN" report S.json -o /dev/null --force
[ -c /dev/null ] || fail "/dev/null is no longer a device"
run "Why 2: -o /dev/stdout (a symlink)" 1 "symbolic link" "$IGLOO_BIN" report S.json -o /dev/stdout
run "Why 2: -o - writes to stdout" 0 "" "$IGLOO_BIN" report S.json -o -
grep -q '^# ' "$T/stdout" || fail "-o - wrote nothing to stdout"

# Why 5: an export onto a running session's lock.
printf '{"host":"%s","pid":%s,"process_start":null,"since":"2026-01-01T00:00:00Z","token":"x","user":"u"}\n' "$(hostname)" $$ >S.json.lock
run "Why 5: -o onto the lock" 1 "lock" "$IGLOO_BIN" report S.json -o S.json.lock --force
grep -q '"token":"x"' S.json.lock || fail "the lock was replaced"
rm -f S.json.lock

run "Why 7: report > /dev/full" 1 "cannot write standard output: the disk is full" sh -c "'$IGLOO_BIN' report S.json >/dev/full"
run "Why 7: compare > /dev/full" 1 "standard output" sh -c "'$IGLOO_BIN' compare S.json T.json >/dev/full"
run "Why 7: aggregate > /dev/full" 1 "standard output" sh -c "'$IGLOO_BIN' aggregate S.json T.json >/dev/full"
run "Why 7: content dump > /dev/full" 1 "standard output" sh -c "'$IGLOO_BIN' content dump >/dev/full"
run "Why 7: case > /dev/full" 1 "standard output" sh -c "'$IGLOO_BIN' case >/dev/full"
run "Why 7: report with stdout closed" 1 "standard output: it is closed" sh -c "'$IGLOO_BIN' report S.json >&-"

run "Why 11: unwritable -o exits 1" 1 "the folder does not exist" "$IGLOO_BIN" report S.json -o /nonexistent/r.md
run "Why 11: -o /proc/version" 1 "" "$IGLOO_BIN" report S.json -o /proc/version --force
grep -q 'folder does not exist' "$T/stderr" && fail "-o /proc/version says the folder does not exist"
run "Why 11: -o ''" 1 "needs a file name" "$IGLOO_BIN" report S.json -o ''
run "Why 11: merge A A" 2 "same file" "$IGLOO_BIN" merge S.json ./S.json -o M.json
[ ! -e M.json ] || fail "merge A A wrote M.json"
ln -s nowhere dangling.json
run "Why 11: merge -o onto a dangling symlink" 1 "symbolic link" "$IGLOO_BIN" merge S.json T.json -o dangling.json
[ -L dangling.json ] || fail "the dangling link was replaced"

# Why 8: merging two 9 MB sessions would give one igloo refuses to open.
python3 - S.json big-a.json big-b.json <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
voice = next(iter(s["answers"]))
question = next(iter(s["answers"][voice]))
value = s["answers"][voice][question]
s["answers"][voice][question] = {"value": value, "note": "x" * (9 * 1024 * 1024)}
for out in sys.argv[2:]:
    json.dump(s, open(out, "w"))
PY
run "Why 8: merge over the session limit" 1 "over the 10 MB a session may hold" "$IGLOO_BIN" merge big-a.json big-b.json -o big.json
[ ! -e big.json ] || fail "the oversized merge was written"

# Why 3: escape sequences in names never reach the terminal raw.
python3 - S.json esc.json <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
s["about"]["workplace"] = "Reset\u001bc after"
s["plan"][0]["responsible"] = "\u001b]0;pwned\u0007"
json.dump(s, open(sys.argv[2], "w"))
PY
for args in "report esc.json" "report esc.json --format csv" "report esc.json --format json" "compare S.json esc.json" "aggregate esc.json S.json"; do
  # shellcheck disable=SC2086
  "$IGLOO_BIN" $args >"$T/stdout" 2>"$T/stderr" || fail "Why 3: igloo $args failed: $(cat "$T/stderr")"
  python3 - "$T/stdout" "$args" <<'PY' || fail "Why 3: a raw control character in: igloo $args"
import sys
text = open(sys.argv[1], encoding="utf-8").read().replace("\r\n", "\n")
bad = [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f]
sys.exit(1 if bad else 0)
PY
done
exit 0

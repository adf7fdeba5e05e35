#!/usr/bin/env bash
# igloo opens no socket: under `strace -f -e trace=network` (every thread), no network
# system call at all appears (no socket, connect, bind, listen, sendto, ...), for
#   (a) headless reports: `igloo report FILE --format md|json|csv`, to stdout and with -o, in
#       English and Danish, on a full session (the home-care fixture) and on the wizard's session;
#   (b) a scripted wizard session in tmux: a new assessment with a workplace name, scope, answers
#       and a note, the start screen (which lists the sessions), an export to Markdown, quit; then
#       `igloo resume FILE`, one more answer, quit.
# Not even an AF_UNIX socket is allowed: glibc's getpwuid() asks nscd over /var/run/nscd/socket
# (and, with LDAP or NIS in nsswitch.conf, may go onto the network), so igloo reads the user name
# for its locks from /etc/passwd itself. A positive control first proves that the check sees a
# socket when one is opened.
. "$(dirname "$0")/lib.sh"

command -v strace >/dev/null || missing "strace is not installed"
REAL_IGLOO=$IGLOO_BIN
FIXTURE="$(cd "$(dirname "$0")/.." && pwd)/IglooReportTests/Fixtures/home-care.json"
[ -f "$FIXTURE" ] || fail "no fixture at $FIXTURE"

# assert_no_network LOG LABEL: the strace log holds no system call, only exits and signals.
assert_no_network() {
  local log=$1 label=$2 calls
  [ -s "$log" ] || fail "$label: strace wrote no log"
  grep -qE '\+\+\+ exited with 0 \+\+\+' "$log" || fail "$label: strace saw no clean exit: $(tail -3 "$log")"
  calls=$(grep -vE '^[0-9]+ +(\+\+\+|---) ' "$log")
  if [ -n "$calls" ]; then
    echo "$label: network system calls:" >&2
    printf '%s\n' "$calls" | head -20 >&2
    grep -qE '(socket|connect|bind)\(' <<<"$calls" && fail "$label: socket/connect/bind called (see above)"
    fail "$label: a network system call was made (see above)"
  fi
}

# traced LOG ARGS...: igloo headless under strace, with a bare environment like a cron job's.
traced() {
  local log=$1
  shift
  env -i PATH="$PATH" HOME="$T/home" LANG=C.UTF-8 XDG_DATA_HOME="$T/data" \
    strace -f -q -e trace=network -o "$log" "$REAL_IGLOO" "$@"
}

note "positive control: the check catches a socket"
strace -f -q -e trace=network -o "$T/control.log" python3 -c 'import socket; socket.socket(socket.AF_INET).close()'
grep -q 'socket(AF_INET' "$T/control.log" || fail "strace did not record a socket (is ptrace allowed?): $(head -3 "$T/control.log")"
(assert_no_network "$T/control.log" control) 2>/dev/null && fail "the check did not notice the control's socket"

note "(a) headless reports of the fixture"
n=0
for format in md json csv; do
  for lang in en da; do
    n=$((n + 1))
    traced "$T/report-$n.log" report "$FIXTURE" --format "$format" --lang "$lang" >"$T/out/stdout-$n" 2>"$T/report.err" ||
      fail "report --format $format --lang $lang failed: $(cat "$T/report.err")"
    [ -s "$T/out/stdout-$n" ] || fail "report --format $format wrote nothing"
    assert_no_network "$T/report-$n.log" "report --format $format --lang $lang"
  done
  traced "$T/report-o-$format.log" report "$FIXTURE" --format "$format" -o "$T/out/fixture.$format" 2>"$T/report.err" ||
    fail "report --format $format -o failed: $(cat "$T/report.err")"
  [ -s "$T/out/fixture.$format" ] || fail "report -o wrote no $format file"
  assert_no_network "$T/report-o-$format.log" "report --format $format -o FILE"
done
grep -qF "Hjemmeplejen Vestervang" "$T/out/fixture.md" || fail "the Markdown report lacks the workplace"

note "(b) the wizard under strace"
cat >"$T/strace-igloo" <<EOF
#!/bin/sh
n=\$(cat "$T/wizard-runs" 2>/dev/null || echo 0); n=\$((n + 1)); echo \$n >"$T/wizard-runs"
exec strace -f -q -e trace=network -o "$T/wizard-\$n.log" "$REAL_IGLOO" "\$@"
EOF
chmod +x "$T/strace-igloo"
IGLOO_BIN="$T/strace-igloo"

start_shell 80 24
launch
first_statement "Netværksfri Ærø"
answer 4 I 1
send Tab
type_text "Ingen forbindelser her"
send Enter
wait_for "Ingen forbindelser her"
answer 2 I 2
send F2 # the language, both ways
wait_for "udsagn 3 af"
send F2
wait_for "statement 3 of"
go_to_step 9
wait_for "Format"
send Tab C-u
type_text "$T/out/netfri.md"
wait_for "netfri.md"
send Enter
wait_for "The file was saved"
send F3 # back to the start screen, which lists the saved sessions
wait_for "Go to step"
send Home Enter
wait_for "Step 1/9"
send PPage
wait_for "New assessment"
wait_for "Netværksfri"
quit_wizard
[ -s "$T/out/netfri.md" ] || fail "no export"
file=$(session_files)
[ "$(printf '%s\n' "$file" | grep -c .)" = 1 ] || fail "expected one session file, found: $file"
assert_no_network "$T/wizard-1.log" "wizard: new assessment, answers, export, start screen"

launch resume "$file"
wait_for "Netværksfri Ærø" # it was left on the start screen, so it opens at the first step
go_to_step 3
level Individual
wait_for " I 2/"
answer 5 I 3
quit_wizard
assert_no_network "$T/wizard-2.log" "wizard: resume"
json_check "$file" "len(s['answers']['default']) == 3"

note "(a) headless reports of the wizard's session"
for format in md json csv; do
  traced "$T/report-w-$format.log" report "$file" --format "$format" -o "$T/out/wizard.$format" 2>"$T/report.err" ||
    fail "report of the wizard's session failed: $(cat "$T/report.err")"
  assert_no_network "$T/report-w-$format.log" "report of the wizard's session, $format"
done
grep -qF "Netværksfri Ærø" "$T/out/wizard.md" || fail "the report of the wizard's session lacks the workplace"
exit 0

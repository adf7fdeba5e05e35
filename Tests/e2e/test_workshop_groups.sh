#!/usr/bin/env bash
# Two workshop groups on one training case in the real binary: `igloo case` shows the story and asks
# for the group's name before anything is created; each group exports to its default file name;
# the second export does not replace the first; and the resume list tells the two groups apart.
. "$(dirname "$0")/lib.sh"

start_shell 80 24
$TM send-keys -t "$PANE" "cd '$T/out'" Enter

# run_group NAME: open the call-centre case as group NAME, answer one statement, export Markdown
# to the default name, and quit.
run_group() {
  launch case call-centre
  wait_for "Invented training case"
  wait_for "Group's name:"
  [ "$(session_files | grep -c .)" = "$(($1 - 1))" ] || fail "a session was created before the group was named"
  type_text "$2"
  send Enter
  wait_for "Step 1/9"
  wait_for "Group: $2"
  go_to_step 3
  send 4
  wait_for " I 1/"
  send c
  wait_for "Esc or c: close"
  send Escape
  wait_gone "Esc or c: close"
  go_to_step 9
  wait_for "Step 9/9"
  # Word is offered first; → gives Markdown, which this test reads.
  wait_for "Word (the assessment"
  send Right
  wait_for "Markdown (the assessment)"
  send Down Down Enter
  wait_for "The file was saved"
  quit_wizard
}

run_group 1 "Table 1"
first=$(ls "$T/out"/*.md 2>/dev/null)
[ "$(echo "$first" | grep -c .)" = 1 ] || fail "expected one export after the first group, got: $first"
case "$first" in *table-1*) ;; *) fail "the first export's name does not name the group: $first" ;; esac
sum=$(sha256sum "$first")

run_group 2 "Table 2"
exports=$(ls "$T/out"/*.md)
[ "$(echo "$exports" | grep -c .)" = 2 ] || fail "expected two exports, got: $exports"
echo "$exports" | grep -q table-2 || fail "the second export's name does not name the group: $exports"
[ "$(sha256sum "$first")" = "$sum" ] || fail "the second group's export changed the first group's file"
grep -q "Table 1" "$first" || fail "the first export does not name its group"

files=$(session_files)
[ "$(echo "$files" | grep -c .)" = 2 ] || fail "expected two session files, got: $files"
echo "$files" | grep -q "kundeservice-nord-table-1" || fail "no session file for Table 1: $files"
echo "$files" | grep -q "kundeservice-nord-table-2" || fail "no session file for Table 2: $files"
for f in $files; do json_check "$f" "s['about']['group'] in ('Table 1', 'Table 2') and s['about']['case'] == 'call-centre'"; done

launch
wait_for "New assessment"
wait_for "Kundeservice Nord (group: Table 1)"
wait_for "Kundeservice Nord (group: Table 2)"
quit_wizard
exit 0

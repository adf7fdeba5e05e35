#!/usr/bin/env bash
# Issue 8, Why 9: text being typed is saved within a second of the last keystroke. "Unit typed" on
# screen, then `kill -9` a second later, and the file must hold it (before, it held `"unit": ""`
# until the field was left). Also for text typed into a field that already held something.
. "$(dirname "$0")/lib.sh"

start_shell 80 24
launch
new_assessment "Workplace typed"
sleep 1.2
kill -9 "$(igloo_pid)"
wait_exit 5 >/dev/null
file=$(session_files)
[ -n "$file" ] || fail "no session file"
json_check "$file" "s['about']['workplace'] == 'Workplace typed'"

# Resume and type more into the same field: the draft replaces the saved text.
launch resume "$file"
wait_for "Workplace typed"
type_text " and more"
wait_for "Workplace typed and more"
sleep 1.2
kill -9 "$(igloo_pid)"
wait_exit 5 >/dev/null
json_check "$file" "s['about']['workplace'] == 'Workplace typed and more'"
exit 0

#!/usr/bin/env bash
# Colours and NO_COLOR: by default the screen uses colours; with NO_COLOR set (non-empty) it uses
# only attributes (bold, dim, reverse, underline), and no foreground or background colour at all.
# The screen is read with `capture-pane -e`, which gives each cell's attributes as SGR codes.
. "$(dirname "$0")/lib.sh"

# colour_codes: the SGR colour codes on the screen (30–37, 38;…, 40–47, 48;…, 90–107), one a line.
colour_codes() {
  $TM capture-pane -p -e -t "$PANE" | grep -oE $'\e\\[[0-9;]*m' | tr -d '\033[m' | tr ';' '\n' |
    grep -xE '3[0-8]|4[0-8]|9[0-7]|10[0-7]' || true
}

start_shell 80 24
launch
wait_for "New assessment"
[ -n "$(colour_codes)" ] || fail "no colours on the screen by default"
quit_wizard

E2E_ENV="NO_COLOR=1"
launch
wait_for "New assessment"
codes=$(colour_codes | sort -u | tr '\n' ' ')
[ -z "$codes" ] || fail "NO_COLOR=1, yet colour codes on the screen: $codes"
$TM capture-pane -p -e -t "$PANE" | grep -q $'\e\\[1m' || fail "NO_COLOR=1: no bold titles"
quit_wizard
assert_terminal_restored
exit 0

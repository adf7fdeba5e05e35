#!/usr/bin/env bash
# Issue 15, point 3: the command line speaks Danish too. The real binary's `--help`, `help report`,
# `report --help`, the case list and igloo's own error lines follow `--lang`, else LC_ALL /
# LC_MESSAGES / LANG; so do swift-argument-parser's own words ("USAGE:", "Error: Missing expected
# argument"), translated in one place (ParserWords.swift, issue 28).
. "$(dirname "$0")/lib.sh"

W="$T/work"
mkdir -p "$W"
cd "$W" || fail "no work folder"
unset LC_ALL LC_MESSAGES

# run NAME ENV... -- ARGS...: the binary under `env -i` with ENV (COLUMNS=300, so that the help
# is not wrapped inside the phrases looked for); stdout+stderr in $W/NAME.out.
run() {
  local name=$1
  shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  env -i PATH="$PATH" HOME="$T/home" XDG_DATA_HOME="$T/data" COLUMNS=300 "${envs[@]}" timeout 60 "$IGLOO_BIN" "$@" \
    >"$W/$name.out" 2>&1 </dev/null
  RC=$?
  note "igloo $*: exit $RC"
}
has() { grep -qF -- "$2" "$W/$1.out" || fail "$1: no \"$2\" in: $(head -c 600 "$W/$1.out")"; }
lacks() { ! grep -qF -- "$2" "$W/$1.out" || fail "$1: \"$2\" should not be in: $(head -c 600 "$W/$1.out")"; }

run help-da LANG=da_DK.UTF-8 -- --help
[ "$RC" = 0 ] || fail "igloo --help: exit $RC"
has help-da "Vurdér, hvad maskinlæring og generativ KI gør ved arbejdsmiljøet"
has help-da "TILVALG:"
lacks help-da "OPTIONS:"
lacks help-da "Show help information."
has help-da "Åbn en gemt vurdering i guiden."
lacks help-da "Open a saved session in the wizard."

run help-en LANG=C.UTF-8 -- --help
has help-en "Assess what machine learning and generative AI do to the work environment"
lacks help-en "Vurdér"

run help-lc-all LANG=da_DK.UTF-8 LC_ALL=en_GB.UTF-8 -- --help
has help-lc-all "Open a saved session in the wizard."

run report-da LANG=da_DK.UTF-8 -- help report
has report-da "Skriv vurderingen fra en gemt fil som Markdown"
has report-da "Vurderingens fil."
has report-da "BRUG:"
lacks report-da "USAGE:"
run report-en LANG=en_US.UTF-8 -- help report
has report-en "Write the assessment of a saved session as Markdown"
has report-en "The session file."
has report-en "USAGE:"
lacks report-en "Vurderingens fil."

run report-lang LANG=C.UTF-8 -- report --lang da --help
has report-lang "Vurderingens fil."
run report-lang-en LANG=da_DK.UTF-8 -- report --lang=en --help
has report-lang-en "The session file."

run case-da LANG=C.UTF-8 -- case --lang da
has case-da "opdigtet træningscase"
run case-en LANG=da_DK.UTF-8 -- case --lang en
lacks case-en "opdigtet træningscase"

run error-da LANG=da_DK.UTF-8 -- case nope
[ "$RC" = 2 ] || fail "case nope: exit $RC"
has error-da "igloo: der er ingen træningscase \`nope\`"
run error-en LANG=da_DK.UTF-8 -- case --lang en nope
has error-en "igloo: no training case \`nope\`"

# igloo's own messages about files follow the language too, exit codes unchanged.
run missing-da LANG=da_DK.UTF-8 -- report "$W/findes-ikke.json"
[ "$RC" = 2 ] || fail "report of a missing file: exit $RC"
has missing-da "igloo: kan ikke åbne $W/findes-ikke.json: filen findes ikke"
run missing-en LANG=da_DK.UTF-8 -- report --lang en "$W/findes-ikke.json"
has missing-en "igloo: cannot open $W/findes-ikke.json: no such file"
printf '{"schema": "igloo-session", "answers": {"default": {"q": 7}}}' >"$W/syv.json"
run answer-da LANG=da_DK.UTF-8 -- report "$W/syv.json"
[ "$RC" = 2 ] || fail "report of a bad answer: exit $RC"
has answer-da "svaret 7 ligger uden for skalaen"
echo "# mine noter" >"$W/noter.md"
cat >"$W/ok.json" <<'JSON'
{"schema": "igloo-session", "answers": {"default": {}}}
JSON
run exists-da LANG=da_DK.UTF-8 -- report "$W/ok.json" -o "$W/noter.md"
[ "$RC" = 1 ] || fail "report over an existing file: exit $RC"
has exists-da "kan ikke skrive $W/noter.md: den findes allerede"
lacks exists-da "already exists"
[ "$(cat "$W/noter.md")" = "# mine noter" ] || fail "the existing file was changed"

# The parser's own error follows the language too (issue 28, point 5), and keeps its exit code.
run parse-da LANG=da_DK.UTF-8 -- report
[ "$RC" = 64 ] || fail "report without a file: exit $RC"
has parse-da "Fejl: Argumentet '<fil>' mangler"
has parse-da "Vurderingens fil."
lacks parse-da "Error:"
run parse-en LANG=C.UTF-8 -- report
has parse-en "Error: Missing expected argument '<file>'"

# No English word in any of the four (issue 28, Done when): the words the parser used to say,
# and common English, outside what is typed (options, <values>, 'quoted' commands, value lists).
english="overview usage arguments options subcommands show help information version see detailed values default error missing expected argument more the and of with from file"
for name in help-da report-da report-lang parse-da; do
  words=$(sed -e "s/'[^']*'//g" -e 's/<[^>]*>//g' -e 's/--*[a-z][a-z-]*//g' -e 's/(værdier: [^;)]*//g' -e 's/[$~/][^ ]*//g' "$W/$name.out" \
    | tr -c 'A-Za-zæøåÆØÅé' '\n' | tr 'A-ZÆØÅ' 'a-zæøå' | sort -u)
  for w in $english; do
    ! printf '%s\n' "$words" | grep -qx "$w" || fail "$name: the English word \"$w\" in: $(cat "$W/$name.out")"
  done
done
exit 0

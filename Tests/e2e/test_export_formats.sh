#!/usr/bin/env bash
# The Export step writes the format chosen in its Format field, in the real binary: Word (offered
# first), Markdown, then JSON, then CSV, each chosen with the arrow keys and each written to a file
# whose name ends in none of .docx, .md, .json and .csv (".data"), so that only the chosen format
# can decide what is in it. Each file is read back by a real parser: python3's zipfile (the Word
# package's document part), cmark-gfm (headings), python3's json (the report's keys, the
# workplace), python3's csv (the plan's header, 13 columns a row).
. "$(dirname "$0")/lib.sh"

start_shell 120 40
launch
first_statement "Formater på Ærø"
send 4
wait_for "Individual 1/"
send 2
wait_for "Individual 2/"
go_to_step 9
wait_for "Format"
wait_for "Word (the assessment"

# export_as LABEL NAME: with the focus on the Format field, choose LABEL with → (one key at a
# time, until it shows), go to the path, and export to $T/out/NAME.
export_as() {
  local label=$1 name=$2 i
  for i in 1 2 3 4; do
    screen | grep -qF "$label" && break
    send Right
    sleep 0.2
  done
  wait_for "$label"
  send Tab
  send C-u
  type_text "$T/out/$name"
  wait_for "$name"
  send Enter
  wait_for "The file was saved: $T/out/$name"
  [ "$(stat -c %a "$T/out/$name")" = 600 ] || fail "$name is not mode 0600"
  send BTab # back to the Format field
}

export_as "Word (the assessment" word.data
export_as "Markdown (the assessment)" markdown.data
send Right
wait_for "JSON (everything, machine-readable)"
send Left
wait_for "Markdown (the assessment)"
export_as "JSON (everything, machine-readable)" json.data
export_as "CSV (the action plan)" csv.data

if command -v cmark-gfm >/dev/null; then
  h=$(cmark-gfm -t xml "$T/out/markdown.data" | grep -c '<heading level="2"')
  [ "$h" -ge 5 ] || fail "the Markdown export has $h second-level headings"
elif [ "${CI:-}" = true ]; then
  fail "cmark-gfm is not installed (scripts/deps --test installs it)"
fi
head -1 "$T/out/markdown.data" | grep -q '^# ' || fail "the Markdown export does not start with a title: $(head -c 100 "$T/out/markdown.data")"
grep -qF "Formater på Ærø" "$T/out/markdown.data" || fail "the Markdown export does not name the workplace"
python3 - "$T/out" <<'PY' || fail "an export is not in its format: see above"
import csv, io, json, sys, zipfile
out = sys.argv[1]
word = zipfile.ZipFile(f"{out}/word.data")
assert "word/document.xml" in word.namelist(), f"word.data is not a Word package: {word.namelist()[:5]}"
assert "Formater på Ærø" in word.read("word/document.xml").decode("utf-8"), "the Word export does not name the workplace"
try:
    r = json.load(open(f"{out}/json.data", encoding="utf-8"))
except Exception as e:
    sys.exit(f"json.data does not parse as JSON ({e}): {open(f'{out}/json.data', 'rb').read(80)!r}")
assert r["schema"] == "igloo-report", r.get("schema")
assert {"about", "findings", "profile", "action_plan"} <= set(r), sorted(r)
assert r["about"]["workplace"] == "Formater på Ærø", r["about"]
raw = open(f"{out}/csv.data", "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), f"csv.data has no byte-order mark: {raw[:60]!r}"
rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
assert rows[0][0] == "No." and len(rows[0]) == 13, f"csv.data's header: {rows[0]}"
assert all(len(row) == 13 for row in rows), "ragged CSV rows"
PY
quit_wizard
exit 0

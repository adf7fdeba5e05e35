#!/usr/bin/env bash
# Every command of the real binary, run as a user would, with its output checked: exit status,
# the key lines, and that the output parses as what it says it is (Markdown through cmark-gfm,
# JSON through python3's json, CSV through python3's csv).
#   report (md, json, csv; stdout and -o, mode 0600), merge (a new file with both voices, which
#   report then reads; an existing output refused), compare (old → new: the changed finding and
#   its change, per level), aggregate (files and a folder: the count and the spread, checked
#   against each session's own JSON report), case (the list; an unknown case refused), content
#   check (the built-in pack clean; a broken pack gives file:line: message lines and exit 1),
#   content dump (JSON with the pack's findings and questions).
# `compare --groups` is tested by the workshops lane.
. "$(dirname "$0")/lib.sh"

FIXTURES="$(cd "$(dirname "$0")/../IglooReportTests/Fixtures" && pwd)"
CONTENT="$(cd "$(dirname "$0")/../../Content" && pwd)"
W="$T/work"
mkdir -p "$W"
cd "$W" || fail "no work folder"
export LANG=C.UTF-8

# run NAME ARGS...: the binary with ARGS; stdout in $W/NAME.out, stderr in $W/NAME.err, status in RC.
run() {
  local name=$1
  shift
  timeout 60 "$IGLOO_BIN" "$@" >"$W/$name.out" 2>"$W/$name.err" </dev/null
  RC=$?
  note "igloo $*: exit $RC, $(wc -c <"$W/$name.out") bytes out, stderr: $(head -c 200 "$W/$name.err")"
}
expect_rc() { [ "$RC" = "$1" ] || fail "$2: exit $RC, expected $1 (stderr: $(head -5 "$W/$3.err"))"; }

# markdown FILE MIN-H2 [H1]: parses as Markdown with H1 first-level headings (default 1: the title;
# a report has 2, the title and the working papers) and at least MIN-H2 second-level headings;
# with cmark-gfm (which scripts/deps --test installs), by the reference parser.
markdown() {
  local file=$1 min=$2 want=${3:-1} h1 h2
  if command -v cmark-gfm >/dev/null; then
    cmark-gfm --extension table -t xml "$file" >"$file.xml" || fail "cmark-gfm cannot parse $file"
    h1=$(grep -c '<heading level="1"' "$file.xml")
    h2=$(grep -c '<heading level="2"' "$file.xml")
  elif [ "${CI:-}" = true ]; then
    fail "cmark-gfm is not installed (scripts/deps --test installs it)"
  else
    h1=$(grep -c '^# ' "$file")
    h2=$(grep -c '^## ' "$file")
  fi
  [ "$h1" = "$want" ] || fail "$file: $h1 first-level headings, expected $want"
  [ "$h2" -ge "$min" ] || fail "$file: $h2 second-level headings, expected at least $min"
  ! head -c 1 "$file" | grep -q '{' || fail "$file is JSON, not Markdown"
}

cp "$FIXTURES/home-care.json" "$W/before.igloo.json"
cp "$FIXTURES/call-centre.json" "$W/call-centre.igloo.json"
# The later round: every mitigation of home care fully in place (100 on every item), and the
# employees' view as a second file of its own (every answer two points lower, at least 1).
python3 - "$W" "$IGLOO_BIN" <<'PY' || fail "cannot make the sessions"
import json, subprocess, sys
w, igloo = sys.argv[1:]
s = json.load(open(f"{w}/before.igloo.json"))
report = json.loads(subprocess.run([igloo, "report", f"{w}/before.igloo.json", "--format", "json"], check=True, capture_output=True).stdout)
# Mitigation items, and which are reversed (where "strongly disagree" is the full mitigation).
mitigation = {q["id"]: q["reversed"] for f in report["findings"] for q in f["questions"] if q["role"] == "mitigation"}
after = json.loads(json.dumps(s))
for qid in after["answers"]["amg"]:
    if qid in mitigation:
        full = 1 if mitigation[qid] else 5
        a = after["answers"]["amg"][qid]
        if isinstance(a, dict): a["value"] = full
        else: after["answers"]["amg"][qid] = full
after["about"]["date"] = "2026-06-01"
json.dump(after, open(f"{w}/after.igloo.json", "w"), ensure_ascii=False)
emp = json.loads(json.dumps(s))
emp["voices"] = [{"id": "amg", "name": "Medarbejderne"}]
emp["agreed"] = {}
for qid, a in emp["answers"]["amg"].items():
    v = a["value"] if isinstance(a, dict) else a
    if isinstance(v, int):
        v = max(1, v - 2)
        if isinstance(a, dict): a["value"] = v
        else: emp["answers"]["amg"][qid] = v
json.dump(emp, open(f"{w}/employees.igloo.json", "w"), ensure_ascii=False)
PY

# --- report, in every format, to stdout and to a file.
for format in md json csv; do
  run "report-$format" report before.igloo.json --format "$format" --lang en
  expect_rc 0 "report --format $format" "report-$format"
  [ ! -s "$W/report-$format.err" ] || fail "report --format $format wrote to stderr: $(cat "$W/report-$format.err")"
  run "report-$format-o" report before.igloo.json --format "$format" --lang da -o "out.$format"
  expect_rc 0 "report --format $format -o" "report-$format-o"
  [ "$(stat -c %a "out.$format")" = 600 ] || fail "out.$format is not mode 0600"
  [ ! -s "$W/report-$format-o.out" ] || fail "report -o also wrote to stdout"
done
markdown "$W/report-md.out" 8 2
grep -qF "Hjemmeplejen Vestervang" "$W/report-md.out" || fail "the Markdown report does not name the workplace"
markdown "$W/out.md" 8 2
python3 - "$W" <<'PY' || fail "the JSON or CSV report is wrong: see above"
import csv, io, json, sys
w = sys.argv[1]
for name, lang in (("report-json.out", "en"), ("out.json", "da")):
    r = json.load(open(f"{w}/{name}", encoding="utf-8"))
    missing = {"schema", "schema_version", "about", "findings", "profile", "action_plan", "recommendations"} - set(r)
    assert not missing, f"{name}: no {missing}"
    assert r["schema"] == "igloo-report", r["schema"]
    assert r["language"] == lang, (name, r["language"])
    assert r["about"]["workplace"] == "Hjemmeplejen Vestervang", r["about"]
    assert any(f.get("residual_risk") is not None for f in r["findings"]), "no finding is scored"
en = {"report-csv.out": "No.", "out.csv": "Nr."}
for name, first in en.items():
    raw = open(f"{w}/{name}", "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{name}: no byte-order mark"
    assert b"\r\n" in raw, f"{name}: lines do not end in CRLF"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    # The plan's eleven columns, what is missing and the users' own text; the last record states the depth.
    assert rows[0][0] == first and len(rows[0]) == 13, f"{name}: header {rows[0]}"
    assert len(rows) > 1 and all(len(r) == 13 for r in rows), f"{name}: ragged rows"
PY
# Without --format, the -o file's ending decides (Word for .docx); an explicit --format wins.
run report-docx-by-name report before.igloo.json -o by-name.docx --lang da
expect_rc 0 "report -o by-name.docx" report-docx-by-name
python3 -c 'import sys, zipfile; assert "word/document.xml" in zipfile.ZipFile(sys.argv[1]).namelist()' "$W/by-name.docx" ||
  fail "report -o by-name.docx did not write a Word document"
run report-md-named-docx report before.igloo.json --format md -o md-named.docx --lang da
expect_rc 0 "report --format md -o md-named.docx" report-md-named-docx
[ "$(head -c 2 md-named.docx)" = "# " ] || fail "--format md did not win over the file's ending"

# A quote that a combining mark follows is a quote to a CSV reader: doubled, the row stays whole.
python3 - "$W" <<'PY' || fail "cannot make the quoted session"
import json, sys
w = sys.argv[1]
s = json.load(open(f"{w}/call-centre.igloo.json", encoding="utf-8"))
s["plan"][0]["responsible"] = 'Mette "\u0301Holm", HR'
json.dump(s, open(f"{w}/quoted.igloo.json", "w"), ensure_ascii=False)
PY
run report-quoted report quoted.igloo.json --format csv --lang da
expect_rc 0 "report of a plan with a quote and a combining mark" report-quoted
python3 - "$W" <<'PY' || fail "a quote with a combining mark broke the CSV: see above"
import csv, io, sys
raw = open(f"{sys.argv[1]}/report-quoted.out", "rb").read().decode("utf-8-sig")
rows = list(csv.reader(io.StringIO(raw, newline="")))
assert all(len(r) == 13 for r in rows), f"ragged rows: {[len(r) for r in rows]}"
assert any(r[4] == 'Mette "\u0301Holm", HR' for r in rows), [r[4] for r in rows]
PY
run report-bad report before.igloo.json --format docx-not-a-format
[ "$RC" != 0 ] || fail "report accepted an unknown format"

# --- merge: a new file with both voices.
run merge merge before.igloo.json employees.igloo.json -o merged.igloo.json
expect_rc 0 merge merge
[ "$(cat "$W/merge.out")" = merged.igloo.json ] || fail "merge does not print the new file's name: $(cat "$W/merge.out")"
[ "$(stat -c %a merged.igloo.json)" = 600 ] || fail "the merged file is not mode 0600"
grep -qxF 'igloo: voice `amg` of employees is named `employees` in the merged file' "$W/merge.err" ||
  fail "merge does not say how it renamed the second voice: $(cat "$W/merge.err")"
python3 - "$W" <<'PY' || fail "the merged session is wrong: see above"
import json, sys
w = sys.argv[1]
m = json.load(open(f"{w}/merged.igloo.json", encoding="utf-8"))
a = json.load(open(f"{w}/before.igloo.json", encoding="utf-8"))["answers"]["amg"]
b = json.load(open(f"{w}/employees.igloo.json", encoding="utf-8"))["answers"]["amg"]
ids = [v["id"] for v in m["voices"]]
assert ids == ["amg", "employees"], ids  # the second file's `amg` is renamed after its file
val = lambda x: x["value"] if isinstance(x, dict) else x
assert {k: val(v) for k, v in m["answers"]["amg"].items()} == {k: val(v) for k, v in a.items()}, "the first voice's answers"
assert {k: val(v) for k, v in m["answers"]["employees"].items()} == {k: val(v) for k, v in b.items()}, "the second voice's answers"
PY
run merged-report report merged.igloo.json --format json
expect_rc 0 "report of the merged file" merged-report
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert len(r["voices"]) == 2, r["voices"]; assert r["disagreements"], "two voices two points apart disagree somewhere"' "$W/merged-report.out" ||
  fail "the merged report does not show two voices and their disagreements"
sum=$(sha256sum <merged.igloo.json)
run merge-again merge before.igloo.json employees.igloo.json -o merged.igloo.json
# An existing target is refused with exit 1 (docs/storage.md); a session is refused even with --force.
expect_rc 1 "merge onto an existing file" merge-again
grep -qF "merged.igloo.json: it holds an igloo session, which an export never replaces" "$W/merge-again.err" ||
  fail "merge onto an existing file: $(cat "$W/merge-again.err")"
[ "$(sha256sum <merged.igloo.json)" = "$sum" ] || fail "merge changed the existing file"

# --- compare: the earlier and the later round.
run compare compare before.igloo.json after.igloo.json --lang en
expect_rc 0 compare compare
markdown "$W/compare.out" 3
grep -qF "# Follow-up: what has changed since the last round" "$W/compare.out" || fail "compare: no title"
python3 - "$W/compare.out" "$W/before.igloo.json" "$W/after.igloo.json" "$IGLOO_BIN" <<'PY' || fail "compare shows the wrong changes: see above"
import json, subprocess, sys
out, before, after, igloo = sys.argv[1:]
text = open(out, encoding="utf-8").read()
def report(path):
    return json.loads(subprocess.run([igloo, "report", path, "--format", "json", "--lang", "en"], check=True, capture_output=True).stdout)
old, new = report(before), report(after)
# Every mitigation at 100 leaves no residual risk, so each risk that was above 0 has gone down.
changed = [f for f in old["findings"] if f.get("residual_risk")]
assert changed, "no risk to lower"
newf = {f["id"]: f for f in new["findings"]}
for f in changed:
    assert newf[f["id"]]["residual_risk"] == 0, (f["id"], newf[f["id"]]["residual_risk"])
rows = [l for l in text.splitlines() if l.startswith("|")]
for f in changed:
    title = f["title"].replace("|", "\\|")
    row = next((l for l in rows if title in l), None)
    assert row, f"no row for {f['id']}"
    assert "-" in row.split("|")[-2], f"the change of {f['id']} is not a fall: {row}"
PY
# As for report: -o with a .docx ending and no --format is Word.
run compare-docx-by-name compare before.igloo.json after.igloo.json -o compare.docx --lang da
expect_rc 0 "compare -o compare.docx" compare-docx-by-name
python3 -c 'import sys, zipfile; assert "word/document.xml" in zipfile.ZipFile(sys.argv[1]).namelist()' "$W/compare.docx" ||
  fail "compare -o compare.docx did not write a Word document"
run compare-missing compare before.igloo.json no-such.igloo.json
[ "$RC" = 2 ] && [ "$(wc -l <"$W/compare-missing.err")" = 1 ] && grep -qF "no-such.igloo.json" "$W/compare-missing.err" ||
  fail "compare with a missing file: exit $RC, stderr $(cat "$W/compare-missing.err")"

# --- aggregate: six files from a folder (each session twice, under its own name), so that the
# figures resting on five or more sessions are shown and the others are hidden (anonymity).
mkdir -p "$W/many"
for f in before after call-centre; do
  cp "$f.igloo.json" "$W/many/"
  cp "$f.igloo.json" "$W/many/$f-copy.igloo.json"
done
run aggregate aggregate many --lang en
expect_rc 0 "aggregate of a folder" aggregate
markdown "$W/aggregate.out" 2
grep -qF "The overview is based on 6 assessments." "$W/aggregate.out" || fail "aggregate does not count 6 assessments"
python3 - "$W/aggregate.out" "$IGLOO_BIN" "$W/many" <<'PY' || fail "aggregate gives the wrong spread: see above"
import json, statistics, subprocess, sys, os
out, igloo, folder = sys.argv[1:]
text = open(out, encoding="utf-8").read()
reports = [json.loads(subprocess.run([igloo, "report", os.path.join(folder, f), "--format", "json", "--lang", "en"],
           check=True, capture_output=True).stdout) for f in sorted(os.listdir(folder))]
section = text.split("## Residual risk per level", 1)[1].split("\n## ", 1)[0]
rows = {r[0]: r[1:] for r in ([c.strip() for c in l.strip().strip("|").split("|")] for l in section.splitlines() if l.startswith("|"))}
checked = 0
for level in reports[0]["profile"]["levels"]:
    values = [l["risk"]["average"] for r in reports for l in r["profile"]["levels"] if l["id"] == level["id"] and l["risk"]["average"] is not None]
    row = rows.get(level["name"])
    assert row, f"no row for {level['name']} in {list(rows)}"
    if len(values) < 5:
        assert row[0] == "hidden (under 5)", f"{level['name']} rests on {len(values)} sessions but shows {row}"
        continue
    assert row[0] == str(len(values)), (level["name"], row, values)
    nums = [float(x) for x in row[1:4]]
    want = [min(values), statistics.median(values), max(values)]
    assert all(abs(a - b) <= 1 for a, b in zip(nums, want)), f"{level['name']}: shows {nums}, the sessions give {want}"
    checked += 1
assert checked >= 2, f"only {checked} levels checked"
PY
run aggregate-files aggregate before.igloo.json call-centre.igloo.json --lang da -o agg.md
expect_rc 0 "aggregate of files" aggregate-files
grep -qF "Overblikket bygger på 2 vurderinger." agg.md || fail "aggregate -o does not count 2 assessments in Danish"
run aggregate-none aggregate "$W/empty-folder-does-not-exist"
expect_rc 2 "aggregate of nothing" aggregate-none

# --- case: the list of training cases, and an unknown one.
run case case --lang en
expect_rc 0 "case" case
for id in $(ls "$CONTENT/cases" | sed 's/\.yaml$//'); do
  grep -qP "^$id\t\S" "$W/case.out" || fail "case does not list $id with a title: $(cat "$W/case.out")"
done
[ "$(grep -c . "$W/case.out")" = "$(ls "$CONTENT/cases" | grep -c '\.yaml$')" ] || fail "case lists other than the cases in Content/cases"
grep -qF "invented training case" "$W/case.out" || fail "the English case titles are not shown"
run case-unknown case no-such-case
expect_rc 2 "case no-such-case" case-unknown
grep -qF 'no training case `no-such-case`' "$W/case-unknown.err" || fail "case no-such-case: $(cat "$W/case-unknown.err")"
[ -z "$(session_files)" ] || fail "an unknown case made a session: $(session_files)"

# --- content check: the built-in pack and the repo's Content are clean; a broken pack is not.
run check content check
expect_rc 0 "content check" check
grep -qE "^igloo: <built-in>/ is clean: [0-9]+ findings, [0-9]+ questions" "$W/check.err" || fail "content check: $(cat "$W/check.err")"
[ ! -s "$W/check.out" ] || fail "content check of a clean pack printed problems: $(head -3 "$W/check.out")"
cp -r "$CONTENT" "$W/broken"
python3 - "$W/broken" <<'PY' || fail "cannot break the pack"
import glob, sys
f = sorted(glob.glob(sys.argv[1] + "/findings/*.yaml"))[0]
text = open(f, encoding="utf-8").read()
open(f, "w", encoding="utf-8").write(text.replace("level: ", "level: no-such-level-", 1))
PY
run check-broken content check "$W/broken"
expect_rc 1 "content check of a broken pack" check-broken
grep -qE "^$W/broken/findings/[^:]+\.yaml:[0-9]+: .*no-such-level-" "$W/check-broken.out" ||
  fail "content check does not name the file, line and level: $(head -3 "$W/check-broken.out")"
grep -qE "^igloo: [0-9]+ problem\(s\) found$" "$W/check-broken.err" || fail "content check: $(cat "$W/check-broken.err")"

# --- content dump: the pack as JSON.
run dump content dump
expect_rc 0 "content dump" dump
python3 - "$W/dump.out" "$W/check.err" <<'PY' || fail "content dump is wrong: see above"
import json, re, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert isinstance(d, dict), type(d)
clean = open(sys.argv[2]).read()
counts = dict((k, int(v)) for v, k in re.findall(r"(\d+) (findings|questions|actions)", clean))
for key in ("findings", "questions", "actions"):
    assert key in d, f"no {key} in {sorted(d)}"
    assert len(d[key]) == counts[key], f"{len(d[key])} {key}, content check counts {counts[key]}"
ids = [f["id"] for f in d["findings"]]
assert len(set(ids)) == len(ids) and all(ids), "finding ids"
PY
exit 0

#!/usr/bin/env bash
# Proves that the packaged igloo runs on a machine without the Swift toolchain.
#
#   bash Tests/package/test_no_swift.sh [DIST]     (DIST defaults to dist/, as scripts/package leaves it)
#
# It unpacks the tarball and the .deb (dpkg-deb -x into a throwaway root), and runs each binary in a
# private mount namespace where a tmpfs hides /opt/swift, the toolchain's home. There it runs
# --version, content check, report in md, json, csv and docx, aggregate, and the wizard in tmux,
# quit with Ctrl-C with the terminal given back. It also checks the man page renders, that each
# completion script loads, and that the packaged binary writes the same report bytes as the
# dynamically linked debug build. It fails, never skips, when a tool it needs is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

if [ -n "${IGLOO_NO_SWIFT_INNER:-}" ]; then
  # --- Inside the namespace: the toolchain is hidden ----------------------------------------------
  bin=$1
  mount -t tmpfs -o size=1m tmpfs /opt/swift
  [ ! -e /opt/swift/usr/bin/swift ] || { echo "FAIL no-swift: /opt/swift is still visible" >&2; exit 1; }
  if ldd "$bin" | grep -q '/opt/swift'; then
    echo "FAIL no-swift: $bin links libraries from the toolchain:" >&2
    ldd "$bin" >&2
    exit 1
  fi
  if ldd "$bin" | grep -q 'not found'; then
    echo "FAIL no-swift: $bin needs a library that is not there:" >&2
    ldd "$bin" | grep 'not found' >&2
    exit 1
  fi
  # lib.sh, like every e2e test, checks each step itself and expects no errexit (its cleanup trap
  # kills a pid that may be gone already).
  set +e +o pipefail
  E2E_NAME="no-swift($(basename "$(dirname "$(dirname "$bin")")"))"
  # shellcheck source=../e2e/lib.sh
  source "$repo/Tests/e2e/lib.sh" "$bin"
  fixtures="$repo/Tests/IglooReportTests/Fixtures"
  export HOME="$T/home"

  "$bin" --version >"$T/version" || fail "--version failed"
  grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+' "$T/version" || fail "--version printed '$(cat "$T/version")'"
  "$bin" content check 2>"$T/check" || fail "content check of the built-in pack failed: $(cat "$T/check")"
  grep -q . "$T/check" || fail "content check said nothing"
  for format in md json csv docx; do
    "$bin" report "$fixtures/call-centre.json" --format "$format" -o "$T/out/report.$format" 2>"$T/err" ||
      fail "report --format $format failed: $(cat "$T/err")"
    [ -s "$T/out/report.$format" ] || fail "report --format $format wrote nothing"
  done
  grep -q '^# ' "$T/out/report.md" || fail "the Markdown report has no title"
  python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/out/report.json" || fail "the JSON report does not parse"
  head -c 3 "$T/out/report.docx" | od -c | grep -q 'P   K' || fail "the docx is not a zip container"
  "$bin" aggregate "$fixtures/call-centre.json" "$fixtures/home-care.json" >"$T/out/aggregate.md" 2>"$T/err" ||
    fail "aggregate failed: $(cat "$T/err")"
  [ -s "$T/out/aggregate.md" ] || fail "aggregate wrote nothing"
  if [ -n "${IGLOO_REFERENCE_BIN:-}" ]; then
    # Under the tmpfs the debug build cannot run; its report was made before the namespace.
    cmp -s "$T/out/report.md" "$IGLOO_REFERENCE_MD" ||
      fail "the packaged binary's Markdown report differs from the dynamic build's"
  fi

  # The wizard starts, draws, and gives the terminal back on Ctrl-C.
  start_shell 80 24
  launch
  wait_for 'New assessment' 20 || fail "the wizard did not draw its start screen"
  $TM send-keys -t "$PANE" C-c
  for _ in $(seq 1 100); do [ -s "$T/rc" ] && break; sleep 0.1; done
  [ -s "$T/rc" ] || fail "igloo did not exit on Ctrl-C"
  # The markers are computed by the shell, so the typed command line itself never matches them.
  $TM send-keys -t "$PANE" "clear; echo \"modes=\$(stty -a | tr ' ' '\n' | grep -xE 'icanon|echo' | paste -sd, -)\"; echo end-\$((6*7))" Enter
  wait_for 'end-42' 10 || fail "the shell did not come back"
  $TM capture-pane -p -t "$PANE" | grep -q 'modes=icanon,echo' || fail "the terminal was not restored (stty: no icanon/echo)"
  echo "ok   no-swift: $bin (rc $(cat "$T/rc") on Ctrl-C)"
  exit 0
fi

# --- Outside: unpack, then run each binary in its own namespace -------------------------------------
dist=${1:-$repo/dist}
for tool in unshare tmux python3 dpkg-deb man; do
  command -v "$tool" >/dev/null || { echo "FAIL no-swift: $tool is needed (scripts/deps --test installs it)" >&2; exit 1; }
done
unshare --mount true 2>/dev/null || {
  echo "FAIL no-swift: 'unshare --mount' is not allowed here (needs root or user namespaces), so the toolchain cannot be hidden" >&2
  exit 1
}
tarball=$(ls "$dist"/igloo-*-linux-*.tar.gz 2>/dev/null | head -n 1)
deb=$(ls "$dist"/igloo_*.deb 2>/dev/null | head -n 1)
[ -n "$tarball" ] && [ -n "$deb" ] || { echo "FAIL no-swift: no tarball or .deb in $dist (run scripts/package)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tar" "$work/root"
tar -xzf "$tarball" -C "$work/tar"
tbin=$(ls "$work"/tar/*/bin/igloo)
dpkg-deb -x "$deb" "$work/root"
dbin="$work/root/usr/bin/igloo"
[ -x "$tbin" ] && [ -x "$dbin" ] || { echo "FAIL no-swift: the packages hold no executable igloo" >&2; exit 1; }

# The packages hold what they promise.
for f in share/man/man1/igloo.1 share/completions/igloo.bash share/completions/_igloo share/completions/igloo.fish README.md LICENSE; do
  [ -s "$(dirname "$(dirname "$tbin")")/$f" ] || { echo "FAIL no-swift: the tarball lacks $f" >&2; exit 1; }
done
for f in usr/share/man/man1/igloo.1.gz usr/share/bash-completion/completions/igloo \
  usr/share/zsh/vendor-completions/_igloo usr/share/fish/vendor_completions.d/igloo.fish; do
  [ -s "$work/root/$f" ] || { echo "FAIL no-swift: the .deb lacks /$f" >&2; exit 1; }
done
dpkg-deb -f "$deb" Depends | grep -q 'libc6' || { echo "FAIL no-swift: the .deb does not depend on libc6" >&2; exit 1; }
if dpkg-deb -f "$deb" Depends | grep -qi swift; then echo "FAIL no-swift: the .deb depends on Swift" >&2; exit 1; fi

# The man page renders, and each language's completion script loads.
MANPAGER=cat man -l "$(dirname "$(dirname "$tbin")")/share/man/man1/igloo.1" 2>"$work/man.err" >"$work/man.txt" ||
  { echo "FAIL no-swift: man -l failed: $(cat "$work/man.err")" >&2; exit 1; }
grep -q 'igloo' "$work/man.txt" && grep -qi 'report' "$work/man.txt" ||
  { echo "FAIL no-swift: the man page does not describe igloo's verbs" >&2; exit 1; }
bash -c "source '$work/root/usr/share/bash-completion/completions/igloo' && complete -p igloo" >/dev/null 2>"$work/bash.err" ||
  { echo "FAIL no-swift: the bash completion does not load: $(cat "$work/bash.err")" >&2; exit 1; }
echo "ok   no-swift: man page renders ($(wc -l <"$work/man.txt") lines), bash completion loads"

# The same bytes as the dynamic build, when one is there.
ref=()
if [ -x "$repo/.build/debug/igloo" ]; then
  "$repo/.build/debug/igloo" report "$repo/Tests/IglooReportTests/Fixtures/call-centre.json" -o "$work/ref.md"
  ref=(IGLOO_REFERENCE_BIN="$repo/.build/debug/igloo" IGLOO_REFERENCE_MD="$work/ref.md")
fi

for bin in "$tbin" "$dbin"; do
  env "${ref[@]}" IGLOO_NO_SWIFT_INNER=1 unshare --mount --propagation private bash "$0" "$bin"
done

#!/usr/bin/env bash
# Runs every end-to-end test (Tests/e2e/test_*.sh) against a built igloo binary.
#
#   Tests/e2e/run-all.sh PATH-TO-igloo [TEST-NAME...]
#
# It builds nothing: pass the binary (e.g. .build/debug/igloo). Each test drives the binary in its
# own private tmux server and temporary folder. A failed test is run once more (and named in the
# summary if it then passes). Prints "N passed, M failed" and exits 1 when any
# test failed, 2 on bad usage. E2E_VERBOSE=1 shows progress; E2E_KEEP=1 keeps the temp folders;
# E2E_WAIT=SECONDS sets how long a test waits for a screen (default 15).
# Needs tmux and python3. Each test is also runnable alone: bash Tests/e2e/test_crash.sh BIN.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-}
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
  echo "usage: $0 PATH-TO-igloo [TEST-NAME...]" >&2
  exit 2
fi
shift
for tool in tmux python3; do
  command -v "$tool" >/dev/null || { echo "run-all: $tool is needed" >&2; exit 2; }
done

tests=()
if [ $# -gt 0 ]; then
  for name in "$@"; do tests+=("$here/${name%.sh}.sh"); done
else
  for t in "$here"/test_*.sh; do tests+=("$t"); done
fi

passed=0
failed=0
failures=()
retried=()
for t in "${tests[@]}"; do
  name=$(basename "$t" .sh)
  start=$(date +%s)
  # A test that fails is run once more and, if it then passes, named as a retry in the summary.
  # These tests wait on a real terminal on shared, noisy machines; a timing slip should be seen,
  # not cost a whole CI run, while a real failure fails twice.
  if timeout 300 bash "$t" "$bin"; then
    passed=$((passed + 1))
    echo "ok   $name ($(( $(date +%s) - start ))s)"
  elif echo "RETRY $name" && timeout 300 bash "$t" "$bin"; then
    passed=$((passed + 1))
    retried+=("$name")
    echo "ok   $name on the second run ($(( $(date +%s) - start ))s)"
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "FAIL $name ($(( $(date +%s) - start ))s)"
  fi
done
[ ${#retried[@]} -eq 0 ] || echo "passed only on a second run: ${retried[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] || { echo "failed: ${failures[*]}"; exit 1; }

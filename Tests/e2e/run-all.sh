#!/usr/bin/env bash
# Runs every end-to-end test (Tests/e2e/test_*.sh) against a built igloo binary.
#
#   Tests/e2e/run-all.sh PATH-TO-igloo [TEST-NAME...]
#
# It builds nothing: pass the binary (e.g. .build/debug/igloo). Each test drives the binary in its
# own private tmux server and temporary folder.
#
# A test passes (exit 0), fails (any other status, or 300 s without ending), or is skipped: it
# exits 77 after printing "SKIP name: reason". A skip is never counted as a pass.
#
# The tests that guard the user's data (GUARDED below) are never retried: their first failure
# fails the run, and the runner prints the seed to replay it with. Any other test that fails is run
# once more; every retry is printed ("RETRY name") and counted, and a test that fails twice fails.
#
# The output ends with two lines: "K retried" (naming them), then the closing line
# "N passed, M failed, K retried, S skipped". Exit status 1 when any test failed, 2 on bad usage.
# E2E_VERBOSE=1 shows progress; E2E_KEEP=1 keeps the temp folders; E2E_WAIT=SECONDS sets how long a
# test waits for a screen (default 15); E2E_SEED (default 4711) seeds the tests that take a seed.
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

# The tests that guard data: a failure there may be a race that loses a session one run in three,
# which a second run would hide. They fail on their first failure.
GUARDED=" test_random_kill test_kill_resume test_signals test_crash test_export_failures test_two_windows "
export E2E_SEED=${E2E_SEED:-4711}

tests=()
if [ $# -gt 0 ]; then
  for name in "$@"; do tests+=("$here/${name%.sh}.sh"); done
else
  for t in "$here"/test_*.sh; do tests+=("$t"); done
fi

passed=0
failed=0
skipped=0
failures=()
retried=()
skips=()
# run_once TEST: runs it; sets rc (77 is a skip).
run_once() {
  if [ ! -f "$1" ]; then
    echo "run-all: no test $1" >&2
    rc=1
    return
  fi
  timeout 300 bash "$1" "$bin"
  rc=$?
  [ "$rc" != 124 ] || echo "run-all: $(basename "$1" .sh) still running after 300 s" >&2
}
for t in "${tests[@]}"; do
  name=$(basename "$t" .sh)
  start=$(date +%s)
  run_once "$t"
  if [ "$rc" != 0 ] && [ "$rc" != 77 ] && [[ $GUARDED != *" $name "* ]]; then
    # Not a data guard: a timing slip on a shared, noisy machine is retried once, in the open.
    echo "RETRY $name (the first run exited $rc)"
    retried+=("$name")
    run_once "$t"
  fi
  took=$(($(date +%s) - start))
  if [ "$rc" = 0 ]; then
    passed=$((passed + 1))
    echo "ok   $name (${took}s)"
  elif [ "$rc" = 77 ]; then
    skipped=$((skipped + 1))
    skips+=("$name")
    echo "SKIP $name (${took}s)"
  else
    failed=$((failed + 1))
    failures+=("$name")
    if [[ $GUARDED == *" $name "* ]]; then
      echo "FAIL $name on its first run, not retried (${took}s); replay: E2E_SEED=$E2E_SEED bash $t $bin"
    else
      echo "FAIL $name (${took}s)"
    fi
  fi
done
[ ${#skips[@]} -eq 0 ] || echo "skipped: ${skips[*]}"
[ ${#failures[@]} -eq 0 ] || echo "failed: ${failures[*]}"
[ ${#retried[@]} -eq 0 ] || echo "retried: ${retried[*]}"
echo "$passed passed, $failed failed, ${#retried[@]} retried, $skipped skipped"
[ "$failed" -eq 0 ] || exit 1
exit 0

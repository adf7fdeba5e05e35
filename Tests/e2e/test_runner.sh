#!/usr/bin/env bash
# The runner itself (run-all.sh), on a throwaway copy of this folder whose tests are stand-ins:
#   - a data guard (test_random_kill) that fails on its first run and passes on its second fails
#     the run: exit status 1, "FAIL test_random_kill on its first run", the seed to replay with,
#     no retry, "0 passed, 1 failed, 0 retried, 0 skipped";
#   - any other test that does the same is retried in the open: "RETRY", "retried: test_x",
#     "1 passed, 0 failed, 1 retried, 0 skipped", exit 0;
#   - a test that fails twice fails the run, and is counted as retried;
#   - a skip (exit 77) is counted apart and is not a pass; a test that passes is a pass;
#   - under CI=true, a test whose tool scripts/deps --test installs fails instead of skipping
#     (lib.sh's `missing`), while without CI it is a skip;
#   - the closing line is the last line, in the form "N passed, M failed, K retried, S skipped".
. "$(dirname "$0")/lib.sh"

here=$(cd "$(dirname "$0")" && pwd)
R="$T/runner"
mkdir -p "$R"
cp "$here/run-all.sh" "$here/lib.sh" "$R/"

# flaky NAME: a test that fails on its first run and passes on its second (it counts its runs in
# a file next to itself).
flaky() {
  cat >"$R/$1.sh" <<'EOF'
#!/usr/bin/env bash
runs="$(dirname "$0")/$(basename "$0" .sh).runs"
n=$(($(cat "$runs" 2>/dev/null || echo 0) + 1))
echo "$n" >"$runs"
[ "$n" -ge 2 ] || { echo "FAIL $(basename "$0" .sh): first run" >&2; exit 1; }
exit 0
EOF
}
stub() { # NAME BODY: a test with this body
  printf '#!/usr/bin/env bash\n%s\n' "$2" >"$R/$1.sh"
}

# run_runner ARGS...: runs the copy, outside CI (with this machine's igloo, which the stand-ins
# ignore); sets RC and OUT.
run_runner() {
  rm -f "$R"/*.runs
  OUT=$(env -u E2E_SEED -u CI bash "$R/run-all.sh" "$IGLOO_BIN" "$@" 2>"$T/runner.err")
  RC=$?
  note "run-all $*: exit $RC; $(printf '%s' "$OUT" | tail -1)"
}
expect_line() { printf '%s\n' "$OUT" | grep -qxF -- "$1" || fail "no line '$1' in: $OUT"; }
expect_last() { [ "$(printf '%s\n' "$OUT" | tail -1)" = "$1" ] || fail "the last line is not '$1': $OUT"; }
runs_of() { cat "$R/$1.runs" 2>/dev/null || echo 0; }

# The interface others rely on: a flaky data guard fails the run.
flaky test_random_kill
run_runner test_random_kill
[ "$RC" != 0 ] || fail "a test_random_kill that fails once and then passes made run-all exit 0: $OUT"
[ "$RC" = 1 ] || fail "run-all exited $RC, expected 1"
[ "$(runs_of test_random_kill)" = 1 ] || fail "test_random_kill was run $(runs_of test_random_kill) times, expected once"
printf '%s\n' "$OUT" | grep -q '^RETRY' && fail "a data guard was retried: $OUT"
printf '%s\n' "$OUT" | grep -qF "FAIL test_random_kill on its first run" || fail "no first-run failure line: $OUT"
printf '%s\n' "$OUT" | grep -qF "E2E_SEED=4711" || fail "the seed to replay with is not printed: $OUT"
printf '%s\n' "$OUT" | grep -q '^retried:' && fail "a data guard is listed as retried: $OUT"
expect_last "0 passed, 1 failed, 0 retried, 0 skipped"

# Every data guard, not only that one.
for g in test_kill_resume test_signals test_crash test_export_failures test_two_windows; do
  flaky "$g"
  run_runner "$g"
  [ "$RC" = 1 ] && [ "$(runs_of "$g")" = 1 ] || fail "$g: exit $RC after $(runs_of "$g") runs, expected 1 after 1: $OUT"
done

# Another test is retried, and the retry is printed and counted.
flaky test_stand_in_flaky
run_runner test_stand_in_flaky
[ "$RC" = 0 ] || fail "a retried test that then passes failed the run: $OUT"
[ "$(runs_of test_stand_in_flaky)" = 2 ] || fail "the flaky test ran $(runs_of test_stand_in_flaky) times"
expect_line "RETRY test_stand_in_flaky (the first run exited 1)"
expect_line "retried: test_stand_in_flaky"
expect_last "1 passed, 0 failed, 1 retried, 0 skipped"

# Fails twice: a failure, and still counted as a retry. Passes, skips, and the order of the counts.
stub test_stand_in_broken 'exit 3'
stub test_stand_in_fine 'exit 0'
stub test_stand_in_skip '. "$(dirname "$0")/lib.sh"; skip "nothing to test with"'
run_runner test_stand_in_broken test_stand_in_fine test_stand_in_skip test_stand_in_fine
[ "$RC" = 1 ] || fail "a test that failed twice did not fail the run (exit $RC): $OUT"
printf '%s\n' "$OUT" | grep -q '^FAIL test_stand_in_broken (' || fail "no FAIL line for the broken test: $OUT"
printf '%s\n' "$OUT" | grep -q '^SKIP test_stand_in_skip (' || fail "no SKIP line: $OUT"
grep -qF "SKIP test_stand_in_skip: nothing to test with" "$T/runner.err" || fail "the skip's reason is not printed: $(cat "$T/runner.err")"
expect_line "retried: test_stand_in_broken"
expect_last "2 passed, 1 failed, 1 retried, 1 skipped"

# A tool that scripts/deps --test installs: a skip without CI, a failure under CI.
stub test_stand_in_tool '. "$(dirname "$0")/lib.sh"; missing "frobnicate is not installed"'
run_runner test_stand_in_tool
[ "$RC" = 0 ] || fail "a skip failed the run without CI: $OUT"
expect_last "0 passed, 0 failed, 0 retried, 1 skipped"
OUT=$(CI=true bash "$R/run-all.sh" "$IGLOO_BIN" test_stand_in_tool 2>"$T/runner.err")
RC=$?
[ "$RC" = 1 ] || fail "under CI=true, a missing installable tool did not fail the run (exit $RC): $OUT"
grep -qF "frobnicate is not installed" "$T/runner.err" || fail "the failure does not give the reason: $(cat "$T/runner.err")"
expect_last "0 passed, 1 failed, 1 retried, 0 skipped"

# The closing line is in the form the CI reads: "N passed, M failed, K retried" (", S skipped" follows).
printf '%s\n' "$OUT" | tail -1 | grep -qxE '[0-9]+ passed, [0-9]+ failed, [0-9]+ retried(, [0-9]+ skipped)?' ||
  fail "the closing line is not in the accepted form: $(printf '%s\n' "$OUT" | tail -1)"
exit 0

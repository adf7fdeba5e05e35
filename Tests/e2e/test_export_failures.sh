#!/usr/bin/env bash
# Exports that cannot be written, from the wizard's Export step:
#   (a) a read-only folder: a tmpfs remounted read-only (EROFS), and a folder made immutable with
#       `chattr +i`, which stops root too (EPERM) where chmod would not;
#   (b) a path whose folder does not exist (and is not created);
#   (c) a full disk: a 32 KB tmpfs filled to its last 4 KB, so that the export fails in the middle
#       of writing (ENOSPC).
# Each shows one clear message on screen naming the path and the problem; the file is not there
# afterwards and no temporary file is left; the session file is untouched; igloo stays on the
# Export step. Then the user types another path, and the export is written (mode 0600).
# Needs root to mount the file systems; without root the test is skipped (exit 77) with the reason
# printed. As root, a tmpfs that cannot be mounted is a skip, or a failure under CI=true.
. "$(dirname "$0")/lib.sh"

RO="$T/ro"
FULL="$T/full"
IMMUTABLE="$T/immutable"
mkdir -p "$RO" "$FULL" "$IMMUTABLE"
# Unmount (and make removable) before lib.sh's cleanup removes $T, keeping the test's status.
trap 'st=$?; chattr -i "$IMMUTABLE" 2>/dev/null; umount -l "$RO" 2>/dev/null; umount -l "$FULL" 2>/dev/null; (exit $st); e2e_cleanup' EXIT

[ "$(id -u)" = 0 ] || skip "mounting a read-only and a full file system needs root (running as $(id -un))"
mount -t tmpfs -o size=64k,mode=0755 igloo-e2e-ro "$RO" 2>"$T/mount.err" || missing "cannot mount a tmpfs: $(cat "$T/mount.err")"
mount -o remount,ro "$RO" 2>"$T/mount.err" || fail "cannot remount the tmpfs read-only: $(cat "$T/mount.err")"
touch "$RO/probe" 2>/dev/null && fail "the read-only tmpfs can be written"
mount -t tmpfs -o size=32k,mode=0755 igloo-e2e-full "$FULL" 2>"$T/mount.err" || fail "cannot mount a small tmpfs: $(cat "$T/mount.err")"
# Fill it up, then free the last page: creating a file works, writing an export does not.
dd if=/dev/zero of="$FULL/filler" bs=4k 2>/dev/null
[ "$(df --output=avail -B1 "$FULL" | tail -1 | tr -d ' ')" = 0 ] || fail "could not fill the tmpfs: $(df "$FULL")"
truncate -s -4096 "$FULL/filler"
FREE=$(df --output=avail -B1 "$FULL" | tail -1 | tr -d ' ')
immutable=1
chattr +i "$IMMUTABLE" 2>"$T/chattr.err" && ! touch "$IMMUTABLE/probe" 2>/dev/null || {
  immutable=0
  echo "$E2E_NAME: note: chattr +i does not work here ($(cat "$T/chattr.err")); the read-only tmpfs stands for a read-only folder" >&2
}

start_shell 160 40
launch
first_statement "Eksportfejl på Ærø"
send 4
wait_for "Individual 1/"
send 2
wait_for "Individual 2/"
go_to_step 9
wait_for "Format"
send Tab
file=$(session_files)
[ "$(printf '%s\n' "$file" | grep -c .)" = 1 ] || fail "expected one session file, found: $file"
before=$(sha256sum <"$file")
pid=$(igloo_pid)

# export_to PATH: type PATH in the path field (which keeps the focus after an export) and press
# Enter.
export_to() {
  send C-u
  type_text "$1"
  wait_for "${1: -30}" # the field scrolls to show the end of a long path
  send Enter
}

# refused PATH PROBLEM: the export to PATH fails with PROBLEM on screen, and nothing changes.
refused() {
  local path=$1 problem=$2 folder
  note "export to $path: expect '$problem'"
  export_to "$path"
  wait_for "The file was not saved: cannot write $path: $problem"
  wait_for "Correct the path above and press Enter to try again. The assessment is unchanged."
  screen | grep -qF "The file was saved" && fail "$path: a success is shown too"
  [ ! -e "$path" ] || fail "$path exists after a failed export"
  folder=$(dirname "$path")
  if [ -d "$folder" ]; then
    [ -z "$(find "$folder" -maxdepth 1 -name '.*.igloo-tmp-*')" ] || fail "$path: a temporary file was left: $(ls -a "$folder")"
  fi
  wait_for "Step 9/9" # still on the Export step, in the wizard
  kill -0 "$pid" 2>/dev/null || fail "igloo is gone after the export to $path"
  [ "$(sha256sum <"$file")" = "$before" ] || fail "the session file changed after the export to $path"
}

refused "$RO/vurdering.md" "the file system is read-only"
if [ "$immutable" = 1 ]; then
  refused "$IMMUTABLE/vurdering.md" "permission denied"
fi
refused "$T/out/findes-ikke/vurdering.md" "the folder does not exist"
[ ! -e "$T/out/findes-ikke" ] || fail "the missing folder was created"
refused "$FULL/vurdering.md" "the disk is full"
[ "$(df --output=avail -B1 "$FULL" | tail -1 | tr -d ' ')" = "$FREE" ] || fail "the full disk lost space to a leftover"

note "another path works"
good="$T/out/vurdering.md"
export_to "$good"
wait_for "The file was saved: $good"
[ -s "$good" ] || fail "no export at $good"
[ "$(stat -c %a "$good")" = 600 ] || fail "the export is not mode 0600"
grep -qF "Eksportfejl på Ærø" "$good" || fail "the export does not name the workplace"
[ "$(stat -c %s "$good")" -gt "$FREE" ] || fail "the export ($(stat -c %s "$good") bytes) would have fitted on the full disk ($FREE free)"
[ "$(sha256sum <"$file")" = "$before" ] || fail "the session file changed after the export"

quit_wizard
[ ! -e "$file.lock" ] || fail "the lock was not released"
json_check "$file" "len(s['answers']['default']) == 2"
exit 0

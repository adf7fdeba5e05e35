#!/usr/bin/env bash
# Input that ends under igloo: it runs on a pseudo-terminal that it does not control (so no
# SIGHUP comes), and the other end is closed while a workplace name is being typed. Every read
# then fails at once; igloo must notice, save what was typed, and exit promptly (status 0, or 1 when
# the closing line cannot reach the closed terminal) rather
# than spin on the errors. Driven from python3's pty module instead of tmux, which never closes a
# pane's terminal without a SIGHUP.
. "$(dirname "$0")/lib.sh"

python3 - "$IGLOO_BIN" "$T/data" <<'PY' || fail "see above"
import fcntl, os, resource, select, struct, subprocess, sys, termios, time

binary, data = sys.argv[1], sys.argv[2]
master, slave = os.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
env = {"PATH": os.environ["PATH"], "TERM": "xterm-256color", "LANG": "C.UTF-8", "XDG_DATA_HOME": data}
p = subprocess.Popen([binary], stdin=slave, stdout=slave, stderr=subprocess.PIPE, env=env)
os.close(slave)

def read_until(text, seconds=15):
    seen, deadline = b"", time.time() + seconds
    while time.time() < deadline:
        if select.select([master], [], [], 0.1)[0]:
            seen += os.read(master, 65536)
            if text.encode() in seen:
                return
    sys.exit(f"timed out waiting for {text!r}")

read_until("New assessment")
os.write(master, b"\r")
read_until("Step 1/9")
os.write(master, "Lukket på Ærø".encode())
# The typed text reaches the screen in pieces among cursor moves, so just let igloo catch up.
deadline = time.time() + 1.5
while time.time() < deadline:
    if select.select([master], [], [], 0.1)[0]:
        os.read(master, 65536)
start = time.time()
os.close(master)
try:
    rc = p.wait(timeout=10)
except subprocess.TimeoutExpired:
    p.kill()
    sys.exit("igloo is still running 10 s after its input closed (spinning?)")
elapsed = time.time() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
err = p.stderr.read().decode()
# The terminal is gone with its input, so the closing "saved in" line cannot be written: igloo says so
# on stderr and exits 1, as for any output that fails (issue 8). Anything else is a failure.
if rc != 0 and not (rc == 1 and "cannot write standard output" in err):
    sys.exit(f"exit status {rc}; stderr: {err[-500:]}")
if elapsed > 5:
    sys.exit(f"took {elapsed:.1f}s to notice that input ended")
if os.environ.get("E2E_VERBOSE") == "1":
    cpu = usage.ru_utime + usage.ru_stime
    print(f"  exited {rc} after {elapsed:.2f}s, {cpu:.2f}s CPU in all", file=sys.stderr)
PY

file=$(session_files)
[ -n "$file" ] || fail "no session file"
json_check "$file" "s['about']['workplace'] == 'Lukket på Ærø'"
[ ! -e "$file.lock" ] || fail "the lock was not released"
exit 0

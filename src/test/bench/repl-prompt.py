#!/usr/bin/env python3
"""The REPL's time to its first prompt, beside a batch run (docs/performance.md, "Start-up of the
REPL").

Starts the REPL command on a new pseudo-terminal (80 x 24, TERM=xterm-256color) as a user's
terminal would, waits for its first prompt (In [1]: ), types Ctrl-D and waits for it to exit.
With --vs, the batch command runs after each REPL run (A B A B ...), its whole process timed,
and the ratio is taken pair by pair. With --trace FILE, one REPL run goes under
strace -f -e trace=execve and the programs it started are listed (the launcher's sh, its find
and java; the JVM itself starts none).

  python3 src/test/bench/repl-prompt.py [-n RUNS] [--warmup N] [--vs 'BATCH COMMAND']
      [--trace FILE] [-- REPL COMMAND...]         (REPL COMMAND: ./vpclab)

Prints the medians (min and max beside them) in milliseconds. Exit status 1 if a REPL run shows
no prompt within 30 s or exits with a status other than 0.
"""
import fcntl
import os
import pty
import re
import select
import struct
import sys
import termios
import time

import paired

PROMPT = b"In [1]: "


def repl_run(cmd, env):
    """One REPL session on a new pseudo-terminal: (ms to the first prompt, ms to exit)."""
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            os.execvpe(cmd[0], cmd, env)
        finally:
            os._exit(127)
    screen = b""
    prompt = None
    deadline = t0 + 30
    while prompt is None:
        ready, _, _ = select.select([fd], [], [], max(0, deadline - time.monotonic()))
        data = b""
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                data = b""
        if not data:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            sys.exit("no prompt within 30 s; the terminal showed:\n%r" % screen[-2000:])
        screen += data
        if PROMPT in screen:
            prompt = time.monotonic()
    os.write(fd, b"\x04")  # Ctrl-D on an empty line: leave
    while True:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    _, status = os.waitpid(pid, 0)
    end = time.monotonic()
    os.close(fd)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("the REPL exited with status %d" % os.waitstatus_to_exitcode(status))
    return (prompt - t0) * 1000, (end - t0) * 1000


def main():
    ap = paired.parser(__doc__)
    ap.add_argument("--trace", metavar="FILE", help="one run under strace, its log in FILE")
    ap.add_argument("repl", nargs="*", default=["./vpclab"])
    a = ap.parse_args()
    env = dict(os.environ, TERM="xterm-256color")
    batch = paired.batch_command(a)

    if a.trace:
        repl_run(["strace", "-f", "-qq", "-e", "trace=execve", "-o", a.trace] + a.repl, env)
        started = []
        with open(a.trace) as log:
            for line in log:
                m = re.search(r'execve\("([^"]+)".*\) = 0$', line.rstrip())
                if m:
                    started.append(os.path.basename(m.group(1)))
        print("programs started (execve), in order: %d: %s" % (len(started), " ".join(started)))

    prompts, exits, batches, ratios = paired.paired(lambda: repl_run(a.repl, env), batch, a)
    paired.report(a, 32, [("REPL, first prompt:             ", prompts),
                          ("REPL, start to exit (Ctrl-D):   ", exits)],
                  batch, batches, ratios, "first prompt / batch")


if __name__ == "__main__":
    main()

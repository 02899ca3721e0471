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
import argparse
import fcntl
import os
import pty
import re
import select
import shlex
import struct
import subprocess
import sys
import termios
import time

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


def batch_run(cmd):
    t0 = time.monotonic()
    subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return (time.monotonic() - t0) * 1000


def spread(xs):
    s = sorted(xs)
    return "%7.1f  (%.1f .. %.1f)" % (s[len(s) // 2], s[0], s[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--runs", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--vs", help="the batch command, one string split as a shell would")
    ap.add_argument("--trace", metavar="FILE", help="one run under strace, its log in FILE")
    ap.add_argument("repl", nargs="*", default=["./vpclab"])
    a = ap.parse_args()
    env = dict(os.environ, TERM="xterm-256color")
    batch = shlex.split(a.vs) if a.vs else None

    if a.trace:
        repl_run(["strace", "-f", "-qq", "-e", "trace=execve", "-o", a.trace] + a.repl, env)
        started = []
        with open(a.trace) as log:
            for line in log:
                m = re.search(r'execve\("([^"]+)".*\) = 0$', line.rstrip())
                if m:
                    started.append(os.path.basename(m.group(1)))
        print("programs started (execve), in order: %d: %s" % (len(started), " ".join(started)))

    for _ in range(a.warmup):
        repl_run(a.repl, env)
        if batch:
            batch_run(batch)
    prompts, exits, batches, ratios = [], [], [], []
    for _ in range(a.runs):
        p, e = repl_run(a.repl, env)
        prompts.append(p)
        exits.append(e)
        if batch:
            b = batch_run(batch)
            batches.append(b)
            ratios.append(p / b)
    print("runs: %d (after %d warm-up)      median   (min .. max), ms" % (a.runs, a.warmup))
    print("REPL, first prompt:             %s" % spread(prompts))
    print("REPL, start to exit (Ctrl-D):   %s" % spread(exits))
    if batch:
        print("batch: %-24s %s" % (" ".join(batch)[:24], spread(batches)))
        s = sorted(ratios)
        print("first prompt / batch, pair by pair: %.2f  (%.2f .. %.2f)"
              % (s[len(s) // 2], s[0], s[-1]))


if __name__ == "__main__":
    main()

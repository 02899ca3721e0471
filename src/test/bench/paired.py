"""What the start-up benchmarks beside it (kernel-info.py, repl-prompt.py) share: their options,
the batch command timed after each run (A B A B ...), and the table of medians."""
import argparse
import shlex
import subprocess
import time


def parser(doc):
    """The options of every start-up benchmark; the caller adds its command (and its own)."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("-n", "--runs", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--vs", help="the batch command, one string split as a shell would")
    return ap


def batch_command(args):
    return shlex.split(args.vs) if args.vs else None


def batch_run(cmd):
    t0 = time.monotonic()
    subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return (time.monotonic() - t0) * 1000


def paired(run, batch, args):
    """run() gives (ms to the first answer, ms to exit); the batch command, if any, runs after
    each. The warm-up runs are left out. Returns (firsts, exits, batches, ratios)."""
    firsts, exits, batches, ratios = [], [], [], []
    for i in range(args.warmup + args.runs):
        first, end = run()
        b = batch_run(batch) if batch else None
        if i < args.warmup:
            continue
        firsts.append(first)
        exits.append(end)
        if batch:
            batches.append(b)
            ratios.append(first / b)
    return firsts, exits, batches, ratios


def spread(xs):
    s = sorted(xs)
    return "%7.1f  (%.1f .. %.1f)" % (s[len(s) // 2], s[0], s[-1])


def report(args, width, rows, batch, batches, ratios, ratio_label):
    """Prints the table: rows are (label, its padding included; times), the medians in a column
    after width characters; then the batch command's row and the ratios, if there is one."""
    print("runs: %d (after %d warm-up)%smedian   (min .. max), ms"
          % (args.runs, args.warmup, " " * (width - 26)))
    for label, xs in rows:
        print("%s%s" % (label, spread(xs)))
    if batch:
        n = width - 8
        print("batch: %-*s %s" % (n, " ".join(batch)[:n], spread(batches)))
        s = sorted(ratios)
        print("%s, pair by pair: %.2f  (%.2f .. %.2f)" % (ratio_label, s[len(s) // 2], s[0], s[-1]))

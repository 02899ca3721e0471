#!/usr/bin/env python3
"""The kernel's time to its kernel_info reply, beside a batch run (docs/performance.md, "Start-up
of the kernel").

Writes a connection file (127.0.0.1, five free ports, a random key), starts the kernel command
with it as Jupyter does (vpclab kernel CONNECTION_FILE), sends a signed kernel_info_request on
shell at once (ZeroMQ queues it until the kernel binds) and times the start to the reply; then
sends shutdown_request on control and waits for the kernel to exit. With --vs, the batch command
runs after each kernel run (A B A B ...), its whole process timed, and the ratio is taken pair
by pair. Needs pyzmq (Debian: python3-zmq, which jupyter_client uses).

  /usr/bin/python3 src/test/bench/kernel-info.py [-n RUNS] [--warmup N]
      [--vs 'BATCH COMMAND'] [-- KERNEL COMMAND...]      (KERNEL COMMAND: ./vpclab kernel)

Prints the medians (min and max beside them) in milliseconds. Exit status 1 if a kernel gives
no reply within 30 s or exits with a status other than 0.
"""
import hashlib
import hmac
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid

import zmq

import paired


def free_ports(n):
    socks = []
    try:
        for _ in range(n):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def message(key, session, msg_type, content):
    header = json.dumps({"msg_id": uuid.uuid4().hex, "session": session, "username": "bench",
                         "date": "2026-01-01T00:00:00.000000Z", "msg_type": msg_type,
                         "version": "5.3"}).encode()
    parts = [header, b"{}", b"{}", json.dumps(content).encode()]
    sig = hmac.new(key, digestmod=hashlib.sha256)
    for p in parts:
        sig.update(p)
    return [b"<IDS|MSG>", sig.hexdigest().encode()] + parts


def reply_type(frames):
    d = frames.index(b"<IDS|MSG>")
    return json.loads(frames[d + 2])["msg_type"]


def kernel_run(cmd, ctx, folder):
    """One kernel: (ms to the kernel_info reply, ms to exit after the shutdown request)."""
    ports = free_ports(5)
    key = uuid.uuid4().hex
    conn = os.path.join(folder, "kernel-%s.json" % key[:8])
    with open(conn, "w") as f:
        json.dump({"transport": "tcp", "ip": "127.0.0.1", "shell_port": ports[0],
                   "control_port": ports[1], "stdin_port": ports[2], "iopub_port": ports[3],
                   "hb_port": ports[4], "key": key, "signature_scheme": "hmac-sha256",
                   "kernel_name": "vpclab"}, f)
    shell = ctx.socket(zmq.DEALER)
    control = ctx.socket(zmq.DEALER)
    for s in (shell, control):
        s.setsockopt(zmq.LINGER, 0)
    shell.connect("tcp://127.0.0.1:%d" % ports[0])
    control.connect("tcp://127.0.0.1:%d" % ports[1])
    session = uuid.uuid4().hex
    t0 = time.monotonic()
    p = subprocess.Popen(cmd + [conn], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    try:
        shell.send_multipart(message(key.encode(), session, "kernel_info_request", {}))
        if not shell.poll(30000):
            sys.exit("no kernel_info_reply within 30 s")
        t1 = time.monotonic()
        frames = shell.recv_multipart()
        if reply_type(frames) != "kernel_info_reply":
            sys.exit("expected kernel_info_reply, got %s" % reply_type(frames))
        control.send_multipart(message(key.encode(), session, "shutdown_request",
                                       {"restart": False}))
        status = p.wait(30)
        t2 = time.monotonic()
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        shell.close()
        control.close()
        os.unlink(conn)
    if status != 0:
        sys.exit("the kernel exited with status %d" % status)
    return (t1 - t0) * 1000, (t2 - t0) * 1000


def main():
    ap = paired.parser(__doc__)
    ap.add_argument("kernel", nargs="*", default=["./vpclab", "kernel"])
    a = ap.parse_args()
    batch = paired.batch_command(a)
    ctx = zmq.Context()
    with tempfile.TemporaryDirectory(prefix="vpclab-bench") as folder:
        infos, exits, batches, ratios = paired.paired(
            lambda: kernel_run(a.kernel, ctx, folder), batch, a)
    ctx.term()
    paired.report(a, 33, [("kernel, kernel_info reply:       ", infos),
                          ("kernel, start to exit (shutdown): ", exits)],
                  batch, batches, ratios, "kernel_info reply / batch")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Opens N keep-alive HTTP/1.1 client connections that each complete one request and then
stay open, idle, so a proxy's memory per idle client connection can be measured.

Standard library only. Prints one status line when every connection is idle (or failed) and
touches --ready-file; then holds the connections until SIGTERM/SIGINT or --hold seconds, and
prints how many the peer closed meanwhile.
"""

import argparse
import errno
import resource
import selectors
import signal
import socket
import sys
import time


class Conn:
    __slots__ = ("sock", "request", "sent", "buf", "state", "need", "chunked")

    def __init__(self, sock, request):
        self.sock = sock
        self.request = request
        self.sent = 0
        self.buf = b""
        self.state = "connecting"  # connecting, writing, reading, idle, failed
        self.need = None
        self.chunked = False


def response_complete(c):
    """True when c.buf holds one full HTTP response (Content-Length or chunked)."""
    end = c.buf.find(b"\r\n\r\n")
    if end < 0:
        return False
    if c.need is None and not c.chunked:
        head = c.buf[:end].decode("latin-1").lower().split("\r\n")
        length = 0
        for line in head[1:]:
            name, _, value = line.partition(":")
            if name.strip() == "content-length":
                length = int(value.strip())
            elif name.strip() == "transfer-encoding" and "chunked" in value:
                c.chunked = True
        c.need = end + 4 + length
    if c.chunked:
        return c.buf.endswith(b"0\r\n\r\n")
    return len(c.buf) >= c.need


def raise_nofile(want):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = want if hard == resource.RLIM_INFINITY else min(want, hard)
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--count", type=int, default=5000)
    ap.add_argument("--cookie", action="append", default=[],
                    help="Cookie header value; repeat to spread connections round-robin")
    ap.add_argument("--path", default="/")
    ap.add_argument("--inflight", type=int, default=200,
                    help="connections allowed to be connecting/requesting at once")
    ap.add_argument("--setup-timeout", type=float, default=120.0)
    ap.add_argument("--hold", type=float, default=300.0, help="seconds to hold at most")
    ap.add_argument("--ready-file", help="file created once all connections are idle")
    args = ap.parse_args()

    limit = raise_nofile(args.count + 100)
    if limit < args.count + 20:
        sys.exit(f"idle_clients: RLIMIT_NOFILE is {limit}, too low for {args.count} connections")

    stop = False

    def on_signal(_sig, _frame):
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    sel = selectors.DefaultSelector()
    conns = []
    started = idle = failed = 0
    active = 0
    deadline = time.monotonic() + args.setup_timeout
    errors = {}

    def fail(c, why):
        nonlocal failed, active
        errors[why] = errors.get(why, 0) + 1
        try:
            sel.unregister(c.sock)
        except (KeyError, ValueError):
            pass
        c.sock.close()
        c.state = "failed"
        failed += 1
        active -= 1

    while idle + failed < args.count and not stop and time.monotonic() < deadline:
        while started < args.count and active < args.inflight:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setblocking(False)
            cookie = args.cookie[started % len(args.cookie)] if args.cookie else None
            request = (f"GET {args.path} HTTP/1.1\r\nHost: {args.host}:{args.port}\r\n"
                       "User-Agent: limpet-idle-clients\r\nAccept: */*\r\n"
                       + (f"Cookie: {cookie}\r\n" if cookie else "") + "\r\n").encode()
            c = Conn(sock, request)
            conns.append(c)
            started += 1
            active += 1
            rc = sock.connect_ex((args.host, args.port))
            if rc not in (0, errno.EINPROGRESS):
                fail(c, errno.errorcode.get(rc, str(rc)))
                continue
            sel.register(sock, selectors.EVENT_WRITE, c)
        for key, _ in sel.select(timeout=0.5):
            c = key.data
            try:
                if c.state == "connecting":
                    err = c.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                    if err:
                        fail(c, errno.errorcode.get(err, str(err)))
                        continue
                    c.state = "writing"
                if c.state == "writing":
                    c.sent += c.sock.send(c.request[c.sent:])
                    if c.sent == len(c.request):
                        c.state = "reading"
                        sel.modify(c.sock, selectors.EVENT_READ, c)
                    continue
                if c.state == "reading":
                    data = c.sock.recv(65536)
                    if not data:
                        fail(c, "closed before response")
                        continue
                    c.buf += data
                    if response_complete(c):
                        if not c.buf.startswith(b"HTTP/1.1 200"):
                            fail(c, "status " + c.buf[9:12].decode("latin-1"))
                            continue
                        c.state = "idle"
                        c.buf = b""
                        sel.unregister(c.sock)
                        idle += 1
                        active -= 1
            except (BlockingIOError, InterruptedError):
                pass
            except OSError as e:
                fail(c, errno.errorcode.get(e.errno, str(e)))

    pending = args.count - idle - failed
    detail = " ".join(f"{k}={v}" for k, v in sorted(errors.items()))
    print(f"idle={idle} failed={failed} unfinished={pending}" + (f" ({detail})" if detail else ""),
          flush=True)
    for c in conns:
        if c.state not in ("idle", "failed"):
            try:
                sel.unregister(c.sock)
            except (KeyError, ValueError):
                pass
            c.sock.close()
    if args.ready_file:
        with open(args.ready_file, "w") as f:
            f.write(f"{idle}\n")

    # Hold: watch the idle sockets only to notice the peer closing them.
    for c in conns:
        if c.state == "idle":
            sel.register(c.sock, selectors.EVENT_READ, c)
    closed = 0
    hold_until = time.monotonic() + args.hold
    while not stop and time.monotonic() < hold_until:
        for key, _ in sel.select(timeout=0.5):
            c = key.data
            try:
                data = c.sock.recv(4096)
            except OSError:
                data = b""
            if not data:
                closed += 1
                sel.unregister(c.sock)
                c.sock.close()
    print(f"closed_by_peer_while_idle={closed}", flush=True)
    return 0 if failed == 0 and pending == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

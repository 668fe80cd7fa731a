"""Clients that stop reading the largest export, and `/` meanwhile: can a stalled download hold the site?

    DATABASE_URL=postgres://… benchmarks/slow_readers.py [--stalled 2] [--requests 20] [-- gunicorn options]

Starts gunicorn on this checkout with its gunicorn.conf.py and any options after `--` (`-- --worker-class
sync --threads 1 --workers 2` serves as the site did before threaded workers: with more than one thread,
gunicorn makes a sync worker a gthread one), opens `--stalled` connections that
ask for /deliveries.json?_all=1 and then read nothing, and times `--requests` requests of `/`, one after
another, each given 10 seconds. Prints one JSON object: how many answered, their median and slowest time,
and how many timed out. The record must be large enough for the export to fill the sockets' buffers (a
few MB: `generate_demo_data --line-items 20000` makes /deliveries.json?_all=1 about 30 MB). Asserts nothing.
"""

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
LARGEST_EXPORT = "/deliveries.json?_all=1"
PATIENCE = 10  # seconds a request of / may take before it counts as timed out


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url):
    """Seconds to fetch `url` whole, or None if it took longer than PATIENCE or failed."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=PATIENCE) as response:
            response.read()
    except (urllib.error.URLError, OSError):
        return None
    return time.perf_counter() - started


def stalled_reader(port):
    """A connection that asks for the largest export and reads a few bytes of it, then nothing more."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a small window: the server's writes block soon
    sock.connect(("127.0.0.1", port))
    sock.sendall(f"GET {LARGEST_EXPORT} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    sock.recv(1)  # the response has started
    return sock


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stalled", type=int, default=2, help="clients that stop reading (2)")
    parser.add_argument("--requests", type=int, default=20, help="requests of / timed meanwhile (20)")
    parser.add_argument("gunicorn", nargs="*", help="options for gunicorn, after --")
    args = parser.parse_args()
    env = {"DEBUG": "False", "SECRET_KEY": "benchmark-only-key", "ALLOWED_HOSTS": "127.0.0.1", **os.environ}
    env["STATIC_ROOT"] = static = tempfile.mkdtemp(prefix="aidtracker-static-")
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, cwd=ROOT, check=True)
    port = free_port()
    server = subprocess.Popen(
        [GUNICORN, "aidtracker.wsgi", "--bind", f"127.0.0.1:{port}", "--log-level", "warning", *args.gunicorn],
        env=env,
        cwd=ROOT,
    )
    stalled = []
    try:
        while get(f"http://127.0.0.1:{port}/") is None:  # up, and / in the page cache
            time.sleep(0.5)
        stalled = [stalled_reader(port) for _ in range(args.stalled)]
        time.sleep(2)  # the export writes until the sockets' buffers are full
        times = [get(f"http://127.0.0.1:{port}/") for _ in range(args.requests)]
    finally:
        for sock in stalled:
            sock.close()
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(static, ignore_errors=True)
    answered = [seconds for seconds in times if seconds is not None]
    print(
        json.dumps(
            {
                "gunicorn": " ".join(args.gunicorn) or "gunicorn.conf.py",
                "stalled_readers": args.stalled,
                "requests": args.requests,
                "answered": len(answered),
                "timed_out": args.requests - len(answered),
                "median_s": statistics.median(answered) if answered else None,
                "slowest_s": max(answered) if answered else None,
            }
        )
    )


if __name__ == "__main__":
    sys.exit(main())

"""Build a synthetic record on PostgreSQL and SQLite, measure, and print the figures side by side.

For each engine: generate_demo_data --line-items N (rows/s), then in fresh processes
(benchmarks/measure.py) each dashboard page's median server time against its aggregations run
live as raw SQL, each CSV export's rows/s and peak memory against the database's own CSV writer
(PostgreSQL COPY, the sqlite3 CLI), the time from an edit's commit to the dashboards showing it,
and `/` and `/pledges/` through gunicorn under 32 concurrent clients on 127.0.0.1.

Benchmarks only: nothing here asserts a time. The PostgreSQL database (aidtracker_bench by default)
is dropped at the end unless --keep.
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
BASE_ENV = {
    "DEBUG": "False",
    "SECRET_KEY": "benchmark-only-key",
    "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
    # the pages' own time, however long: production's limit would answer a slow first request with a quick 503
    "PUBLIC_STATEMENT_TIMEOUT": "0",
}


def run(args, env, check=True):
    result = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True)
    if check and result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result


def measure(env, *args):
    return json.loads(run([PYTHON, "benchmarks/measure.py", *args], env).stdout.strip().splitlines()[-1])


def psql(sql, server):
    subprocess.run(["psql", server + "/postgres", "-qc", sql], check=True, capture_output=True)


def load(url, clients, seconds):
    """`clients` threads requesting `url` for `seconds`: requests/s, p50/p99 latency, errors."""
    latencies, errors = [], []
    deadline = time.perf_counter() + seconds
    lock = threading.Lock()

    def client():
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=120) as response:
                    response.read()
                    ok = response.status == 200
                    if not ok:
                        with lock:
                            errors.append(f"status {response.status}")
            except (urllib.error.URLError, OSError) as error:
                ok = False
                with lock:
                    errors.append(repr(error))
            elapsed = time.perf_counter() - started
            if ok:
                with lock:
                    latencies.append(elapsed)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] if latencies else None

    return {
        "url": url,
        "requests": len(latencies),
        "rps": len(latencies) / wall,
        "p50_s": pct(0.50),
        "p99_s": pct(0.99),
        "errors": len(errors),  # failed connections, timeouts and any status but 200 (urlopen raises)
    }


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_and_load(env, args):
    static = tempfile.mkdtemp(prefix="aidtracker-static-")
    env = {**env, "STATIC_ROOT": static}
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    port = free_port()
    server = subprocess.Popen(
        [GUNICORN, "aidtracker.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers)]
        + ["--timeout", "120", "--log-level", "warning"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=60).read()
                break
            except (urllib.error.URLError, OSError):
                time.sleep(0.3)
        return [load(f"http://127.0.0.1:{port}{path}", args.clients, args.seconds) for path in ("/", "/pledges/")]
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(static, ignore_errors=True)


def bench_engine(engine, line_items, args):
    if engine == "postgresql":
        url = f"{args.postgres}/{args.database}"
        if not args.reuse:
            psql(f"DROP DATABASE IF EXISTS {args.database}", args.postgres)
            psql(f"CREATE DATABASE {args.database}", args.postgres)
    else:
        path = Path(tempfile.gettempdir()) / "aidtracker_bench.sqlite3"
        if not args.reuse and path.exists():
            path.unlink()
        url = f"sqlite:///{path}"
    env = {**os.environ, **BASE_ENV, "DATABASE_URL": url, "CONN_MAX_AGE": "60"}
    result = {"engine": engine, "line_items": line_items}
    if not args.reuse:
        run([PYTHON, "manage.py", "migrate", "-v0"], env)
        print(f"[{engine}] generating {line_items:,} line items…", flush=True)
        output = run([PYTHON, "manage.py", "generate_demo_data", "--line-items", str(line_items)], env).stdout
        result["generate"] = output.strip()
    print(f"[{engine}] pages…", flush=True)
    result["pages"] = measure(env, "pages")
    print(f"[{engine}] edit…", flush=True)
    result["edit"] = measure(env, "edit")
    result["exports"] = []
    for name in ("pledges.csv", "deliveries.csv"):
        print(f"[{engine}] {name}…", flush=True)
        result["exports"].append({"django": measure(env, "export", name), "native": measure(env, "copy", name)})
    if not args.no_load:
        print(f"[{engine}] gunicorn under {args.clients} clients…", flush=True)
        result["load"] = serve_and_load(env, args)
    if engine == "postgresql" and not args.keep:
        psql(f"DROP DATABASE IF EXISTS {args.database}", args.postgres)
    return result


def ms(seconds):
    return "—" if seconds is None else f"{seconds * 1000:,.0f} ms"


def report(results):
    for result in results:
        print(f"\n== {result['engine']}, {result['line_items']:,} line items ==")
        if "generate" in result:
            print(result["generate"])
        print(
            f"\n{'page':34} {'server (median)':>16} {'after a change':>15} {'live SQL (median)':>18}"
            f" {'live ÷ page':>12} {'live ÷ after':>13}"
        )
        for row in result["pages"]:
            ratio = row["live_sql_s"] / row["page_s"] if row["page_s"] else 0
            cold_ratio = row["live_sql_s"] / row["after_change_s"] if row["after_change_s"] else 0
            print(
                f"{row['page']:34} {ms(row['page_s']):>16} {ms(row['after_change_s']):>15}"
                f" {ms(row['live_sql_s']):>18} {ratio:>11.1f}× {cold_ratio:>12.1f}×"
            )
        edit = result["edit"]
        print(
            f"\nedit → dashboards (commit + summary refresh): a line item's value {ms(edit['seconds'])}"
            f" (overview moved by {edit['overview_changed_by']} EUR); in the (donor, category) pair with the most"
            f" deliveries ({edit['largest_pair_deliveries']:,}), the value of its line item with the most"
            f" ({edit['largest_pair_item_deliveries']}) {ms(edit['largest_pair_seconds'])}, a delivery of it"
            f" published {ms(edit['delivery_seconds'])}"
        )
        imported = edit["import"]
        print(
            f"import of the Kiel extract ({imported['status']}, {imported['rows_read']:,} rows read,"
            f" {imported['rows_added']:,} added): {ms(imported['seconds'])}, {imported['rows_per_s']:,.0f} rows/s,"
            f" of which the summary refresh after its commit {ms(imported['refresh_seconds'])};"
            f" its dry run before ({imported['dry_run_status']}) {ms(imported['dry_run_seconds'])},"
            f" {imported['dry_run_rows_per_s']:,.0f} rows/s; /compare/'s first request after it"
            f" {ms(imported['compare_after_s'])}"
        )
        print(
            f"\n{'export':16} {'rows':>10} {'Django rows/s':>14} {'native rows/s':>14} {'Django ÷ native':>16}"
            f" {'peak RSS':>9}"
        )
        for pair in result["exports"]:
            django, native = pair["django"], pair["native"]
            print(
                f"{django['export']:16} {django['rows']:>10,} {django['rows_per_s']:>14,.0f}"
                f" {native['rows_per_s']:>14,.0f}"
                f" {django['rows_per_s'] / native['rows_per_s']:>15.2f}× {django['peak_rss_mb']:>7.0f} MB"
                f"   ({native['tool']}, {native['rows']:,} rows)"
            )
        for row in result.get("load", []):
            print(
                f"\nload {row['url']}: {row['rps']:.1f} requests/s, p50 {ms(row['p50_s'])}, p99 {ms(row['p99_s'])},"
                f" {row['requests']} requests, {row['errors']} errors"
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--line-items", type=int, default=1_000_000, help="PostgreSQL record size (1,000,000)")
    parser.add_argument(
        "--sqlite-line-items", type=int, default=100_000, help="SQLite record size (100,000; 1M takes many minutes)"
    )
    parser.add_argument("--engines", default="postgresql,sqlite")
    parser.add_argument("--postgres", default="postgres://root@127.0.0.1:5432", help="server URL, without database")
    parser.add_argument("--database", default="aidtracker_bench")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=15, help="load per URL")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--no-load", action="store_true", help="skip the gunicorn load test")
    parser.add_argument("--reuse", action="store_true", help="measure the existing benchmark databases")
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database afterwards")
    parser.add_argument("--json", help="also write the raw figures to this file")
    args = parser.parse_args()
    results = []
    for engine in args.engines.split(","):
        size = args.line_items if engine == "postgresql" else args.sqlite_line_items
        results.append(bench_engine(engine, size, args))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    report(results)


if __name__ == "__main__":
    main()

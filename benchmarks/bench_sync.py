"""Speed goals of sync (issues 5 and 18), printed as figures beside their floors.

    .venv/bin/python benchmarks/bench_sync.py [--workers 57543] [--hub-db sqlite|postgresql] [--pg-url URL]
    .venv/bin/python benchmarks/bench_sync.py --laptops 4 --hub-processes 2   # several hub processes

- 57,543 records pushed from one laptop (``lindung sync``) to a hub on PostgreSQL over loopback (two
  hub processes unless ``--hub-processes`` says otherwise): <= 8 s;
- the same pulled into an empty laptop: <= 5 s;
- a sync with nothing to do: <= 0.2 s.
Each is printed with the ratio to its floor measured in the same run on the same PostgreSQL: the hub's
own rows written with COPY and with batched INSERTs (push), and selected back (pull).
PostgreSQL is started for the run with scripts/postgres (a throwaway cluster, on PGTEST_PORT when set),
or ``--pg-url`` names a running server (a database is made for the run and dropped after).

With ``--laptops K`` the records are split over K laptops that push at the same moment (each its own
``lindung sync`` process) to ``--hub-processes N`` hub processes on the one database, then one empty
laptop pulls everything; the hub must end with every record exactly once.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import OUT, ROOT, copy_database, demo_database  # noqa: E402


def laptop_db(workers: int) -> Path:
    return demo_database(f"sync-{workers}", workers, seed=57)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=57_543)
    parser.add_argument("--hub-db", choices=["sqlite", "postgresql"], default="postgresql")
    parser.add_argument("--laptops", type=int, default=1, help="push from K laptops at once")
    parser.add_argument("--hub-processes", type=int, default=2,
                        help="serve --workers N (2, as a hub runs: it checks one batch while it writes another)")
    parser.add_argument("--pg-url", help="a running PostgreSQL server (postgresql+psycopg://user@host:port/db)")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    source = laptop_db(args.workers)
    scratch = Path(tempfile.mkdtemp(prefix="lindung-bench-sync-"))
    scratch.chmod(0o755)  # the PostgreSQL cluster inside runs as the postgres user
    pgdir = scratch / "pg"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")}
    own_server = args.hub_db == "postgresql" and not args.pg_url
    if args.pg_url:
        url = fresh_database(args.pg_url)
    elif own_server:
        url = subprocess.run(["bash", str(ROOT / "scripts" / "postgres"), "start", str(pgdir)], check=True,
                             capture_output=True, text=True, env={**env, "PGTEST_PORT": os.environ.get("PGTEST_PORT") or str(free_port())}).stdout.strip()
    else:
        url = f"sqlite:///{scratch / 'hub.sqlite3'}"
    port = free_port()
    subprocess.run([sys.executable, "-m", "hub.cli", "--db", url, "init"], check=True, env=env)
    hub = subprocess.Popen([sys.executable, "-m", "hub.cli", "--db", url, "serve", "--port", str(port),
                            "--workers", str(args.hub_processes)], env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        while True:
            try:
                httpx.get(base + "/health", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.05)

        def code(name):
            return subprocess.run([sys.executable, "-m", "hub.cli", "--db", url, "device-code", "--name", name],
                                  check=True, capture_output=True, text=True, env=env).stdout.strip().splitlines()[-1]

        from desktop.services.workspace import Workspace
        from desktop.sync.client import register, sync

        if args.laptops > 1:
            several(args, scratch, base, code, env)
            return
        sender_path = scratch / "sender.sqlite3"
        copy_database(source, sender_path)
        sender = Workspace(sender_path)
        register(sender, base, code("sender"))
        import desktop.sync.client as client_module

        spent = {"prepare": 0.0, "acknowledge": 0.0}
        for name in spent:
            original = getattr(client_module, "_" + name)

            def timed(*a, _f=original, _n=name, **k):
                started = time.perf_counter()
                try:
                    return _f(*a, **k)
                finally:
                    spent[_n] += time.perf_counter() - started
            setattr(client_module, "_" + name, timed)
        t = time.perf_counter()
        report = sync(sender)
        push_s = time.perf_counter() - t
        assert report.pushed == args.workers, report.summary()
        print(f"hub on {args.hub_db}, {args.hub_processes} processes: pushed {report.pushed:,} records in {push_s:.1f} s "
              f"({report.pushed / push_s:,.0f} a second; on the laptop: preparing {spent['prepare']:.1f} s, "
              f"recording acknowledgements {spent['acknowledge']:.1f} s, overlapping the hub's work)  "
              f"[{report.summary()}]")

        receiver = Workspace(scratch / "receiver.sqlite3")
        register(receiver, base, code("receiver"))
        t = time.perf_counter()
        report = sync(receiver)
        pull_s = time.perf_counter() - t
        assert report.pulled == args.workers, report.summary()
        print(f"pulled {report.pulled:,} records into an empty laptop in {pull_s:.1f} s  [{report.summary()}]")
        if args.hub_db == "postgresql":
            floors(url, push_s, pull_s)
        laptop_floor(receiver, scratch / "floor.sqlite3", pull_s)

        idle = []
        for _ in range(10):
            t = time.perf_counter()
            report = sync(sender)
            idle.append(time.perf_counter() - t)
        print(f"sync with nothing to do: median {sorted(idle)[5] * 1000:.0f} ms, worst {max(idle) * 1000:.0f} ms "
              f"[{report.summary()}]")
        sender.close()
        receiver.close()
    finally:
        hub.terminate()
        hub.wait(timeout=30)
        if own_server:
            subprocess.run(["bash", str(ROOT / "scripts" / "postgres"), "stop", str(pgdir)], env=env)
        elif args.pg_url:
            drop_database(url)
        shutil.rmtree(scratch, ignore_errors=True)


def _connect(url: str, database: str | None = None):
    import psycopg
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return psycopg.connect(host=parsed.host, port=parsed.port, user=parsed.username, password=parsed.password,
                           dbname=database or parsed.database, autocommit=True)


def fresh_database(url: str) -> str:
    import uuid

    from sqlalchemy.engine import make_url

    name = "bench_" + uuid.uuid4().hex[:10]
    with _connect(url) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    from sqlalchemy.engine import make_url

    with _connect(url, "postgres") as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {make_url(url).database} WITH (FORCE)")


def floors(url: str, push_s: float, pull_s: float) -> None:
    """The floors of push and pull on this PostgreSQL, now: the hub's own rows written again with COPY
    and with batched INSERTs (500 a statement, as the laptop sends them), and all of them selected."""
    with _connect(url) as connection:
        names = [r[0] for r in connection.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'records' ORDER BY ordinal_position")]
        rows = connection.execute(f"SELECT {', '.join(names)} FROM records").fetchall()
        columns = ", ".join(names)
        timings = {}
        for how in ("copy", "insert"):
            connection.execute("DROP TABLE IF EXISTS floor_records")
            connection.execute("CREATE TABLE floor_records (LIKE records INCLUDING ALL)")
            t = time.perf_counter()
            with connection.transaction():
                with connection.cursor() as cursor:
                    if how == "copy":
                        with cursor.copy(f"COPY floor_records ({columns}) FROM STDIN") as copy:
                            for row in rows:
                                copy.write_row(row)
                    else:
                        marks = ", ".join(["%s"] * len(names))
                        for start in range(0, len(rows), 500):
                            cursor.executemany(f"INSERT INTO floor_records ({columns}) VALUES ({marks})",
                                               rows[start:start + 500])
            timings[how] = time.perf_counter() - t
        connection.execute("DROP TABLE floor_records")
        t = time.perf_counter()
        selected = connection.execute("SELECT seq, revision, data FROM records ORDER BY seq").fetchall()
        timings["select"] = time.perf_counter() - t
    print(f"floors now, {len(rows):,} rows: COPY {timings['copy']:.2f} s, batched INSERT {timings['insert']:.2f} s, "
          f"SELECT {timings['select']:.2f} s ({len(selected):,} rows)")
    print(f"push / COPY floor {push_s / timings['copy']:.1f}, push / INSERT floor {push_s / timings['insert']:.1f} "
          f"(goal: push <= 8 s); pull / SELECT floor {pull_s / timings['select']:.1f} (goal: pull <= 5 s)")


def laptop_floor(receiver, path: Path, pull_s: float) -> None:
    """The laptop's floor of a pull: the pulled rows (schools, workers, search index, history) written again in
    one transaction into an empty encrypted database of the same schema."""
    from desktop.services.workspace import Workspace

    with receiver.read() as tx:
        tables = {name: tx.all(f"SELECT * FROM {name}") for name in ("schools", "workers", "worker_changes")}
        columns = {name: [c[1] for c in tx.all(f"PRAGMA table_info({name})")] for name in tables}
    target = Workspace(path)
    with target.write() as tx:       # the demo schools a new database starts with
        tx.execute("DELETE FROM schools")
    t = time.perf_counter()
    with target.write() as tx:
        for name, rows in tables.items():
            marks = ", ".join("?" * len(columns[name]))
            tx.executemany(f"INSERT INTO {name} ({', '.join(columns[name])}) VALUES ({marks})", rows)
        tx.execute("INSERT INTO workers_fts(rowid, full_name) SELECT id, full_name FROM workers")
    floor_s = time.perf_counter() - t
    target.close()
    print(f"laptop floor now: the same {len(tables['workers']):,} rows written into an empty laptop database in one "
          f"transaction {floor_s:.2f} s; pull / laptop floor {pull_s / floor_s:.1f}")


def several(args, scratch: Path, base: str, code, env: dict[str, str]) -> None:
    """K laptops pushing at once to N hub processes, then one empty laptop pulling everything."""
    from desktop.services.workspace import Workspace
    from desktop.sync.client import register, sync

    share = args.workers // args.laptops
    paths = []
    for i in range(args.laptops):
        path = scratch / f"laptop-{i}.sqlite3"
        copy_database(demo_database(f"sync-{share}-laptop{i}", share, seed=570 + i), path)
        ws = Workspace(path)
        register(ws, base, code(f"laptop-{i}"))
        ws.close()
        paths.append(path)
    t = time.perf_counter()
    running = [subprocess.Popen([sys.executable, "-m", "desktop", "--db", str(p), "sync"], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for p in paths]
    outputs = [proc.communicate() for proc in running]
    push_s = time.perf_counter() - t
    for proc, (out, err) in zip(running, outputs, strict=True):
        assert proc.returncode == 0, err
    summaries = [out.splitlines()[0] for out, _err in outputs]
    pushed = sum(int(line.split()[1].rstrip(",")) for line in summaries)
    total = share * args.laptops
    print(f"{args.laptops} laptops pushing at once to {args.hub_processes} hub processes on {args.hub_db}: "
          f"{pushed:,} records in {push_s:.1f} s ({pushed / push_s:,.0f} a second)")
    receiver = Workspace(scratch / "receiver.sqlite3")
    register(receiver, base, code("receiver"))
    t = time.perf_counter()
    report = sync(receiver)
    pull_s = time.perf_counter() - t
    print(f"pulled {report.pulled:,} records into an empty laptop in {pull_s:.1f} s  [{report.summary()}]; "
          f"hub holds {report.hub_records:,} (expected {total:,}), counts match: {report.counts_match}")
    assert pushed == total and report.hub_records == total and report.counts_match
    receiver.close()


if __name__ == "__main__":
    main()

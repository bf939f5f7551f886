"""A hub for a national programme (issue 17): two million records over many provinces, 500 laptops.

    .venv/bin/python benchmarks/bench_hub_scale.py [--records 2000000] [--scope 20000] [--pg-url URL]
                                                   [--concurrent 50] [--keep]

Two hub databases are bulk-loaded with COPY (tests/hubload.py; nothing is pushed one by one): one
holding only a 20,000-record scope (Kota Pontianak, the records of a printer or branch laptop registered
with ``--kabupaten 6171``), one holding the same 20,000 among two million records of Kalimantan Barat and
34 other provinces, with 500 registered laptops. Against each, with one hub process:

- the first pull of the scope into an empty laptop (goal <= 5 s),
- a sync with nothing to do (median of 10; goal <= 100 ms),
- a push of 1,000 new records (goal <= 1.5 s),

each within 20 % of the same on the small hub; and the hub process's memory after them (flat: it
must not grow with the total). Then 50 laptops, each with its own area, sync at once against
``serve --workers 2`` on the big hub, each pushing 100 new records (some with a NIK enrolled outside
its area, some with a NIK another of them pushes at the same moment): every laptop must end level
with its scope, nothing lost, every duplicate flagged; the time each took is printed.

PostgreSQL is started with scripts/postgres (on PGTEST_PORT when set) unless ``--pg-url`` names a
server; the databases are dropped at the end unless ``--keep`` (then a second run reuses them).
Takes a few minutes, most of it the load; not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT  # noqa: E402

from tests import hubload  # noqa: E402

SCOPE_KABUPATEN = "6171"
LAPTOPS = 500
ENV = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")}


def regions():
    from desktop.domain.regions import RegionCatalog
    from desktop.paths import REGIONS_CSV
    from desktop.services.workspace import read_regions_csv

    return RegionCatalog.from_rows(read_regions_csv(REGIONS_CSV))


def database(server: str, name: str, keep: bool) -> tuple[str, bool]:
    """The URL of database ``name`` on ``server``, and whether it already holds a finished load."""
    from sqlalchemy.engine import make_url

    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    with hubload.connect(make_url(server).set(database="postgres").render_as_string(hide_password=False)) as c:
        exists = c.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None
        if exists and keep:
            with hubload.connect(url) as d:
                done = d.execute("SELECT to_regclass('bench_loaded') IS NOT NULL").fetchone()[0]
            if done:
                return url, True
        c.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORMAT)".replace("FORMAT", "FORCE"))
        c.execute(f"CREATE DATABASE {name}")
    return url, False


def load(url: str, total: int, scope: int, catalog) -> float:
    """Fill a hub database: ``scope`` records in Kota Pontianak spread evenly among ``total`` (the
    rest over the other kabupaten of Kalbar and 34 provinces), 500 laptops. Returns seconds."""
    from hub.db import HubDatabase

    HubDatabase(url).close()          # the schema, by the hub's own migrations
    here = hubload.kalbar_places(catalog, SCOPE_KABUPATEN)
    elsewhere = [p for p in hubload.kalbar_places(catalog) if p.kabupaten != SCOPE_KABUPATEN]
    for province in hubload.PROVINCES:
        elsewhere += hubload.numbered_places(province)
    kecamatan = sorted({p.kecamatan for p in elsewhere if p.kabupaten.startswith("61")})
    scopes = [("area", ",".join(kecamatan[i % len(kecamatan)] for i in range(n, n + 3))) for n in range(0, 300, 3)]
    scopes += [("kabupaten", "6101,6102"), ("school", "69800001"), (None, None)]
    every = max(1, total // scope)

    def rows():
        other = scope
        for seq in range(1, total + 1):
            if seq % every == 0 and seq // every <= scope:
                number = seq // every - 1                      # the scope's records: the same in both hubs
                yield number, here[number % len(here)], seq
            else:
                yield other, elsewhere[other % len(elsewhere)], seq
                other += 1

    started = time.perf_counter()
    with hubload.connect(url) as c:
        hubload.load_devices(c, LAPTOPS, scopes)
        with hubload.without_indexes(c, "records"):
            hubload.load_rows(c, rows(), LAPTOPS)
        c.execute("VACUUM ANALYZE")
        c.execute("CREATE TABLE bench_loaded (at timestamp)")
    return time.perf_counter() - started


class HubProcess:
    def __init__(self, url: str, workers: int = 1):
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = url
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen([sys.executable, "-m", "hub.cli", "--db", url, "serve", "--port", str(self.port),
                                      "--workers", str(workers)], env=ENV, cwd=ROOT, stdout=subprocess.DEVNULL)
        while True:
            try:
                httpx.get(self.base + "/health", timeout=1)
                return
            except httpx.HTTPError:
                if self.proc.poll() is not None:
                    raise SystemExit("the hub did not start")
                time.sleep(0.05)

    def code(self, name: str, *options: str) -> str:
        proc = subprocess.run([sys.executable, "-m", "hub.cli", "--db", self.url, "device-code", "--name", name,
                               *options], env=ENV, cwd=ROOT, capture_output=True, text=True, check=True)
        return proc.stdout.strip().splitlines()[-1]

    def pids(self) -> list[int]:
        """The server's process and its workers'."""
        return [self.proc.pid] + [int(p) for p in Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
                                  .read_text().split()]

    def cpu(self) -> float:
        """CPU seconds the hub's processes have used."""
        ticks = os.sysconf("SC_CLK_TCK")
        return sum(sum(int(f) for f in Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[11:13])
                   for pid in self.pids()) / ticks

    def memory(self) -> tuple[float, float]:
        """Resident and peak memory of the hub's processes (MB): the largest of the server and its workers."""
        rss = peak = 0.0
        for pid in self.pids():
            fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                          if ":" in line)
            rss = max(rss, int(fields["VmRSS"].split()[0]) / 1024)
            peak = max(peak, int(fields["VmHWM"].split()[0]) / 1024)
        return rss, peak

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def measure(url: str, scratch: Path, label: str, scope: int) -> dict[str, float]:
    """First pull of the scope, idle syncs, a push of 1,000, memory: against one hub process."""
    from desktop.services.accounts import SYSTEM
    from desktop.services.demo import make_workers
    from desktop.services.enrollment import enroll_many
    from desktop.services.workspace import Workspace
    from desktop.sync.client import register, sync

    hub = HubProcess(url)
    try:
        ws = Workspace(scratch / f"{label}-{time.time_ns()}.sqlite3")
        register(ws, hub.base, hub.code(f"Kantor {label}", "--role", "printer", "--kabupaten", SCOPE_KABUPATEN))
        t = time.perf_counter()
        report = sync(ws)
        pull_s = time.perf_counter() - t
        assert report.pulled + report.duplicates == report.hub_records >= scope, report
        assert report.counts_match and not report.full_resync, report
        idle = []
        for _ in range(10):
            t = time.perf_counter()
            report = sync(ws)
            idle.append(time.perf_counter() - t)
            assert report.pulled == 0 and report.counts_match
        sender = Workspace(scratch / f"{label}-sender-{time.time_ns()}.sqlite3")
        register(sender, hub.base, hub.code(f"Relawan {label}", "--area", "617101"))
        sync(sender)
        pushes = []
        for _ in range(3):                         # the median of three pushes of 1,000 new people
            with sender.read() as tx:     # new to its area (a run before may have pushed some)
                taken = set(tx.column("SELECT nik FROM workers"))
            enroll_many(sender, make_workers(sender, 1000, seed=time.time_ns() % 100_000, taken=taken), SYSTEM)
            t = time.perf_counter()
            report = sync(sender)
            pushes.append(time.perf_counter() - t)
            assert report.pushed == 1000 and report.counts_match, report
        push_s = statistics.median(pushes)
        rss, peak = hub.memory()
        ws.close()
        sender.close()
    finally:
        hub.stop()
    figures = {"pull": pull_s, "idle": statistics.median(idle), "push": push_s, "rss": rss, "peak": peak}
    print(f"  {label:<28} first pull {pull_s:5.2f} s   idle sync {figures['idle'] * 1000:4.0f} ms   "
          f"push 1,000 {push_s:5.2f} s   hub memory {rss:4.0f} MB (peak {peak:.0f} MB)", flush=True)
    return figures


def at_once(url: str, scratch: Path, count: int, scope: int, total: int, catalog) -> None:
    """``count`` laptops with their own areas sync at once against two hub processes, each pushing 100
    new records: one of them a person the next laptop enrolls too (pushed at the same moment), one a
    NIK the hub holds outside its area."""
    from desktop.services.accounts import SYSTEM
    from desktop.services.demo import make_workers
    from desktop.services.enrollment import enroll_many
    from desktop.services.workspace import Workspace
    from desktop.sync.client import register

    kecamatan = sorted({p.kecamatan for p in hubload.kalbar_places(catalog) if p.kabupaten != SCOPE_KABUPATEN})
    elsewhere = [p for p in hubload.kalbar_places(catalog) if p.kabupaten != SCOPE_KABUPATEN]
    for province in hubload.PROVINCES:
        elsewhere += hubload.numbered_places(province)
    hub = HubProcess(url, workers=2)
    with hubload.connect(url) as c:
        before = c.execute("SELECT value FROM counters WHERE name = 'changes'").fetchone()[0]
        since = c.execute("SELECT now() AT TIME ZONE 'UTC'").fetchone()[0]
    run = time.time_ns() % 1_000_000          # each run its own people (a kept database holds the last run's)
    try:
        batches = []
        for i in range(count):
            ws = Workspace(scratch / f"laptop-{i}.sqlite3")
            batches.append(make_workers(ws, 100, seed=run * 100 + i))
            ws.close()
        shared = []
        for i, raws in enumerate(batches):
            twin = dict(batches[(i + 1) % count][0])             # the next laptop's first person, enrolled here too
            raws[1] = twin
            shared.append(twin["nik"])
            number = scope + (run * 7919 + 13 * i) % (total - scope)   # a loaded record outside this laptop's area
            _row, data = hubload.record(number, elsewhere[number % len(elsewhere)], number % LAPTOPS, 1)
            held = json.loads(data)
            raws[2] = dict(raws[2], nik=held["nik"], birth_date=held["birth_date"], sex=held["sex"])
        paths = []
        for i, raws in enumerate(batches):
            path = scratch / f"laptop-{i}.sqlite3"
            ws = Workspace(path)
            register(ws, hub.base, hub.code(f"Relawan {i}", "--area", kecamatan[(i * 7) % len(kecamatan)]))
            assert len(enroll_many(ws, raws, SYSTEM).records) == 100
            ws.close()
            paths.append(path)
        cpu_before = hub.cpu()
        t0 = time.perf_counter()
        running = [(time.perf_counter(), subprocess.Popen(
            [sys.executable, "-m", "desktop", "--db", str(p), "sync"], env=ENV, cwd=ROOT,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)) for p in paths]
        took, outputs = [], []
        for started, proc in running:
            out, err = proc.communicate()
            took.append(time.perf_counter() - started)
            outputs.append((proc.returncode, out, err))
        wall = time.perf_counter() - t0
        hub_cpu = hub.cpu() - cpu_before
    finally:
        hub.stop()
    failed = [err for code, _out, err in outputs if code != 0]
    assert not failed, failed[:3]
    level = sum("Jumlah data berbeda" not in out for _code, out, _err in outputs)
    told = sum("sudah terdaftar di wilayah lain" in err for _code, _out, err in outputs)
    pushed = sum(int(out.split()[1].rstrip(",")) for _code, out, _err in outputs)
    pulled = [int(out.split()[3].rstrip(",")) for _code, out, _err in outputs]
    with hubload.connect(url) as c:
        new = c.execute("SELECT count(*) FROM records WHERE created_seq > %s", (before,)).fetchone()[0]
        pairs = c.execute("SELECT count(DISTINCT nik) FROM possible_duplicates WHERE nik = ANY(%s)",
                          (shared,)).fetchone()[0]
        flagged = c.execute("SELECT count(*) FROM possible_duplicates WHERE created_at >= %s",
                            (since,)).fetchone()[0]
    print(f"  {count} laptops at once against serve --workers 2: all done in {wall:.1f} s; each took "
          f"{min(took):.1f}-{max(took):.1f} s (median {statistics.median(took):.1f} s), pulling "
          f"{min(pulled):,}-{max(pulled):,} records of its area and pushing 100; the hub's processes used "
          f"{hub_cpu:.1f} s of CPU for all of them", flush=True)
    print(f"  pushed {pushed:,}, the hub holds {new:,} new ({count * 100:,} expected); level with their scope "
          f"(count check): {level} of {count}; told 'NIK ini sudah terdaftar di wilayah lain': {told} of {count}; "
          f"shared NIKs flagged: {pairs} of {count}; pairs flagged in all: {flagged} ({2 * count} expected)",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=2_000_000)
    parser.add_argument("--scope", type=int, default=20_000)
    parser.add_argument("--concurrent", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3, help="measurements of each hub, taking turns")
    parser.add_argument("--pg-url", help="a running PostgreSQL server (postgresql+psycopg://user@host:port/db)")
    parser.add_argument("--keep", action="store_true", help="keep the loaded databases (a next run reuses them)")
    args = parser.parse_args()
    catalog = regions()
    scratch = Path(tempfile.mkdtemp(prefix="lindung-bench-scale-"))
    scratch.chmod(0o755)
    server, pgdir = args.pg_url, scratch / "pg"
    if not server:
        server = subprocess.run(["bash", str(ROOT / "scripts" / "postgres"), "start", str(pgdir)], check=True,
                                capture_output=True, text=True,
                                env={**ENV, "PGTEST_PORT": os.environ.get("PGTEST_PORT", "55432")}).stdout.strip()
    try:
        small, small_ready = database(server, f"scale_{args.scope}", args.keep)
        big, big_ready = database(server, f"scale_{args.records}", args.keep)
        for url, ready, total in ((small, small_ready, args.scope), (big, big_ready, args.records)):
            if not ready:
                seconds = load(url, total, args.scope, catalog)
                print(f"loaded {total:,} records and {LAPTOPS} laptops with COPY in {seconds:.0f} s", flush=True)
        print(f"the same laptops against a hub holding only the scope and one holding {args.records:,}, "
              f"{args.rounds} rounds taking turns (the medians compared):")
        rounds: dict[str, list[dict[str, float]]] = {"few": [], "many": []}
        for _ in range(args.rounds):
            rounds["few"].append(measure(small, scratch, f"{args.scope:,} records", args.scope))
            rounds["many"].append(measure(big, scratch, f"{args.records:,} records", args.scope))
        few, many = ({what: (max if what in ("rss", "peak") else statistics.median)([r[what] for r in taken])
                      for what in taken[0]} for taken in (rounds["few"], rounds["many"]))
        for what, goal in (("pull", 5.0), ("idle", 0.1), ("push", 1.5)):
            ratio = many[what] / few[what]
            print(f"  {what}: {many[what]:.3f} s on the big hub (goal <= {goal} s), {ratio:.2f} x the small hub's "
                  f"(goal <= 1.2)")
        print(f"  hub memory: {many['rss']:.0f} MB with {args.records:,} records, {few['rss']:.0f} MB with "
              f"{args.scope:,} ({many['rss'] / few['rss']:.2f} x)")
        at_once(big, scratch, args.concurrent, args.scope, args.records, catalog)
    finally:
        if not args.keep:
            from sqlalchemy.engine import make_url

            with hubload.connect(make_url(server).set(database="postgres").render_as_string(hide_password=False)) as c:
                for url in (small, big):
                    c.execute(f"DROP DATABASE IF EXISTS {make_url(url).database} WITH (FORCE)")
        if not args.pg_url:
            subprocess.run(["bash", str(ROOT / "scripts" / "postgres"), "stop", str(pgdir)], env=ENV)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()

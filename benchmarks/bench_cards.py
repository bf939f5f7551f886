"""Speed goals of card printing (issue 4), printed as figures.

    .venv/bin/python benchmarks/bench_cards.py [--skip-large]

- 3,533 cards (the seed agreement) in the A4 layout, the whole ``lindung cards`` command: <= 4 times
  the floor, ReportLab drawing the same cards' text (no QR code, no artwork) in one process, both
  measured in this run (medians of ``--runs``, alternating, with the load average; issue 18);
- the same 3,533 cards the window's way (in-process, a worker thread alive, so the render pool is
  spawned as on Windows): <= 4 times the same floor (issue 27);
- 57,543 cards (the branch's 2023 figure): <= 60 s, with memory that does not grow with the batch
  (peak memory of the whole process tree is sampled while the cards are written).
Databases are built once in benchmarks/out/.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import OUT, ROOT, compare, demo_database, run_timed  # noqa: E402

# The floor: ReportLab drawing plain text cards, the text a card carries (name, seven values, the
# back's registration number) on A4 sheets of ten, fronts then backs, in one process: what drawing
# 3,533 cards costs before any QR code, signature, artwork, database or parallel work.
PLAIN_CARDS = r"""
import sys
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

out, count = sys.argv[1], int(sys.argv[2])
W, H = 85.6 * mm, 53.98 * mm
c = Canvas(out, pagesize=(210 * mm, 297 * mm), pageCompression=1)
values = ("7K3QMX-{:06d}-1", "617101******0001", "17-08-1980", "Kota Pontianak", "JKK, JKM",
          "24-11-2026 s.d. 23-11-2027", "BAZNAS (dana zakat)")
for start in range(0, count, 10):
    for side in ("front", "back"):
        for i in range(min(10, count - start)):
            row, column = divmod(i, 2)
            x, y = 19.4 * mm + column * W, 297 * mm - 13.55 * mm - (row + 1) * H
            n = start + i
            if side == "front":
                c.setFont("Helvetica-Bold", 9.5)
                c.drawString(x + 4 * mm, y + H - 14.6 * mm, f"PESERTA {n} BINTI ABDULLAH")
                for k, text in enumerate(values):
                    c.setFont("Helvetica", 5.8)
                    c.drawString(x + 4 * mm, y + H - 22.2 * mm - k * 4.35 * mm, text.format(n))
            else:
                c.setFont("Helvetica", 4.6)
                c.drawString(x + 4 * mm, y + 8.8 * mm, f"No. Registrasi 7K3QMX-{n:06d}-1")
        c.showPage()
c.save()
"""


def database(workers: int) -> Path:
    return demo_database(f"cards-{workers}", workers, seed=2023)


def _anon_bytes(pid: int) -> int:
    """Anonymous resident memory (RssAnon): what the process holds, not file pages it maps."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("RssAnon:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class TreeMemory:
    """Peak resident memory of a process and its children, sampled every 50 ms: all of it (RSS) and
    the anonymous part (file pages the PDF joiner maps are page cache the kernel can drop)."""

    def __init__(self, pid: int):
        self.process = psutil.Process(pid)
        self.peak = 0
        self.peak_anon = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.process] + self.process.children(recursive=True)
                self.peak = max(self.peak, sum(p.memory_info().rss for p in procs if p.is_running()))
                self.peak_anon = max(self.peak_anon, sum(_anon_bytes(p.pid) for p in procs))
            except psutil.Error:
                pass
            self._stop.wait(0.05)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def run_cards(db: Path, out: Path) -> tuple[float, float, float, str]:
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "desktop", "--db", str(db), "cards", str(out), "--layout", "a4",
                             "--reason", "benchmark"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    with TreeMemory(proc.pid) as memory:
        stdout, stderr = proc.communicate()
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(stderr)
    return elapsed, memory.peak / 2**20, memory.peak_anon / 2**20, stdout.strip()


def print_memory(size: int, runs: list[tuple[float, float, float, str]]) -> None:
    pdf = OUT / f"cards-{size}.pdf"
    print(f"  {size:,} cards: best {min(r[0] for r in runs):.2f} s, worst {max(r[0] for r in runs):.2f} s; "
          f"peak memory of the process tree {max(r[1] for r in runs):.0f} MB RSS, "
          f"{max(r[2] for r in runs):.0f} MB anonymous; {pdf.stat().st_size / 2**20:.1f} MB PDF  [{runs[-1][3]}]")


def window_path(db: Path, out: Path) -> float:
    """Seconds of the window's way of printing: ``cards.print_cards`` in this process, on a worker thread
    while the main thread waits (``bench_membership.in_worker``), so the render pool is spawned as in the
    window and on Windows, never forked; a preview (``record=False``), so every run prints the same."""
    from bench_membership import in_worker

    from desktop.domain.actors import SYSTEM
    from desktop.domain.records import SearchQuery
    from desktop.services import cards
    from desktop.services.workspace import Workspace

    ws = Workspace(db)
    try:
        started = time.perf_counter()
        in_worker(cards.print_cards, ws, SearchQuery(), out, "a4", SYSTEM, record=False)
        return time.perf_counter() - started
    finally:
        ws.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    db = database(3533)
    runs: list[tuple[float, float, float, str]] = []

    def lindung() -> float:
        runs.append(run_cards(db, OUT / "cards-3533.pdf"))
        return runs[-1][0]

    compare("3,533 cards, A4 (`lindung cards`, whole command incl. start-up)", lindung,
            "ReportLab drawing 3,533 plain text cards (one process)",
            lambda: run_timed([sys.executable, "-c", PLAIN_CARDS, str(OUT / "plain-3533.pdf"), "3533"]),
            args.runs, goal_ratio=4)
    print_memory(3533, runs)
    compare("3,533 cards, A4, the window's way (in-process on a worker thread, render pool spawned)",
            lambda: window_path(db, OUT / "cards-3533-window.pdf"),
            "ReportLab drawing 3,533 plain text cards (one process)",
            lambda: run_timed([sys.executable, "-c", PLAIN_CARDS, str(OUT / "plain-3533.pdf"), "3533"]),
            args.runs, goal_ratio=4)
    if not args.skip_large:
        db = database(57543)
        print_memory(57543, [run_cards(db, OUT / "cards-57543.pdf")])


if __name__ == "__main__":
    main()

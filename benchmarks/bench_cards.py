"""Speed goals of card printing (issue 4), printed as figures.

    .venv/bin/python benchmarks/bench_cards.py [--skip-large]

- 3,533 cards (the seed agreement) in the A4 layout: <= 5 s on this machine;
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
from _common import OUT, ROOT, demo_database  # noqa: E402


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    sizes = [3533] + ([] if args.skip_large else [57543])
    for size in sizes:
        db = database(size)
        runs = [run_cards(db, OUT / f"cards-{size}.pdf") for _ in range(args.runs if size < 10000 else 1)]
        best = min(runs)
        pdf = OUT / f"cards-{size}.pdf"
        print(f"{size:,} cards, A4 (`lindung cards`, whole command incl. start-up): "
              f"best {best[0]:.2f} s, worst {max(r[0] for r in runs):.2f} s; "
              f"peak memory of the process tree {max(r[1] for r in runs):.0f} MB RSS, "
              f"{max(r[2] for r in runs):.0f} MB anonymous; {pdf.stat().st_size / 2**20:.1f} MB PDF  [{best[3]}]")


if __name__ == "__main__":
    main()

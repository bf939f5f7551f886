"""Start-up of a command (issue 18), printed as figures.

    .venv/bin/python benchmarks/bench_startup.py [--runs 3]

- ``lindung list --query X`` (a command's start, a database of 3,533 workers, no account yet):
  <= 0.35 s, beside the floor ``python -c "import sqlcipher3"`` measured in the same run (medians of
  ``--runs``, alternating, with the load average);
- the same signed in (``--user admin``, the password unlocks the database key): printed, no goal
  (Argon2id, 64 MiB and 3 passes, is most of it by design).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ADMIN_PASSWORD, OUT, compare, copy_database, demo_database, run_timed  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    floor = ("python -c \"import sqlcipher3\"", lambda: run_timed([sys.executable, "-c", "import sqlcipher3"]))
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")}

    plain = OUT / "startup.sqlite3"
    copy_database(demo_database("cards-3533", 3533, seed=2023), plain)
    compare("`lindung list --query X`, no account (a command's start)",
            lambda: run_timed([sys.executable, "-m", "desktop", "--db", str(plain), "list", "--query", "X"], env),
            *floor, args.runs, goal_seconds=0.35)

    signed = OUT / "startup-signed.sqlite3"
    copy_database(demo_database("startup-admin", 3533, seed=2023, admin_password=ADMIN_PASSWORD), signed)
    compare("`lindung --user admin list --query X`, signed in",
            lambda: run_timed([sys.executable, "-m", "desktop", "--db", str(signed), "--user", "admin", "list",
                               "--query", "X"], {**env, "LINDUNG_PASSWORD": ADMIN_PASSWORD}),
            *floor, args.runs)


if __name__ == "__main__":
    main()

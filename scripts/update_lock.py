"""Move requirements/lock.txt forward: the exact versions `scripts/start.py`, `scripts/test.py` and a
server install (docs/operations.md) get. Run it on a schedule (the first working day of each month), then
`python3 scripts/test.py`, and commit the lock only when the suite passes:

    python3 scripts/update_lock.py            # every package to its newest release pyproject.toml allows
    python3 scripts/update_lock.py --keep     # after editing pyproject.toml: keep the pins, add what is new
    python3 scripts/update_lock.py --package fastapi   # one package (and what it needs) forward

The lock is resolved once for every platform and Python the README promises (uv's universal mode, the
floor Python 3.11): a Windows-only requirement appears with its marker. uv is installed into a throwaway
folder from the package registry; nothing else on the machine changes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements" / "lock.txt"
# Every extra but postgres-server (a PostgreSQL in a wheel, only where no system one can be installed).
EXTRAS = ["app", "hub", "test", "bundle"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", action="store_true", help="keep the locked versions; only resolve what is new")
    parser.add_argument("--package", action="append", default=[], help="move only this package forward")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="lindung-uv-") as tmp:
        subprocess.run([sys.executable, "-m", "venv", tmp], check=True)
        bin_dir = Path(tmp) / ("Scripts" if os.name == "nt" else "bin")
        subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "uv"], check=True)
        command = [str(bin_dir / "uv"), "pip", "compile", "pyproject.toml", "--universal", "--python-version", "3.11",
                   "--output-file", str(LOCK.relative_to(ROOT)),
                   "--custom-compile-command", "python3 scripts/update_lock.py"]
        for extra in EXTRAS:
            command += ["--extra", extra]
        if args.package:
            command += [arg for name in args.package for arg in ("--upgrade-package", name)]
        elif not args.keep:
            command.append("--upgrade")
        LOCK.parent.mkdir(exist_ok=True)
        result = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL)
    if result.returncode == 0:
        print(f"{LOCK.relative_to(ROOT)} written; now run `python3 scripts/test.py` and commit it if the suite passes",
              file=sys.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

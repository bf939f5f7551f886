"""Build the standalone Lindung folder for this system: dist/Lindung/ with Python, Qt, the app and
its resources, made by PyInstaller from packaging/lindung.spec.

    python scripts/build_bundle.py            (Linux, macOS: .venv/bin/python …; Windows: .venv\\Scripts\\python …)

Run it with the Python of a venv where Lindung is installed with the bundle extra
(``pip install -e .[bundle]``). The same script and spec build the Windows folder on Windows and the
macOS one on a Mac; PyInstaller does not build for another system. Prints the folder's size and
the build time at the end.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "lindung.spec"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def executable(dist: Path) -> Path:
    name = "Lindung.exe" if sys.platform == "win32" else "lindung"
    return dist / "Lindung" / name


def check_schema_head() -> None:
    """A database at the packaged revision opens without Alembic: that revision must be Alembic's head."""
    sys.path.insert(0, str(ROOT))
    from desktop.storage.engine import HEAD_REVISION, head_revision

    head = head_revision()
    if head != HEAD_REVISION:
        sys.exit(f"desktop/storage/engine.py names schema revision {HEAD_REVISION} but the newest migration is "
                 f"{head}: set HEAD_REVISION = \"{head}\"")


def build(dist: Path, work: Path, quiet: bool = False) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        sys.exit("PyInstaller is missing: install the bundle extra first, pip install -e \".[bundle]\"")
    check_schema_head()
    target = dist / "Lindung"
    if target.exists():
        shutil.rmtree(target)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", str(dist),
               "--workpath", str(work), str(SPEC)]
    if quiet:
        command[3:3] = ["--log-level", "WARN"]
    subprocess.run(command, cwd=ROOT, check=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    exe = executable(dist)
    if not exe.exists():
        sys.exit(f"the build did not produce {exe}")
    return exe


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where Lindung/ is written (default dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's scratch folder")
    parser.add_argument("--quiet", action="store_true", help="only PyInstaller's warnings")
    args = parser.parse_args(argv)
    started = time.monotonic()
    exe = build(args.dist.resolve(), args.work.resolve(), args.quiet)
    size = folder_size(exe.parent)
    print(f"built {exe} in {time.monotonic() - started:.0f} s; folder {size / 1e6:.0f} MB", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

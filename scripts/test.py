"""Install Lindung with its test extras into .venv (first time) and run the whole test suite, headless, on
every core (pytest-xdist): `python scripts/test.py [pytest arguments]` on Linux, Windows and macOS.

What it installs when missing: the Python packages into .venv; on Debian/Ubuntu as root, the system
libraries Qt needs to draw off-screen; a PostgreSQL server for the hub tests (Debian's `postgresql` as
root, else the `pgserver` wheel into .venv). A throwaway cluster is started on a free port for the hub
tests (LINDUNG_TEST_PG) and removed afterwards. With CI=true a hub test on PostgreSQL fails, never
skips, when there is no server. Arguments go to pytest (`-n 0 tests/unit` runs in one process).
Standard library only: it runs before the .venv exists.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _setup  # noqa: E402

SCRIPT = "scripts/test.py"


def main(argv: list[str]) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _setup.ensure_venv(SCRIPT, ["test"])
    _setup.ensure_qt_libraries(SCRIPT, offscreen=True)
    _setup.ensure_libreoffice(SCRIPT)
    pg_dir = None
    try:
        if not os.environ.get("LINDUNG_TEST_PG"):
            why_not = _setup.debian_root()
            if why_not is not None and _setup.pg_bin() is None:
                say_skip = f"no apt-get install postgresql ({why_not}); trying the pgserver wheel"
                _setup.say(SCRIPT, say_skip)
            if _setup.pg_install(SCRIPT):
                pg_dir = _setup.temp_dir("lindung-pg.")
                # A free port, so a server left running elsewhere on the machine does not get in the way.
                port = int(os.environ.get("PGTEST_PORT") or _setup.free_port())
                os.environ["LINDUNG_TEST_PG"] = _setup.pg_start(pg_dir, port)
            elif os.environ.get("CI") == "true":
                _setup.say(SCRIPT, "no PostgreSQL server: the hub tests on PostgreSQL will fail (CI=true)")
            else:
                _setup.say(SCRIPT, "no PostgreSQL server: the hub tests on PostgreSQL are skipped")
        # The tests start hundreds of `lindung` and hub processes: byte-compile the project once, since the
        # environment may forbid writing .pyc files (PYTHONDONTWRITEBYTECODE) and each process would compile it.
        subprocess.run([str(_setup.PYTHON), "-m", "compileall", "-q", "-j", "0", "desktop", "hub", "reports", "tests"],
                       cwd=_setup.ROOT, stdout=subprocess.DEVNULL)
        # One test process per core (LINDUNG_TEST_WORKERS, or `-n 0` among the arguments, says otherwise); each
        # test has its own temporary folder, free ports and PostgreSQL database, so they can run side by side.
        workers = os.environ.get("LINDUNG_TEST_WORKERS") or "auto"
        return subprocess.run([str(_setup.PYTHON), "-m", "pytest", "-n", workers, "--dist", "worksteal", *argv],
                              cwd=_setup.ROOT).returncode
    finally:
        if pg_dir is not None:
            _setup.pg_stop(pg_dir)


if __name__ == "__main__":
    if sys.version_info < (3, 11):
        sys.exit(f"{SCRIPT}: Lindung needs Python 3.11 or newer (this is {sys.version.split()[0]})")
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)

"""Install Lindung into .venv (first time) and start it: `python scripts/start.py [lindung arguments]`.

Works the same on Linux, Windows (`py scripts\\start.py`) and macOS (`python3 scripts/start.py`), with
Python 3.11+ and its standard library only. On Debian/Ubuntu as root it also installs the X11 libraries
Qt's window needs when they are missing. The app runs in the folder you started it from, so relative
paths (`import list.csv`, `report summary out.pdf`) mean what you typed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _setup  # noqa: E402

SCRIPT = "scripts/start.py"


def main(argv: list[str]) -> int:
    _setup.ensure_venv(SCRIPT, ["app"])
    _setup.ensure_qt_libraries(SCRIPT, offscreen=os.environ.get("QT_QPA_PLATFORM") == "offscreen")
    lindung = _setup.BIN / ("lindung.exe" if _setup.WINDOWS else "lindung")
    # No cwd= here: the user's working directory stays the app's.
    if _setup.WINDOWS:  # no exec on Windows that keeps the console: run and pass the exit status on
        return subprocess.run([str(lindung), *argv]).returncode
    os.execv(str(lindung), [str(lindung), *argv])
    return 0  # pragma: no cover


if __name__ == "__main__":
    if sys.version_info < (3, 11):
        sys.exit(f"{SCRIPT}: Lindung needs Python 3.11 or newer (this is {sys.version.split()[0]})")
    sys.exit(main(sys.argv[1:]))

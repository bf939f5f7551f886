"""The standalone folder a branch copies to a USB stick, built here for Linux by the one script
(scripts/build_bundle.py, packaging/lindung.spec) and driven as a volunteer's laptop would run it.

The built executable runs with a clean environment (``env -i PATH=/usr/bin:/bin HOME=…``) and, where
the test may (root, as in CI), inside its own mount namespace in which Python itself, its development
files (/usr/include), this checkout, its venv and the system's fonts are hidden behind empty folders:
what the bundle needs must be inside it. Its home folder has a space and non-ASCII letters, and the
database lies where platformdirs puts it. It opens the window offscreen (LINDUNG_QUIT_WHEN_SHOWN saves
the first window to a PNG and quits), then runs `user add`, `enroll`, `demo`, `cards` and `register` +
`sync` against a real hub started from the venv.

Building takes about a minute (more on a busy machine); the test is bounded by timeouts and never
skips: without PyInstaller (the test extra installs it) it fails.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import make_raw
from tests.hub.test_sync import Hub

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "kapal-motor-admin-1"
pytestmark = pytest.mark.slow


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def hidden_folders(keep: list[Path]) -> list[str]:
    """What a volunteer's machine does not have: Python (system, pyenv, this venv), development
    headers, this checkout, and any font (the bundle brings its own)."""
    candidates = {"/usr/include", "/usr/local/include", "/usr/share/fonts", "/usr/local/share/fonts",
                  sys.base_prefix, sys.prefix, str(ROOT)}
    candidates |= set(glob.glob("/usr/lib/python3*")) | set(glob.glob("/usr/local/lib/python3*"))
    folders = []
    for folder in sorted(candidates):
        path = Path(folder).resolve()
        if not path.is_dir() or any(k.resolve().is_relative_to(path) for k in keep):
            continue
        if any(path.is_relative_to(outer) for outer in map(Path, folders)):
            continue                                   # already hidden with the folder holding it
        folders.append(str(path))
    return folders


def can_hide() -> bool:
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c",
                            "mount -t tmpfs tmpfs /usr/include && test ! -e /usr/include/stdio.h"],
                           capture_output=True, timeout=30)
    return probe.returncode == 0


class Bundle:
    def __init__(self, exe: Path, home: Path, hide: list[str] | None):
        self.exe, self.home, self.hide = exe, home, hide

    def env(self, **extra: str) -> dict[str, str]:
        return {"PATH": "/usr/bin:/bin", "HOME": str(self.home), "QT_QPA_PLATFORM": "offscreen", **extra}

    def command(self, *args: str) -> list[str]:
        if not self.hide:
            return [str(self.exe), *args]
        script = ('set -e; while [ "$1" != "--" ]; do mount -t tmpfs -o ro tmpfs "$1"; shift; done; shift; '
                  'test ! -e /usr/include/stdio.h; exec "$@"')
        return ["unshare", "-m", "--propagation", "private", "/bin/sh", "-c", script, "sh", *self.hide, "--",
                str(self.exe), *args]

    def run(self, *args: str, timeout: float = 180, **env: str) -> subprocess.CompletedProcess:
        proc = subprocess.run(self.command(*args), env=self.env(**env), capture_output=True, text=True,
                              timeout=timeout, cwd=self.home)
        assert "Traceback" not in proc.stderr, proc.stderr
        return proc

    def signed_in(self, *args: str, timeout: float = 180) -> subprocess.CompletedProcess:
        return self.run("--user", "admin", *args, timeout=timeout, LINDUNG_PASSWORD=PASSWORD)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    import PyInstaller  # noqa: F401  (in the test extra: a missing PyInstaller fails, never skips)

    out = tmp_path_factory.mktemp("bundle")
    started = time.monotonic()
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_bundle.py"), "--quiet",
                           "--dist", str(out / "dist"), "--work", str(out / "work")],
                          capture_output=True, text=True, timeout=1200, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    seconds = time.monotonic() - started
    shutil.rmtree(out / "work", ignore_errors=True)
    exe = out / "dist" / "Lindung" / ("Lindung.exe" if os.name == "nt" else "lindung")
    assert exe.is_file()
    print(f"\nbundle built in {seconds:.0f} s", file=sys.stderr)
    yield exe, seconds
    shutil.rmtree(out, ignore_errors=True)                # 285 MB: not kept in pytest's temporary folders


@pytest.fixture
def bundle(built, tmp_path) -> Bundle:
    home = tmp_path / "Data Relawan" / "Ñoño Ümit"
    home.mkdir(parents=True)
    hide = None
    if can_hide():
        hide = hidden_folders(keep=[built[0], home])
    elif in_ci():
        pytest.fail("CI runs as root with unshare: the bundle must be checked without Python and its headers")
    return Bundle(built[0], home, hide)


def test_the_bundle_holds_what_the_app_reads(built):
    internal = built[0].parent / "_internal"
    for part in ("resources/fonts/DejaVuSans.ttf", "resources/i18n/lindung_en.qm", "resources/regions/wilayah-61.csv", "resources/rates/bpu_rates.csv",
                 "resources/style.qss", "resources/passwords/indonesian.txt", "desktop/storage/migrations/env.py",
                 "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/plugins/platforms/libqxcb.so"):
        assert (internal / part).is_file(), part
    assert list((internal / "desktop/storage/migrations/versions").glob("0001_*.py"))
    size = sum(p.stat().st_size for p in built[0].parent.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < 450e6, f"the folder grew to {size / 1e6:.0f} MB"


def test_the_window_opens_offscreen_without_python_or_fonts(bundle):
    picture = bundle.home / "jendela.png"
    started = time.monotonic()
    proc = bundle.run(timeout=120, LINDUNG_QUIT_WHEN_SHOWN=str(picture))
    seconds = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr
    shown = [line for line in proc.stderr.splitlines() if line.startswith("window shown:")]
    assert shown and shown[0].startswith("window shown: FirstRunDialog"), proc.stderr
    assert "font='DejaVu Sans'" in shown[0]                # the system's fonts are hidden: the bundled ones draw
    assert picture.stat().st_size > 5000
    assert (bundle.home / ".local/share/Lindung/lindung.sqlite3").is_file()   # platformdirs, non-ASCII home
    print(f"\nwindow shown and closed in {seconds:.1f} s", file=sys.stderr)


def test_enroll_cards_and_sync_from_the_bundle(bundle, tmp_path):
    from pypdf import PdfReader

    added = bundle.run("user", "add", "admin", LINDUNG_NEW_PASSWORD=PASSWORD)
    assert added.returncode == 0, added.stderr
    assert bundle.run("list").returncode != 0                       # now locked: a sign-in is needed

    source = bundle.home / "peserta baru.json"
    source.write_text(json.dumps([make_raw(), make_raw(nik="6171011708800003", full_name="Budi Santoso",
                                                       birth_date="17-08-1980", sex="L", phone="0813-1111-2222")]),
                      encoding="utf-8")
    enrolled = bundle.signed_in("enroll", source.name)               # relative to where it was started
    assert enrolled.returncode == 0, enrolled.stderr
    demo = bundle.signed_in("demo", "--workers", "3", "--seed", "5")   # Faker's Indonesian locale is inside
    assert demo.returncode == 0, demo.stderr
    listed = json.loads(bundle.signed_in("list", "--json").stdout)
    assert len(listed) == 5 and {"BUDI SANTOSO", "SITI AMINAH"} <= {r["full_name"] for r in listed}

    cards = bundle.signed_in("cards", "kartu relawan.pdf")
    assert cards.returncode == 0, cards.stderr
    pdf = bundle.home / "kartu relawan.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    reader = PdfReader(pdf)
    assert len(reader.pages) == 2                                     # A4: a sheet of fronts, its backs
    assert "SITI AMINAH" in reader.pages[0].extract_text()

    hub = Hub(tmp_path).start()                                       # the real hub, from the venv
    try:
        registered = bundle.signed_in("register", "--hub", hub.url, "--code", hub.code("laptop-usb"))
        assert registered.returncode == 0, registered.stderr
        synced = bundle.signed_in("sync")
        assert synced.returncode == 0, synced.stderr
        assert synced.stdout.splitlines()[0] == "pushed 5, pulled 0, conflicts 0, duplicates 0"
        assert sorted(r["registration_no"] for r in hub.records()) == sorted(r["registration_no"] for r in listed)
    finally:
        hub.stop()

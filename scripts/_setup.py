"""What `scripts/start.py` and `scripts/test.py` share: the .venv, the packages, Debian's system libraries,
and a throwaway PostgreSQL server for the hub tests.

Standard library only, Python 3.11+: it runs before the .venv exists, on Linux, Windows and macOS.
Debian/Ubuntu steps (apt-get) run only as root where apt-get exists; elsewhere one line says they were
skipped. LINDUNG_SKIP_SYSTEM_LIBS=1 skips Qt's system libraries.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
WINDOWS = os.name == "nt"
BIN = VENV / ("Scripts" if WINDOWS else "bin")
PYTHON = BIN / ("python.exe" if WINDOWS else "python")
NEWEST_PYTHON = (3, 13)
LOCK = ROOT / "requirements" / "lock.txt"   # the exact versions installed (scripts/update_lock.py moves it)

# Qt's libraries on Debian/Ubuntu: what the offscreen plugin links, and the X11 ones the window (xcb) adds.
BASE_PACKAGES = ["libegl1", "libgl1", "libxkbcommon0", "libfontconfig1", "libglib2.0-0", "libdbus-1-3",
                 "libgssapi-krb5-2", "fonts-dejavu-core"]
X11_PACKAGES = ["libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libxcb-image0", "libxcb-render-util0",
                "libxkbcommon-x11-0", "libxcb-xinerama0", "libxcb-randr0", "libxcb-shape0", "libxcb-xkb1"]


def say(script: str, line: str) -> None:
    print(f"{script}: {line}", file=sys.stderr, flush=True)


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def debian_root() -> str | None:
    """None when apt-get may be used, else why not (one line for the user)."""
    if not sys.platform.startswith("linux"):
        return {"win32": "Windows", "darwin": "macOS"}.get(sys.platform, sys.platform) + " has no apt-get"
    if shutil.which("apt-get") is None:
        return "not Debian/Ubuntu (no apt-get)"
    if not is_root():
        return "not root"
    return None


def _covered(extras: list[str]) -> set[str]:
    """EXTRAS and the extras they pull in (pyproject.toml's `lindung[app,hub]` inside `test`)."""
    import tomllib
    optional = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    seen: set[str] = set()
    todo = list(extras)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for requirement in optional.get(name, []):
            if requirement.startswith("lindung["):
                todo += requirement[len("lindung["):requirement.index("]")].split(",")
    return seen


def ensure_venv(script: str, extras: list[str]) -> None:
    """Create .venv once; pip install -e .[extras] at the versions of requirements/lock.txt when
    pyproject.toml or the lock is newer than the stamp."""
    if not PYTHON.exists():
        if sys.version_info[:2] > NEWEST_PYTHON:   # pyproject.toml's requires-python, the README's promise
            sys.exit(f"{script}: Lindung is tested on Python 3.11 to 3.{NEWEST_PYTHON[1]} (this is "
                     f"{sys.version.split()[0]}); run this script with one of those, e.g. python3.{NEWEST_PYTHON[1]}")
        say(script, f"creating {VENV.name} with {sys.executable}")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    extra = f"[{','.join(extras)}]" if extras else ""
    stamp = VENV / f".installed{extra}"
    newest = max((ROOT / "pyproject.toml").stat().st_mtime,
                 LOCK.stat().st_mtime if LOCK.exists() else 0)
    # An install whose extras hold these serves too (the test command's .venv serves the start command).
    wanted = _covered(extras)
    for done in sorted(VENV.glob(".installed*")):
        names = done.name.removeprefix(".installed").strip("[]")
        if done.stat().st_mtime >= newest and wanted <= _covered(names.split(",") if names else []):
            return
    pip = [str(PYTHON), "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    # sqlcipher3 replaced sqlcipher3-binary; both install the `sqlcipher3` module folder, so the old one
    # must go before the new one is installed (or uninstalling it later would remove the new module).
    if subprocess.run([str(PYTHON), "-m", "pip", "show", "--quiet", "sqlcipher3-binary"],
                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
        say(script, "removing sqlcipher3-binary (replaced by sqlcipher3)")
        subprocess.run([str(PYTHON), "-m", "pip", "uninstall", "--yes", "--quiet", "sqlcipher3-binary"], check=True)
        # Reinstall sqlcipher3 even if pip thinks it is there: the uninstall removed the shared folder.
        subprocess.run([*pip, "--force-reinstall", "--no-deps", "sqlcipher3"], check=True)
    # The lock as constraints: every package at the version the suite was run with (a package the lock
    # does not name, e.g. pgserver, is resolved freely).
    subprocess.run([*pip, *install_constraints(), "-e", f"{ROOT}{extra}"], check=True, cwd=ROOT)
    stamp.touch()


def install_constraints() -> list[str]:
    """pip's arguments that hold an install to requirements/lock.txt (docs/operations.md uses the same)."""
    return ["--constraint", str(LOCK)]


def ensure_qt_libraries(script: str, offscreen: bool) -> None:
    """Debian/Ubuntu as root: apt-get install Qt's system libraries when `ldd` says some are missing."""
    if os.environ.get("LINDUNG_SKIP_SYSTEM_LIBS"):
        return
    why_not = debian_root()
    if why_not is not None:
        if sys.platform.startswith("linux"):  # elsewhere Qt's wheels carry what they need
            say(script, f"system libraries for Qt not checked ({why_not}); "
                        "on Debian/Ubuntu run as root once to install them")
        return
    qt = next(iter(sorted(glob.glob(str(VENV / "lib" / "python*" / "site-packages" / "PySide6" / "Qt")))), None)
    if qt is None:
        return
    packages = list(BASE_PACKAGES)
    check = [f"{qt}/lib/libQt6Widgets.so.6", f"{qt}/lib/libQt6Pdf.so.6"]
    if offscreen:
        check.append(f"{qt}/plugins/platforms/libqoffscreen.so")
    else:
        check.append(f"{qt}/plugins/platforms/libqxcb.so")
        packages += X11_PACKAGES
    missing = False
    for lib in check:
        if os.path.isfile(lib):
            out = subprocess.run(["ldd", lib], capture_output=True, text=True).stdout
            missing = missing or "not found" in out
    if missing:
        say(script, "installing the system libraries Qt needs (apt-get)")
        apt_install(packages)


def ensure_libreoffice(script: str) -> None:
    """Debian/Ubuntu as root: LibreOffice Calc without its GUI (`soffice`), for the test that has it
    convert a messy list the way a school's operator would save it (about 20 s the first time)."""
    if shutil.which("soffice"):
        return
    why = debian_root()
    if why is not None:
        say(script, f"LibreOffice not installed ({why}): its round-trip test is skipped here, fails in CI")
        return
    say(script, "installing LibreOffice Calc without its GUI (apt-get) for the import round-trip test")
    if not apt_install(["libreoffice-calc-nogui"], recommends=False):
        say(script, "apt-get install libreoffice-calc-nogui failed")


def apt_install(packages: list[str], recommends: bool = True) -> bool:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], stdout=subprocess.DEVNULL, env=env)
    extra = [] if recommends else ["--no-install-recommends"]
    return subprocess.run(["apt-get", "install", "-y", "-qq", *extra, *packages],
                          stdout=subprocess.DEVNULL, env=env).returncode == 0


# --- PostgreSQL (as scripts/postgres) -------------------------------------------------------------------


def _version_key(path: str) -> list[int]:
    parts = Path(path).parent.name.split(".")
    return [int(p) if p.isdigit() else 0 for p in parts]


def pg_bin() -> Path | None:
    """The server's bin directory, first found: LINDUNG_PG_BIN; Debian's (newest) or LINDUNG_PG_DIRS;
    initdb on PATH; the pgserver wheel in .venv."""
    exe = ".exe" if WINDOWS else ""
    given = os.environ.get("LINDUNG_PG_BIN")
    if given:
        return Path(given) if (Path(given) / f"initdb{exe}").exists() else None
    dirs = os.environ.get("LINDUNG_PG_DIRS")
    found = [d for pattern in (dirs or "/usr/lib/postgresql/*/bin").split()
             for d in glob.glob(pattern) if os.access(Path(d) / f"initdb{exe}", os.X_OK)]
    if found:
        return Path(sorted(found, key=_version_key)[-1])
    if not dirs and shutil.which("initdb") and shutil.which("pg_ctl"):
        return Path(os.path.realpath(shutil.which("initdb"))).parent
    site = VENV / ("Lib" if WINDOWS else "lib/python*") / ("site-packages" if WINDOWS else "site-packages")
    for candidate in glob.glob(str(site / "pgserver" / "pginstall" / "bin")):
        if (Path(candidate) / f"initdb{exe}").exists():
            return Path(candidate)
    return None


def pg_install(script: str) -> bool:
    """Install a server when there is none: Debian's `postgresql` as root, else the pgserver wheel."""
    if pg_bin() is not None:
        return True
    if debian_root() is None:
        say(script, "installing PostgreSQL (apt-get install postgresql) for the hub tests")
        guard = Path("/usr/sbin/policy-rc.d")  # package scripts must not start the package's cluster
        made_guard = False
        if not guard.exists():
            guard.write_text("#!/bin/sh\nexit 101\n")
            guard.chmod(0o755)
            made_guard = True
        before = set(glob.glob("/etc/postgresql/*/*"))
        try:
            if not apt_install(["postgresql"], recommends=False):
                say(script, "apt-get install postgresql failed")
        finally:
            if made_guard:
                guard.unlink(missing_ok=True)
        for cluster in glob.glob("/etc/postgresql/*/*"):  # the package's new cluster: not started at boot
            start_conf = Path(cluster) / "start.conf"
            if cluster not in before and start_conf.is_file():
                start_conf.write_text("disabled\n")
        if pg_bin() is not None:
            return True
    say(script, "installing PostgreSQL into .venv (the pgserver wheel) for the hub tests")
    try:
        ensure_venv(script, ["test", "postgres-server"])
    except subprocess.CalledProcessError:
        say(script, "pip install pgserver failed (no wheel for this Python or system?)")
    return pg_bin() is not None


def _as_pg(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if is_root() else cmd


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_start(directory: Path, port: int) -> str:
    """initdb + pg_ctl start a throwaway cluster in DIRECTORY on PORT; returns the test database's URL."""
    bin_dir = pg_bin()
    assert bin_dir is not None
    directory.mkdir(parents=True, exist_ok=True)
    if is_root():
        if subprocess.run(["id", "postgres"], capture_output=True).returncode != 0:
            subprocess.run(["useradd", "--system", "--no-create-home", "--user-group", "postgres"], check=True)
        shutil.chown(directory, "postgres")
    quiet = {"stdout": subprocess.DEVNULL}
    subprocess.run(_as_pg([str(bin_dir / "initdb"), "-D", str(directory / "data"), "-U", "postgres", "-A", "trust",
                           "-E", "UTF8", "--locale=C.UTF-8"]), check=True, **quiet)
    # fsync stays on (the hub tests check what a crash keeps); the unix socket goes into the throwaway dir.
    options = f"-p {port} -c listen_addresses=127.0.0.1 -c fsync=on" + ("" if WINDOWS else f" -k {directory}")
    subprocess.run(_as_pg([str(bin_dir / "pg_ctl"), "-D", str(directory / "data"), "-l", str(directory / "log"),
                           "-w", "-o", options, "start"]), check=True, **quiet)
    subprocess.run(_as_pg([str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres",
                           "lindung_hub_test"]), check=True)
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/lindung_hub_test"


def pg_stop(directory: Path) -> None:
    bin_dir = pg_bin()
    if bin_dir is not None:
        subprocess.run(_as_pg([str(bin_dir / "pg_ctl"), "-D", str(directory / "data"), "-m", "fast", "-w", "stop"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(directory, ignore_errors=True)


def temp_dir(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix))

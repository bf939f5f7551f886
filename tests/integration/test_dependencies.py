"""What each install brings, read from requirements/lock.txt (every version resolved once, for every platform,
by scripts/update_lock.py; its ``# via`` lines are the resolved requirements' graph): a laptop's install
(``lindung[app]``) carries no server stack, a server's (``lindung[hub]``) no Qt; and the suite runs with the
versions the lock names, so a volunteer's install in six months is the one that was tested.
(tests/integration/test_server_install.py installs ``lindung[hub]`` into a fresh venv for real.)"""

from __future__ import annotations

import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "requirements" / "lock.txt"
SERVER_STACK = {"fastapi", "starlette", "uvicorn", "psycopg", "psycopg-binary", "pydantic"}
QT = {"pyside6-essentials", "pyside6-pdf", "shiboken6"}


def locked() -> tuple[dict[str, str], dict[str, set[str]]]:
    """The lock's pins (name -> version) and, for each package, the packages that require it."""
    pins: dict[str, str] = {}
    via: dict[str, set[str]] = {}
    current = None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        pin = re.match(r"^([A-Za-z0-9._-]+)==([^ ;]+)", line)
        if pin:
            current = canonicalize_name(pin.group(1))
            pins[current] = pin.group(2)
            via[current] = set()
            continue
        parent = re.match(r"^\s+#\s+(?:via\s+)?([A-Za-z0-9._-]+)(?: \(pyproject\.toml\))?\s*$", line)
        if current and parent and parent.group(1) != "via":
            via[current].add(canonicalize_name(parent.group(1)))
    return pins, via


def setup_module():
    """scripts/_setup.py (standard library only), as the install scripts import it."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import _setup
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return _setup


def closure(extras: tuple[str, ...]) -> set[str]:
    """Every package ``pip install lindung[extras]`` installs, by the lock's graph."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted: list[str] = list(project["dependencies"])
    for extra in setup_module()._covered(list(extras)):       # the extras, as the install scripts walk them
        wanted += [text for text in project["optional-dependencies"][extra]
                   if canonicalize_name(Requirement(text).name) != "lindung"]
    _pins, via = locked()
    children: dict[str, set[str]] = {}
    for name, parents in via.items():
        for parent in parents:
            children.setdefault(parent, set()).add(name)
    found: set[str] = set()
    todo = [canonicalize_name(Requirement(text).name) for text in wanted]
    todo += [canonicalize_name(f"{Requirement(t).name}-{e}") for t in wanted for e in Requirement(t).extras]
    while todo:
        name = todo.pop()
        if name in found or name not in via:
            continue
        found.add(name)
        todo += sorted(children.get(name, ()))
    found.discard("lindung")
    return found


def test_a_laptops_install_brings_no_server_stack_and_a_servers_no_qt():
    app, hub = closure(("app",)), closure(("hub",))
    assert {"pyside6-essentials", "sqlcipher3", "faker", "httpx", "reportlab"} <= app
    assert not app & SERVER_STACK, sorted(app & SERVER_STACK)
    assert {"fastapi", "uvicorn", "psycopg", "psycopg-binary", "sqlalchemy", "alembic"} <= hub
    assert not hub & QT, sorted(hub & QT)
    assert "faker" not in hub                           # made-up people are the laptop's demo command's


def test_the_lock_pins_every_requirement_and_the_suite_runs_with_its_versions():
    pins, _via = locked()
    everything = closure(("app", "hub", "test", "bundle"))
    assert everything <= set(pins), sorted(everything - set(pins))
    installed = {canonicalize_name(d.metadata["Name"]): d.version for d in metadata.distributions()}
    differ = {name: (installed[name], version) for name, version in pins.items()
              if name in installed and installed[name] != version}
    assert not differ, f"installed (found, locked): {differ}; reinstall with python3 scripts/test.py"
    # Every pinned package this platform needs is installed (a Windows-only one is not, here).
    needed = {name for name in everything
              if not (sys.platform != "win32" and name in {"colorama", "pefile", "pywin32-ctypes", "tzdata"})
              and not (sys.platform != "darwin" and name == "macholib")}
    assert needed <= set(installed), sorted(needed - set(installed))


def test_requires_python_is_what_the_readme_promises():
    from packaging.specifiers import SpecifierSet

    from tests.integration.test_wheels import PYTHONS

    spec = SpecifierSet(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"])
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    promised = re.search(r"Python (3\.\d+), (3\.\d+) and (3\.\d+)", readme).groups()
    assert tuple(promised) == PYTHONS
    assert all(f"{v}.0" in spec for v in promised)
    newest = int(promised[-1].split(".")[1])
    assert f"3.{newest + 1}.0" not in spec and "3.10.9" not in spec
    assert setup_module().NEWEST_PYTHON == (3, newest)      # what scripts/start.py refuses to make a .venv with

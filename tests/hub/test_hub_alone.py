"""The hub as a server installs it (``lindung[hub]``, docs/operations.md): none of the laptop app's extra.
A module of the hub's path that imports one of them (the encrypted database's driver, Qt, Faker…) makes
every worker process of ``lindung-hub serve`` die at start, and uvicorn starts them again forever: the
service never answers. The full install is followed by tests/integration/test_server_install.py (a
minute, with a package registry); this checks the same in a second, with the app extra's modules hidden."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# A distribution's name -> the module it installs, where they differ.
MODULES = {"pyside6-essentials": "PySide6", "pyside6-pdf": "PySide6", "faker": "faker", "python-calamine": "python_calamine",
           "xlsxwriter": "xlsxwriter", "zxing-cpp": "zxingcpp", "argon2-cffi": "argon2", "rl-accel": "_rl_accel"}


def app_only_modules() -> list[str]:
    """The top-level modules of pyproject's ``app`` extra: what a server does not have."""
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    names = {re.split(r"[<>=\[; ]", spec, maxsplit=1)[0].lower() for spec in extras["app"]}
    return sorted({MODULES.get(name, name.replace("-", "_")) for name in names})


def test_the_hub_serves_and_its_commands_run_without_the_laptop_apps_modules(tmp_path):
    hidden = app_only_modules()
    assert {"sqlcipher3", "PySide6", "faker", "httpx"} <= set(hidden)
    script = textwrap.dedent(f"""
        import sys
        from importlib.abc import MetaPathFinder

        HIDDEN = {hidden!r}

        class NotInstalled(MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in HIDDEN:
                    raise ModuleNotFoundError(f"No module named {{name!r}} (not in lindung[hub])", name=name)
                return None

        sys.meta_path.insert(0, NotInstalled())
        url = "sqlite:///" + sys.argv[1]
        from hub.cli import main
        assert main(["--db", url, "init"]) == 0
        assert main(["--db", url, "device-code", "--name", "kantor", "--area", "61.71.01"]) == 0   # the region list
        import asyncio
        from hub.app import create_app                   # what each `serve` worker process builds

        async def health(app):   # GET /health straight to the ASGI app (TestClient needs httpx: laptop only)
            said = []

            async def receive():
                return {{"type": "http.request", "body": b"", "more_body": False}}

            async def send(message):
                said.append(message)

            await app({{"type": "http", "method": "GET", "path": "/health", "raw_path": b"/health",
                        "query_string": b"", "headers": [], "http_version": "1.1", "scheme": "http",
                        "server": ("127.0.0.1", 8750), "client": ("127.0.0.1", 1), "root_path": ""}},
                      receive, send)
            return said[0]["status"], b"".join(m.get("body", b"") for m in said[1:])

        status, body = asyncio.run(health(create_app(url)))
        assert status == 200 and b'"ok"' in body, (status, body)
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in HIDDEN)
        assert not loaded, loaded
        print("served")
        """)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("LINDUNG_HUB_DB", None)
    proc = subprocess.run([sys.executable, "-c", script, str(tmp_path / "hub.sqlite3")], capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip().endswith("served"), proc.stderr[-3000:]

"""Every runtime dependency of pyproject.toml resolves to binary wheels on the systems the volunteers
have (Windows, macOS on Apple silicon and Intel, Linux) for every Python version the README promises,
so a dependency that drops a platform fails here instead of on a volunteer's laptop.

pip resolves each platform without installing anything (``install --dry-run --report`` with
``--only-binary=:all: --platform … --python-version …``) and reads only the wheels' metadata: the
PEP 658 ``.metadata`` files where the index offers them, else HTTP range requests into the wheel
(``--use-feature=fast-deps``), never whole wheels. The index pages are the bulk (25 MB for the 47
projects, pydantic-core's alone 6 MB, and the registry lets pip cache none of them), so the twelve
resolutions read them through a small caching relay on loopback that fetches each page once from
pip's own index.

pip evaluates environment markers (``; sys_platform == "win32"``) for the machine it runs on, not
for ``--platform``: the resolved set is therefore walked again here with the target's markers, and
a requirement only the target needs (tzdata for Faker and psycopg on Windows) is added and resolved too.
Network goes only to pip's configured index. Without it the test skips, except in CI (``CI=true``),
where it fails.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]

# The Python versions the README promises (section "The two commands").
PYTHONS = ("3.11", "3.12", "3.13")
# PySide6 6.12 publishes macosx_14_0 (universal2) and manylinux_2_34 wheels: macOS 14 and glibc 2.34
# are the oldest systems Lindung can run on; pip also accepts older tags (macosx_11_0_arm64, …).
PLATFORMS = {
    "win_amd64": {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
                  "platform_machine": "AMD64"},
    "macosx_14_0_arm64": {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix",
                          "platform_machine": "arm64"},
    "macosx_14_0_x86_64": {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix",
                           "platform_machine": "x86_64"},
    "manylinux_2_34_x86_64": {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix",
                              "platform_machine": "x86_64"},
}
# pip takes a manylinux platform literally: the older glibc tags a manylinux_2_34 system also runs
# are named one by one (macOS's older versions and universal2 pip adds by itself).
PLATFORM_TAGS = {
    "manylinux_2_34_x86_64": [f"manylinux_2_{glibc}_x86_64" for glibc in range(34, 4, -1)]
    + ["manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64"],
}
NETWORK_ERRORS = ("upstream: ", "NewConnectionError", "Failed to establish a new connection", "Temporary failure in name resolution",
                  "Network is unreachable", "ConnectTimeoutError", "Max retries exceeded", "ProxyError",
                  "Connection refused", "No route to host")


RUNTIME_EXTRAS = ("app", "hub")   # the laptop app's and the hub's (tests/integration/test_dependencies.py)


def runtime_requirements() -> list[str]:
    """pyproject.toml's ``[project] dependencies`` and its ``app`` and ``hub`` extras: what a volunteer's
    install (``lindung[app]``) or a server's (``lindung[hub]``) needs (no test extras)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return project["dependencies"] + [r for extra in RUNTIME_EXTRAS for r in project["optional-dependencies"][extra]]


def target_environment(platform: str, python: str) -> dict[str, str]:
    env = default_environment()
    env.update(PLATFORMS[platform], python_version=python, python_full_version=f"{python}.0",
               implementation_name="cpython", platform_python_implementation="CPython",
               platform_release="", platform_version="")
    return env


def pip_index_url() -> str:
    """The index pip is configured to use (PIP_INDEX_URL, pip's configuration files, else PyPI)."""
    if os.environ.get("PIP_INDEX_URL"):
        return os.environ["PIP_INDEX_URL"].split()[0]
    proc = subprocess.run([sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True)
    found = {}
    for line in proc.stdout.splitlines():
        match = re.match(r"^(:env:|global|install)\.index-url='([^']+)'", line)
        if match:
            found[match.group(1)] = match.group(2).split()[0]
    return found.get(":env:") or found.get("install") or found.get("global") or "https://pypi.org/simple"


class IndexRelay(ThreadingHTTPServer):
    """On loopback: answers pip's index requests from one fetch of each page from ``upstream``.
    Only GET of index pages is relayed; wheels are fetched by pip from the addresses the pages give."""

    daemon_threads = True

    def __init__(self, upstream: str):
        self.upstream = upstream.rstrip("/") + "/"
        self.pages: dict[tuple[str, str], tuple[int, str, bytes]] = {}
        self.locks: dict[tuple[str, str], threading.Lock] = {}
        self.guard = threading.Lock()
        self.fetched = 0
        super().__init__(("127.0.0.1", 0), _RelayHandler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/simple/"

    def page(self, path: str, accept: str) -> tuple[int, str, bytes]:
        key = (path, accept)
        with self.guard:
            lock = self.locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self.pages:
                request = urllib.request.Request(urllib.parse.urljoin(self.upstream, path), headers={"Accept": accept})
                try:
                    with urllib.request.urlopen(request, timeout=120) as answer:
                        body = answer.read()
                        self.pages[key] = (answer.status, answer.headers.get("Content-Type", "text/html"), body)
                except urllib.error.HTTPError as exc:
                    body = exc.read()
                    self.pages[key] = (exc.code, exc.headers.get("Content-Type", "text/plain"), body)
                with self.guard:
                    self.fetched += len(body)
            return self.pages[key]


class _RelayHandler(BaseHTTPRequestHandler):
    server: IndexRelay

    def do_GET(self) -> None:
        path = self.path.removeprefix("/simple/")
        try:
            status, kind, body = self.server.page(path, self.headers.get("Accept", "text/html"))
        except OSError as exc:                       # upstream unreachable: pip reports it as such
            status, kind, body = 502, "text/plain", f"upstream: {type(exc).__name__}: {exc}".encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def pip_resolve(requirements: list[str], platform: str, python: str, workdir: Path,
                index: str) -> tuple[dict | None, str]:
    """pip's report of what it would install for the target, or None and pip's output."""
    workdir.mkdir(parents=True, exist_ok=True)
    req_file, report = workdir / "requirements.txt", workdir / "report.json"
    req_file.write_text("\n".join(requirements) + "\n", encoding="utf-8")
    report.unlink(missing_ok=True)
    platforms = PLATFORM_TAGS.get(platform, [platform])
    command = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
               "--disable-pip-version-check", "--use-feature=fast-deps", "--index-url", index,
               "--only-binary=:all:", *[arg for tag in platforms for arg in ("--platform", tag)],
               "--python-version", python, "--implementation", "cp", "--target", str(workdir / "target"),
               "--report", str(report), "-r", str(req_file)]
    env = {**os.environ, "PIP_NO_INPUT": "1"}
    proc = subprocess.run(command, capture_output=True, text=True, timeout=600, env=env)
    output = proc.stdout + proc.stderr
    if proc.returncode != 0 and "fast-deps" in output and "invalid choice" in output:
        # A pip that dropped range requests: PEP 658 metadata (where the index has it) still spares the wheels.
        command.remove("--use-feature=fast-deps")
        proc = subprocess.run(command, capture_output=True, text=True, timeout=600, env=env)
        output = proc.stdout + proc.stderr
    if proc.returncode != 0 or not report.exists():
        return None, output
    return json.loads(report.read_text(encoding="utf-8")), output


def missing_for_target(requirements: list[str], report: dict, env: dict[str, str]) -> list[str]:
    """Requirements the target needs (its markers) that pip, judging by this machine's markers, left out."""
    resolved = {canonicalize_name(item["metadata"]["name"]): item["metadata"] for item in report["install"]}
    missing: dict[str, str] = {}
    seen: set[tuple[str, frozenset[str]]] = set()

    def visit(req: Requirement, extras_of_parent: set[str]) -> None:
        if req.marker is not None and not any(req.marker.evaluate({**env, "extra": extra})
                                              for extra in extras_of_parent | {""}):
            return
        name = canonicalize_name(req.name)
        if name not in resolved:
            bare = Requirement(str(req))
            bare.marker = None
            missing[name] = str(bare)
            return
        key = (name, frozenset(req.extras))
        if key in seen:
            return
        seen.add(key)
        for text in resolved[name].get("requires_dist", []):
            visit(Requirement(text), set(req.extras))

    for text in requirements:
        visit(Requirement(text), set())
    return sorted(missing.values())


@dataclass
class Resolution:
    platform: str
    python: str
    wheels: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    error: str = ""
    network: bool = True


def resolve_for(platform: str, python: str, workdir: Path, index: str) -> Resolution:
    result = Resolution(platform, python)
    requirements = runtime_requirements()
    env = target_environment(platform, python)
    for _ in range(5):
        report, output = pip_resolve(requirements + result.added, platform, python, workdir, index)
        if report is None:
            result.network = not any(marker in output for marker in NETWORK_ERRORS)
            lines = [line for line in output.splitlines() if line.startswith("ERROR")] or output.splitlines()[-5:]
            result.error = "\n".join(lines)
            return result
        missing = missing_for_target(requirements, report, env)
        if not missing:
            result.wheels = [item["download_info"]["url"].rsplit("/", 1)[-1] for item in report["install"]]
            return result
        result.added += missing
    result.error = f"requirements for {platform} do not settle: {result.added}"
    return result


def registry_reachable(relay: IndexRelay) -> tuple[bool, str]:
    """One cheap question to pip's index: a Windows wheel of the SQLCipher binding exists only there."""
    try:
        status, _kind, body = relay.page("sqlcipher3/", "text/html")
    except OSError as exc:
        return False, f"{relay.upstream}: {type(exc).__name__}: {exc}"
    return status == 200 and b"win_amd64.whl" in body, f"{relay.upstream}: HTTP {status}"


def no_registry(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"the package registry is needed for the wheel check in CI: {reason}")
    pytest.skip(f"package registry not reachable: {reason}")


@pytest.fixture(scope="module")
def relay():
    server = IndexRelay(pip_index_url())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def resolutions(relay, tmp_path_factory) -> dict[tuple[str, str], Resolution]:
    reachable, reason = registry_reachable(relay)
    if not reachable:
        no_registry(reason)
    base = tmp_path_factory.mktemp("wheels")
    combos = [(platform, python) for python in PYTHONS for platform in PLATFORMS]
    with ThreadPoolExecutor(max_workers=4) as pool:       # mostly waiting on the network
        results = pool.map(lambda c: resolve_for(c[0], c[1], base / f"{c[0]}-{c[1]}", relay.url), combos)
        return {(r.platform, r.python): r for r in results}


@pytest.mark.parametrize("python", PYTHONS)
@pytest.mark.parametrize("platform", list(PLATFORMS))
def test_every_dependency_has_a_wheel(resolutions, platform, python):
    result = resolutions[(platform, python)]
    if not result.network:
        no_registry(result.error)
    assert not result.error, f"no binary wheel set for {platform}, Python {python}:\n{result.error}"
    names = {canonicalize_name(w.split("-")[0]) for w in result.wheels}
    wanted = {canonicalize_name(Requirement(text).name) for text in runtime_requirements()}
    assert wanted <= names, f"not resolved: {sorted(wanted - names)}"
    assert "psycopg-binary" in names                      # extras and their markers were followed
    assert all(w.endswith(".whl") for w in result.wheels), result.wheels

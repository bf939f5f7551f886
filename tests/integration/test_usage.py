"""What a newcomer meets first: usage errors and help in Indonesian, the command reference
(docs/commands.md) as `--help` says it, a plain word when there is no display, a hub that says where it serves, and the start
command reading paths from the folder it was started in."""

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = ("usage", "required", "arguments", "argument", "options", "show this help", "invalid choice",
           "expected one", "unrecognized", "error:", "choose from", "invalid int")


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")}
    env.update(extra)
    return env


def run(module, *args, env=None, cwd=None):
    proc = subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True,
                          env=env or clean_env(), cwd=cwd, timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def assert_no_english(text):
    found = [w for w in ENGLISH if re.search(rf"\b{re.escape(w)}", text, re.IGNORECASE)]
    assert not found, (found, text)


@pytest.mark.parametrize("module,args,words", [
    ("desktop", ["report", "contributions", "out.pdf"], ["wajib", "--months"]),
    ("desktop", ["report", "receipts", "out.pdf"], ["wajib", "--school"]),
    ("desktop", ["list", "--bogus"], ["tidak dikenal", "--bogus"]),
    ("desktop", ["list", "--status", "x"], ["tidak dikenal", "Terdaftar"]),
    ("desktop", ["demo", "--workers"], ["butuh satu nilai"]),
    ("desktop", ["demo", "--workers", "abc"], ["bilangan bulat"]),
    ("desktop", ["report"], ["wajib", "summary|receipts|contributions"]),
    ("hub.cli", ["device-code"], ["wajib", "--name"]),
    ("hub.cli", ["serve", "--bogus"], ["tidak dikenal", "--bogus"]),
    ("hub.cli", [], ["wajib", "PERINTAH"]),
])
def test_usage_errors_are_indonesian(tmp_path, module, args, words):
    proc = run(module, *args, env=clean_env(LINDUNG_DB=str(tmp_path / "u.sqlite3")))
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    for word in words:
        assert word in proc.stderr
    assert_no_english(proc.stderr)


def _leaves(parser, path=()):
    """Every command a parser runs: (words, its parser)."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
        return
    for name, child in subs[0].choices.items():
        yield from _leaves(child, (*path, name))


@pytest.mark.parametrize("prog", ["lindung", "lindung-hub"])
def test_help_is_indonesian(prog):
    from desktop.cli import build_parser as desktop_parser
    from hub.cli import build_parser as hub_parser

    parser = desktop_parser() if prog == "lindung" else hub_parser()
    for _path, leaf in [((), parser), *_leaves(parser)]:
        text = leaf.format_help()
        assert "pemakaian:" in text
        assert_no_english(text)


COMMANDS_PAGE = ROOT / "docs" / "commands.md"


def _documented_commands(prog):
    """The command reference's command lines for PROG as lists of words after PROG (global --db dropped); a line
    naming several commands (`devices | revoke ID`, `show … / delete …`) gives one per command."""
    text = COMMANDS_PAGE.read_text(encoding="utf-8")
    if prog == "lindung":  # the command table's rows (prose elsewhere quotes single uses)
        text = "\n".join(line for line in text.splitlines() if line.startswith("| `lindung"))
    spans = re.findall(r"`(" + re.escape(prog) + r" [^`]*)`", text)
    if prog == "lindung-hub":
        # The hub's section shows examples: their options are named, without the [brackets] of a synopsis.
        spans += [re.sub(r"(--\w[\w-]*)", r"[\1]",
                         re.sub(r"--db \S+ ", "", line.split("  #")[0].replace(".venv/bin/", "")))
                  for line in text.splitlines() if line.startswith(".venv/bin/lindung-hub")]
    commands = []
    for span in spans:
        for part in re.split(r" \| | / ", span):
            words = part.split()
            if words and words[0] == prog:
                words = words[1:]
            while words[:1] == ["--db"]:
                words = words[2:]
            commands.append(" ".join(words))
    return commands


def _optional_in(text, option):
    """Whether every mention of OPTION in TEXT sits inside [brackets]."""
    places = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text)]
    return all(text[:i].count("[") > text[:i].count("]") for i in places)


@pytest.mark.parametrize("prog", ["lindung", "lindung-hub"])
def test_documented_commands_match_help(prog):
    """Every command is in docs/commands.md, every option of it named, required ones without brackets."""
    from desktop.cli import build_parser as desktop_parser
    from hub.cli import build_parser as hub_parser

    parser = desktop_parser() if prog == "lindung" else hub_parser()
    commands = _documented_commands(prog)
    problems = []
    for path, leaf in _leaves(parser):
        words = " ".join(path)
        lines = [c for c in commands if c == words or c.startswith(words + " ")]
        if not lines:
            problems.append(f"{words}: not in {COMMANDS_PAGE.name}")
            continue
        for action in leaf._actions:
            if not action.option_strings or action.dest == "help":
                continue
            option = action.option_strings[-1]
            mentioned = [c for c in lines if re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", c)]
            if not mentioned:
                problems.append(f"{words}: {option} missing")
            elif action.required and prog == "lindung" and any(_optional_in(c, option) for c in mentioned):
                problems.append(f"{words}: {option} is required but shown optional")
            elif not action.required and not any(_optional_in(c, option) for c in mentioned):
                problems.append(f"{words}: {option} is optional but shown required")
    assert not problems, "\n".join(problems)


def test_window_without_display_says_so(tmp_path):
    env = clean_env(LINDUNG_DB=str(tmp_path / "d.sqlite3"))
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    proc = subprocess.run([sys.executable, "-m", "desktop"], capture_output=True, text=True, env=env, timeout=120)
    if not sys.platform.startswith("linux"):
        pytest.skip("a display is always there on Windows and macOS")
    assert proc.returncode == 4, proc.stderr  # an error line, not Qt's abort (a signal)
    assert "butuh layar" in proc.stderr and "QT_QPA_PLATFORM=offscreen" in proc.stderr and "lindung list" in proc.stderr
    assert "xcb" not in proc.stderr


def _free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_hub_serve_says_where_and_which_database(tmp_path):
    port = _free_port()
    made = subprocess.run([sys.executable, "-m", "hub.cli", "init"], cwd=tmp_path, env=clean_env(), timeout=60)
    assert made.returncode == 0
    proc = subprocess.Popen([sys.executable, "-m", "hub.cli", "serve", "--port", str(port)], cwd=tmp_path,
                            env=clean_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # wait for the port to answer
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stderr.read()
            time.sleep(0.05)
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}" in out, (out, err)
    assert str((tmp_path / "lindung-hub.sqlite3").resolve()) in out
    assert (tmp_path / "lindung-hub.sqlite3").exists()


def test_hub_serve_hides_the_password():
    from hub.cli import _describe_db

    shown = _describe_db("postgresql+psycopg://lindung:rahasia-sekali@db:5432/lindung")
    assert "rahasia-sekali" not in shown and shown == "postgresql+psycopg://lindung:***@db:5432/lindung"


@pytest.mark.parametrize("command", [
    [sys.executable, str(ROOT / "scripts" / "start.py")],
    pytest.param(["bash", str(ROOT / "scripts" / "start")],
                 marks=pytest.mark.skipif(shutil.which("bash") is None or os.name == "nt", reason="no bash")),
])
def test_start_keeps_the_users_folder(tmp_path, command):
    """`scripts/start.py template out.xlsx` from another folder writes there, with the database named there."""
    work = tmp_path / "folder relawan"
    work.mkdir()
    env = clean_env(LINDUNG_SKIP_SYSTEM_LIBS="1")
    # the database is there (template opens an existing one only): found by its name in that folder
    made = subprocess.run([sys.executable, "-m", "desktop", "--db", str(work / "data.sqlite3"), "demo", "--workers",
                           "1"], env=env, capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    proc = subprocess.run([*command, "--db", "data.sqlite3", "template", "out.xlsx"], cwd=work, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert (work / "out.xlsx").is_file() and (work / "data.sqlite3").is_file()
    assert not (ROOT / "out.xlsx").exists()

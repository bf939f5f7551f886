"""The README's quick start, run as a newcomer would: every command of its command block, in order, on a new
database in a new folder, each one succeeding. `python3 scripts/start.py …` is the project's own `lindung`
(`python -m desktop` with this interpreter: the .venv the start script makes)."""

import re
from pathlib import Path

from tests.integration.test_cli import run

ROOT = Path(__file__).resolve().parents[2]
START = "python3 scripts/start.py"
# What the README tells the reader to type at the prompts (new password twice, then at each --user command).
PASSWORD = "Sungai-Kapuas-Hulu-2026!"


def quick_start_commands() -> list[list[str]]:
    """The command lines of the README's "Quick start" block, comments dropped, as words after the start command."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Quick start\n(.*?)(?=^## )", text, re.MULTILINE | re.DOTALL)
    assert section, "README.md has no '## Quick start' section"
    block = re.search(r"^```(?:bash|sh)\n(.*?)^```", section.group(1), re.MULTILINE | re.DOTALL)
    assert block, "the quick start has no command block"
    commands = []
    for line in block.group(1).splitlines():
        line = line.split("  #")[0].strip()
        if not line:
            continue
        assert line.startswith(START + " "), f"a quick start line that is not `{START} …`: {line}"
        commands.append(line.removeprefix(START + " ").split())
    return commands


def test_readme_quick_start_runs_in_order(tmp_path, monkeypatch):
    commands = quick_start_commands()
    words = [" ".join(c) for c in commands]
    assert len(commands) >= 4 and commands[0][:2] == ["user", "add"], words   # the admin first
    assert any("demo" in c for c in commands), words
    monkeypatch.chdir(tmp_path)   # paths in the commands are the reader's folder
    db = tmp_path / "lindung.sqlite3"
    for command in commands:
        proc = run(db, *command, env={"LINDUNG_NEW_PASSWORD": PASSWORD, "LINDUNG_PASSWORD": PASSWORD})
        assert proc.returncode == 0, (command, proc.stdout, proc.stderr)
    # The quick start left what it says: the demo's workers in the database, and every file it named written.
    listed = run(db, "--user", commands[0][2], "list", "--limit", "1", env={"LINDUNG_PASSWORD": PASSWORD})
    assert listed.returncode == 0 and "Terdaftar" in listed.stdout, listed.stderr
    for command in commands:
        for word in command:
            if re.fullmatch(r"[\w.-]+\.(pdf|xlsx|sqlite3)", word) and word != db.name:
                assert (tmp_path / word).stat().st_size > 0, word

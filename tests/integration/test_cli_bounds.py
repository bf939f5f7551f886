"""No input reaches "galat tak terduga" (issue 24): every `lindung` subcommand, each of its options and
arguments given absurd, negative, huge and non-numbers, empty text and impossible or far dates. Each
answer is a result or one clear line, never an unexpected error or a traceback.

The commands are found in the parser itself, so a new option is hunted too. Each command's cases run
in one process (``desktop.cli.main`` once per case, as `lindung` runs it): a process for each case
would spend its time starting."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import build_parser
from tests.integration.test_cli import run

ABSURD = ["abc", "", "-1", "0", "99999999999", "99999999999999999999999", "9" * 5000, "٣", "31-12-9999",
          "00-00-0000"]
PASSWORD = "kapal-motor-sawit-1"

# What each argument is given when it is not the one hunted: enough for the command to reach its work.
PLAIN = {
    "registration_no": "XXXXXX-000001-1", "username": "budi", "npsn": "69800002", "name": "SD Negeri 9",
    "level": "SD", "kabupaten": "6171", "source": "Kepmendagri 100.1.1-6117", "reason": "uji",
    "months": "12", "expiring": "30", "batch": "B-1", "workers": "2", "date_from": "01-01-2026",
    "date_to": "31-12-2026", "school": "69800001", "hub": "http://127.0.0.1:9", "code": "ABCD-EFGH",
    "key": "min_age", "value": "16", "text": "LINDUNG1:abc", "amount": "1.000.000", "records": "XXXXXX-000001-1",
}
FILES = {"enroll": "satu.json", "edit": "ubah.json", "import": "ortu.csv", "regions": "wilayah.csv",
         "restore": "cadangan.sqlite3", "bpjs import": "jawaban.csv", "bpjs template": "templat.csv"}
OUTS = {"cards": "kartu.pdf", "report": "laporan.pdf", "bpjs export": "ajuan.xlsx", "template": "templat.xlsx",
        "backup": "cadangan.sqlite3", "bundle export": "bundel.bin", "report baznas": "baznas.xlsx"}


def _commands() -> list[tuple[str, argparse.ArgumentParser]]:
    """(command words, its parser) of every subcommand, nested ones included."""
    found = []

    def walk(words: str, parser: argparse.ArgumentParser) -> None:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            found.append((words, parser))
        for sub in subs:
            for name, child in sub.choices.items():
                walk(f"{words} {name}".strip(), child)

    walk("", build_parser())
    return found


def _value(words: str, action: argparse.Action, folder: Path) -> str:
    if action.dest == "file":
        return str(folder / FILES.get(words, FILES.get(words.split()[0], "berkas.csv")))
    if action.dest == "out":
        return str(folder / OUTS.get(words, OUTS.get(words.split()[0], "keluaran.xlsx")))
    if action.choices:
        return next(iter(action.choices))
    return PLAIN.get(action.dest, "x")


def _arguments(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    """The arguments of a command that take a value (the global ones are hunted with every command)."""
    return [a for a in parser._actions if not isinstance(a, argparse._HelpAction)
            and a.nargs != 0 and a.dest not in ("db", "user", "lang")]


def _cases(words: str, parser: argparse.ArgumentParser, folder: Path) -> list[list[str]]:
    """The command with each of its arguments in turn given each absurd value, the others plain."""
    actions = _arguments(parser)
    cases = []
    for hunted in actions:
        for bad in ABSURD:
            argv = words.split()
            for action in actions:
                if action is hunted:
                    value = bad
                elif action.required or not action.option_strings:
                    value = _value(words, action, folder)
                else:
                    continue
                # --option=VALUE: a value such as "-1" is the option's, not taken for another option
                argv.append(f"{action.option_strings[0]}={value}" if action.option_strings else value)
            cases.append(argv)
    return cases


_DRIVER = r"""
import contextlib, io, json, sys
from desktop.cli import main
said = []
for argv in json.load(sys.stdin):
    err, out = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            status = main(argv)
    except BaseException as exc:          # nothing may escape main()
        status = f"escaped: {type(exc).__name__}: {exc}"[:300]
    said.append([argv, status, err.getvalue()])
print(json.dumps(said))
"""

# Commands that take no value (``sync``, ``card-key``, …) have nothing to hunt.
COMMANDS = [words for words, parser in _commands() if _arguments(parser)]


@pytest.fixture(scope="module")
def laptop(tmp_path_factory) -> Path:
    """A laptop without accounts (every command runs as the system), with a school and two workers."""
    folder = tmp_path_factory.mktemp("laptop")
    db = folder / "cli.sqlite3"
    assert run(db, "school", "add", "69800001", "--name", "SD Negeri 12", "--level", "SD",
               "--kabupaten", "6171").returncode == 0
    assert run(db, "demo", "--workers", "2", "--seed", "24").returncode == 0
    (folder / "satu.json").write_text("{}", encoding="utf-8")
    (folder / "ortu.csv").write_text("NIK;Nama Lengkap\n6171014508800001;SITI\n", encoding="utf-8")
    (folder / "jawaban.csv").write_text("NIK;No KPJ;TMT\n6171014508800001;12345678901;01-12-2026\n", encoding="utf-8")
    return db


@pytest.mark.parametrize("words", COMMANDS)
def test_no_input_of_a_command_reaches_an_unexpected_error(laptop, tmp_path, words):
    parser = dict(_commands())[words]
    cases = _cases(words, parser, laptop.parent)
    assert cases
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")}
    env.update(LINDUNG_DB=str(tmp_path / "cli.sqlite3"), LINDUNG_NEW_PASSWORD=PASSWORD)
    for suffix in ("", ".key"):     # a copy: what one command changes does not change the next
        source = Path(str(laptop) + suffix)
        if source.exists():
            Path(str(tmp_path / "cli.sqlite3") + suffix).write_bytes(source.read_bytes())
    proc = subprocess.run([sys.executable, "-c", _DRIVER], input=json.dumps(cases), capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=300)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-3000:]
    for argv, status, said in json.loads(proc.stdout):
        assert isinstance(status, int), (argv, status)
        assert "galat tak terduga" not in said and "Traceback" not in said, (argv, said)
        if status != 0:
            lines = [line for line in said.splitlines() if "peringatan" not in line]
            assert len(lines) >= 1 and all(line.startswith(("lindung: ", "data ke-")) for line in lines[-1:]), (argv, said)


# --- the cases of issue 24, one by one ----------------------------------------------------------

def test_the_numbers_of_the_issue_are_refused_with_their_bounds(laptop, tmp_path):
    proc = run(laptop, "payment", "add", "--batch", "B-1", "--months", "12", "--amount", "99999999999999999999999")
    assert proc.returncode != 0 and "galat tak terduga" not in proc.stderr
    assert "bukan jumlah rupiah" in proc.stderr
    proc = run(laptop, "payment", "add", "--batch", "B-1", "--months", "12", "--amount", "2.000.000.000.000")
    assert proc.returncode != 0 and "paling banyak Rp 1.000.000.000.000" in proc.stderr
    proc = run(laptop, "renew", "--expiring", "99999999999", "--months", "12")
    assert proc.returncode == 2 and "--expiring: 99.999.999.999 di luar batas 0 sampai 1.830" in proc.stderr
    proc = run(laptop, "payment", "add", "--batch", "B-1", "--months", "61")
    assert proc.returncode == 2 and "--months: 61 di luar batas 1 sampai 60" in proc.stderr
    proc = run(laptop, "report", "baznas", str(tmp_path / "b.xlsx"), "--from", "01-01-2026", "--to", "31-12-9999")
    assert proc.returncode == 2 and "tanggal harus antara 01-01-2000 dan 31-12-2099" in proc.stderr


def test_the_services_the_window_calls_check_the_same_bounds(ws):
    from desktop.domain.bounds import MAX_AMOUNT, MAX_DAYS
    from desktop.services import membership, settings
    from desktop.services.accounts import SYSTEM
    from desktop.services.errors import ServiceError

    import datetime as dt

    refusals = [
        (lambda: membership.add_payment(ws, SYSTEM, 12, batch="B-1", amount=MAX_AMOUNT + 1), "paling banyak"),
        (lambda: membership.renew(ws, SYSTEM, MAX_DAYS + 1, 12), "0 sampai 1830"),
        (lambda: membership.renew(ws, SYSTEM, 10**11, 12, amount=5), "0 sampai 1830"),
        (lambda: membership.quote_payment(ws, SYSTEM, 12, expiring_days=-1), "0 sampai 1830"),
        (lambda: membership.baznas_report(ws, ws.path.parent / "b.xlsx", SYSTEM, dt.date(2026, 1, 1),
                                          dt.date(9999, 12, 31)), "antara 01-01-2000 dan 31-12-2099"),
        (lambda: settings.save_programme_settings(ws, SYSTEM, settings.ProgrammeSettings(
            15, 65, 12, 10**20, 10)), "Batas penghasilan wajar"),
        (lambda: settings.save_programme_settings(ws, SYSTEM, settings.ProgrammeSettings(
            15, 10**9, 12, 5_000_000, 10)), "Umur maksimal paling banyak 120"),
    ]
    for call, fragment in refusals:
        with pytest.raises(ServiceError) as refused:
            call()
        assert fragment in refused.value.message


def test_an_income_too_large_for_any_number_column_is_a_reason_not_a_crash(laptop, tmp_path):
    from tests.conftest import make_raw

    source = tmp_path / "besar.json"
    source.write_text(json.dumps(make_raw(monthly_income=10**30)), encoding="utf-8")
    proc = run(laptop, "enroll", str(source))
    assert proc.returncode == 1 and "monthly_income: Penghasilan harus berupa angka rupiah" in proc.stderr


def test_a_csv_field_past_the_csv_module_limit_names_its_row(laptop, tmp_path):
    path = tmp_path / "ortu.csv"
    path.write_text('NIK;Nama Lengkap\n6171014508800001;SITI\n6171014508800002;"' + "A" * (200 << 10) + '"\n',
                    encoding="utf-8")
    proc = run(laptop, "import", str(path), "--school", "69800001")
    assert proc.returncode != 0 and "galat tak terduga" not in proc.stderr
    assert "ortu.csv tidak dapat dibaca: baris 3 berisi isian lebih dari 131.072 karakter" in proc.stderr

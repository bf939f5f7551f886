"""The membership work takes one path into the database and one way to write its spreadsheet, whoever runs
it: the command line, the window, a Windows laptop. No helper process is forked beside a write (a child
would inherit the open SQLCipher connection inside the transaction)."""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import openpyxl

from desktop.services import enrollment, membership
from desktop.services.accounts import SYSTEM
from tests.conftest import make_raw

SERVICES = Path(membership.__file__).parent


def test_the_submission_is_written_in_this_process_on_every_path(ws, tmp_path, monkeypatch):
    forked = []

    def no_fork():
        forked.append(threading.get_ident())
        raise OSError("fork refused by the test")

    monkeypatch.setattr(os, "fork", no_fork)
    for nik in ("6171014508800001", "6171014508800002"):
        enrollment.enroll(ws, make_raw(nik=nik), SYSTEM)
    assert threading.active_count() == 1     # as on the command line, where a fork was possible
    out = tmp_path / "ajuan.xlsx"
    result = membership.export_submission(ws, out, SYSTEM, months=6)
    assert not forked
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    niks = sorted(row[rows[0].index("NIK")] for row in rows[1:])
    assert result.records == 2 and niks == ["6171014508800001", "6171014508800002"]
    assert [b.number for b in membership.batches(ws)] == [result.number]


def test_the_membership_services_hold_no_statement_and_no_driver():
    """Every statement of the membership work lives in desktop.storage (issue 27)."""
    forbidden = re.compile(r"sqlalchemy|sqlcipher3|driver_connection|storage\.models|services\.parallel|"
                           r"\b(SELECT|INSERT|UPDATE|DELETE) ")
    found = {path.name: [m.group(0) for m in forbidden.finditer(path.read_text(encoding="utf-8"))]
             for path in SERVICES.glob("*.py")}
    assert {name: hits for name, hits in found.items() if hits} == {}

"""The zakat ledger on two branch laptops and the real hub: everything it says follows from the records'
events, so the second laptop shows the balances of payments the first recorded, to the rupiah."""

from __future__ import annotations

import datetime as dt

import openpyxl

from tests.hub.test_membership import as_json, write_answer
from tests.hub.test_sync import laptop, run, sync
from tests import ormdb


def test_the_ledger_synced_to_a_second_branch_laptop_has_the_same_balances(hub, tmp_path):
    first = laptop(tmp_path, "cabang-1", hub, workers=4, seed=91, role="admin")
    second = laptop(tmp_path, "cabang-2", hub, role="admin")
    sync(first)
    out = tmp_path / "ajuan.xlsx"
    batch = as_json(run(first, "bpjs", "export", str(out), "--json"))["batch"]
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    niks = [row[rows[0].index("NIK")] for row in rows[1:]]
    # Paid before BPJS's answer, then a month more with a transfer larger than owed; three answered active,
    # one refused.
    owed = as_json(run(first, "payment", "add", "--batch", batch, "--months", "12", "--reference", "T-1",
                       "--json"))["owed"]
    assert as_json(run(first, "payment", "balance", "--json"))["total"]["held"] == owed
    as_json(run(first, "payment", "add", "--batch", batch, "--months", "1", "--reference", "T-2",
                "--amount", f"{owed // 12 + 2_001}", "--json"))
    write_answer(tmp_path / "jawaban.xlsx",
                 [(i + 1, nik, "", f"2612000009{i}", dt.date(2026, 12, 1), "") for i, nik in enumerate(niks[:3])]
                 + [(4, niks[3], "", None, None, "NIK tidak terdaftar")])
    assert as_json(run(first, "bpjs", "import", str(tmp_path / "jawaban.xlsx"), "--json"))["activated"] == 3
    here = as_json(run(first, "payment", "balance", "--json"))
    total = here["total"]
    assert total["paid"] == total["allocated"] + total["credit"] and total["credit"] > 2_001 and total["held"] == 0
    assert [b["batch"] for b in here["batches"]] == [batch] and len(here["payments"]) == 2
    sync(first), sync(second)
    assert as_json(run(second, "payment", "balance", "--json")) == here
    # The credit carried to the next payment and the rest refunded, on the first laptop: the hub takes the
    # workers' credit events (its own bound: never more than came for a worker) and the second laptop
    # shows the same ledger.
    used = as_json(run(first, "payment", "add", "--batch", batch, "--months", "1", "--reference", "T-3",
                       "--use-credit", "--json"))
    assert used["credit_used"] > 0
    refunded = as_json(run(first, "payment", "refund", "--json"))
    moved = as_json(run(first, "payment", "balance", "--json"))
    assert moved["total"]["moved"] == used["credit_used"] and moved["total"]["refunded"] == refunded["amount"]
    assert moved["total"]["credit"] == 0 and moved["total"]["paid"] == total["paid"] - refunded["amount"]
    sync(first), sync(second)
    assert as_json(run(second, "payment", "balance", "--json")) == moved


def test_a_payment_recorded_before_the_ledger_reaches_the_hub_with_its_shares(hub, tmp_path):
    """A branch laptop upgraded with a payment recorded before workers' events carried their share of the
    transfer: the upgrade appends each worker's share, the hub takes them (appended, from the branch), and a
    second branch laptop's ledger holds the transfer, not what was owed."""
    from alembic import command as alembic_command
    from sqlalchemy import text

    from desktop.domain import lifecycle
    from desktop.services.workspace import Workspace
    from desktop.storage.engine import _alembic_config

    first = laptop(tmp_path, "cabang-lama", hub, workers=3, seed=93, role="admin")
    second = laptop(tmp_path, "cabang-baru", hub, role="admin")
    sync(first)
    batch = as_json(run(first, "bpjs", "export", str(tmp_path / "ajuan.xlsx"), "--json"))["batch"]
    sync(first)
    owed = as_json(run(first, "payment", "add", "--batch", batch, "--months", "12", "--reference", "T-1",
                       "--amount", "1", "--json"))["owed"]
    ws = Workspace(first, today=dt.date.today())
    with ormdb.engine(ws).begin() as connection:                # the payment as a laptop before 0016 stored it
        alembic_command.downgrade(_alembic_config(connection), "0015")
        for wid, events in connection.execute(text("SELECT id, lifecycle FROM workers")).all():
            old = [{k: v for k, v in e.items() if k != "paid"} for e in lifecycle.loads(events)]
            connection.execute(text("UPDATE workers SET lifecycle = :l WHERE id = :i"),
                               {"l": lifecycle.dumps(old), "i": wid})
    ws.close()
    here = as_json(run(first, "payment", "balance", "--json"))          # opening it upgrades it
    assert here["total"]["paid"] == 1 and owed > 1
    sync(first), sync(second)
    assert as_json(run(second, "payment", "balance", "--json")) == here

"""Sync from the window, against the real hub process: indicator, pulled records, retry with backoff."""

from desktop.services.accounts import SYSTEM
from desktop.services.demo import add_demo_workers
from desktop.sync import client
from tests.hub.test_sync import Hub
from tests import ormdb


def test_sync_indicator_and_retry_when_the_link_drops(qtbot, window, ws, tmp_path):
    assert "belum pernah" in window.sync.label.text()
    with qtbot.waitSignal(window.sync.finished, timeout=10_000) as first:
        window.sync.start()
    assert isinstance(first.args[1], client.NotRegistered)
    assert not window.sync.retry_timer.isActive()     # nothing to retry until the laptop is registered

    hub = Hub(tmp_path).start()
    try:
        client.register(ws, hub.url, hub.code("jendela"))
        add_demo_workers(ws, 12, SYSTEM, seed=13)
        window.sync.refresh()
        qtbot.waitUntil(lambda: "12 menunggu dikirim" in window.sync.label.text(), timeout=5000)
        with qtbot.waitSignal(window.sync.finished, timeout=30_000) as done:
            window.sync.start()
        report, error = done.args
        assert error is None and report.pushed == 12
        assert "0 menunggu dikirim" in window.sync.label.text()
        assert "belum pernah" not in window.sync.label.text()
        assert len(hub.records()) == 12
    finally:
        hub.stop()

    add_demo_workers(ws, 2, SYSTEM, seed=14)
    with qtbot.waitSignal(window.sync.finished, timeout=30_000) as failed:
        window.sync.start()
    assert isinstance(failed.args[1], client.SyncFailed)
    assert window.sync.retry_timer.isActive() and window.sync.retry_timer.interval() == 30_000
    assert "dicoba lagi dalam 30 detik" in window.sync.label.text()
    assert client.waiting_count(ws) == 2              # nothing lost, still waiting


def test_review_screen_settles_a_conflict_side_by_side(qtbot, window, ws, tmp_path):
    from PySide6.QtCore import Qt

    from desktop.services import enrollment
    from desktop.sync.review import ROWS
    from tests.hub.test_review import EDITABLE, edit
    from tests.hub.test_sync import laptop, sync

    hub = Hub(tmp_path).start()
    try:
        client.register(ws, hub.url, hub.code("kantor", review=True))
        add_demo_workers(ws, 3, SYSTEM, seed=31)
        client.sync(ws)
        other = laptop(tmp_path, "ketapang", hub)
        sync(other)
        from desktop.services.search import SearchQuery, iter_records

        target = next(iter_records(ws, SearchQuery()))
        values = {k: getattr(target, k) for k in EDITABLE}
        values["birth_date"] = values["birth_date"].strftime("%d-%m-%Y")
        enrollment.update_worker(ws, target.id, values | {"phone": "0812 1111 2222"}, SYSTEM)
        client.sync(ws)
        edit(other, target.id, phone="0813 3333 4444")
        assert "conflicts 1" in sync(other)
        client.sync(ws)                 # as if synced before this window opened: the state is remembered
        window.sync.refresh()
        qtbot.waitUntil(lambda: "1 perlu ditinjau" in window.sync.label.text(), timeout=5000)
        assert "belum pernah" not in window.sync.label.text()

        with qtbot.waitSignal(window.review_opened, timeout=5000) as opened:
            window.open_review()
        dialog = opened.args[0]
        qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=10_000)
        assert "Konflik" in dialog.list.item(0).text() and "ketapang" in dialog.list.item(0).text()
        phone_row = next(i for i, row in enumerate(ROWS) if row[0] == "phone")
        table = dialog.table
        assert table.item(phone_row, 1).text() == "✓ +6281211112222"      # the hub's version by default
        assert table.item(phone_row, 2).text() == "+6281333334444"
        assert table.item(phone_row, 3).text() == "+6281211112222"
        rect = table.visualRect(table.model().index(phone_row, 2))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert table.item(phone_row, 3).text() == "+6281333334444"        # the result follows the click
        assert table.item(phone_row, 2).text().startswith("✓")

        with qtbot.waitSignal(window.sync.finished, timeout=30_000):   # settling syncs the window at once
            dialog.apply_button.click()
        qtbot.waitUntil(lambda: dialog.list.count() == 0 and "diselesaikan" in dialog.status.text(), timeout=10_000)
        assert enrollment.get(ws, target.id).phone == "+6281333334444"
        assert "conflicts 0" in sync(other) and client.waiting_count(ws) == 0
    finally:
        hub.stop()


def test_review_screen_merges_a_possible_duplicate(qtbot, window, ws, tmp_path):
    import json

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.services import enrollment
    from desktop.services.search import SearchQuery, iter_records
    from desktop.sync.review import ROWS
    from tests.conftest import make_raw
    from tests.hub.test_sync import laptop, listed, run, sync

    hub = Hub(tmp_path).start()
    try:
        client.register(ws, hub.url, hub.code("kantor", review=True))
        enrollment.enroll_many(ws, [make_raw(phone="0896 1234 5678")], SYSTEM)
        client.sync(ws)
        other = laptop(tmp_path, "sambas", hub)
        source = tmp_path / "siti.json"
        source.write_text(json.dumps(make_raw(full_name="Siti Aminah Binti Yusuf")), encoding="utf-8")
        assert run(other, "enroll", str(source)).returncode == 0
        assert "duplicates 1" in sync(other)

        with qtbot.waitSignal(window.review_opened, timeout=5000) as opened:
            window.open_review()
        dialog = opened.args[0]
        qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=10_000)
        assert dialog.dismiss_button.isVisible() and dialog.apply_button.text() == "Gabungkan"
        dialog.keep.setCurrentIndex(1)                                   # keep the later number …
        kept = dialog.keep.currentData()
        phone_row = next(i for i, r in enumerate(ROWS) if r[0] == "phone")
        dialog._clicked(phone_row, 1)                                    # … with the first record's phone

        def confirm():
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                box.button(QMessageBox.StandardButton.Yes).click()
            else:
                QTimer.singleShot(20, confirm)

        QTimer.singleShot(0, confirm)
        with qtbot.waitSignal(window.sync.finished, timeout=30_000):
            dialog.apply_button.click()
        qtbot.waitUntil(lambda: dialog.list.count() == 0 and "digabungkan" in dialog.status.text(), timeout=10_000)
        live = list(iter_records(ws, SearchQuery()))
        assert [(r.id, r.full_name, r.phone) for r in live] == [(kept, "SITI AMINAH BINTI YUSUF", "+6289612345678")]
        sync(other)
        assert list(listed(other)) == [kept]
    finally:
        hub.stop()


def test_records_the_hub_refuses_are_named_in_the_status_bar(qtbot, window, ws, tmp_path):
    hub = Hub(tmp_path).start()
    try:
        client.register(ws, hub.url, hub.code("cetak", role="printer"))
        add_demo_workers(ws, 3, SYSTEM, seed=15)
        with qtbot.waitSignal(window.sync.finished, timeout=30_000) as done:
            window.sync.start()
        report, error = done.args
        assert error is None and len(report.rejected) == 3
        text = window.sync.label.text()
        assert "3 data ditolak hub" in text and "3 menunggu dikirim" in text    # kept here, nothing lost
        assert "laptop pencetak tidak mengirim perubahan data peserta" in window.sync.label.toolTip()
    finally:
        hub.stop()


def test_an_edit_the_hub_refused_is_dropped_from_the_window(qtbot, window, ws, tmp_path):
    from desktop.gui.refused_dialog import RefusedDialog
    from desktop.services import enrollment
    from desktop.services.workspace import Workspace

    hub = Hub(tmp_path).start()
    other = Workspace(tmp_path / "other.sqlite3")
    try:
        client.register(other, hub.url, hub.code("lain", role="volunteer"))
        add_demo_workers(other, 1, SYSTEM, seed=16)
        client.sync(other)
        client.register(ws, hub.url, hub.code("ini", role="volunteer"))
        client.sync(ws)
        theirs = enrollment.get(ws, _only_id(other))
        values = theirs.form_values() | {"phone": "0812 9999 0000"}
        enrollment.update_worker(ws, theirs.id, values, SYSTEM)
        with qtbot.waitSignal(window.sync.finished, timeout=30_000) as done:
            window.sync.start()
        assert len(done.args[0].rejected) == 1 and "Perubahan yang ditolak hub" in window.sync.label.text()
        window.open_refused()
        dialog: RefusedDialog = window.refused_dialog
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
        assert dialog.table.item(0, 0).text() == theirs.registration_no
        assert "laptop relawan" in dialog.table.item(0, 1).text()
        dialog.table.selectRow(0)
        assert dialog.drop_button.isEnabled()
        with qtbot.waitSignal(dialog.dropped, timeout=30_000):
            dialog.drop_button.click()
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=10_000)
        assert enrollment.get(ws, theirs.id).phone == theirs.phone
        assert client.waiting_count(ws) == 0
    finally:
        other.close()
        hub.stop()


def _only_id(workspace):
    from sqlalchemy import select

    from desktop.storage.models import Worker

    with ormdb.session(workspace) as session:
        return session.scalar(select(Worker.uuid))

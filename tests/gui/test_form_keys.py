"""Small keys in the enrollment form: an edit opens with the cursor after the NIK (a key does not
overwrite it), the address is not selected after the lock, the draft is restored with Alt+P, a
duplicate NIK is the one thing said, and a phone is edited in a few keys."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services import drafts, enrollment
from desktop.services.accounts import SYSTEM
from tests.conftest import make_raw
from tests.gui.keyboard import Keyboard
from tests.gui.test_keyboard_enrollment import ENTER, new_form

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


def open_edit(qtbot, window, record):
    with qtbot.waitSignal(window.form_opened, timeout=5000) as opened:
        window.open_record(record.id)
    form = opened.args[0]
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow, timeout=5000)
    return form


def test_an_edit_opens_with_the_cursor_after_the_nik_nothing_selected(qtbot, ws, window):
    record = enrollment.enroll(ws, make_raw(), SYSTEM)
    form = open_edit(qtbot, window, record)
    nik = form.fields["nik"]
    qtbot.waitUntil(nik.hasFocus, timeout=5000)
    qtbot.wait(50)        # nothing to wait for: the selection, if any, is made as the dialog shows
    assert not nik.hasSelectedText() and nik.cursorPosition() == len(nik.text())
    qtbot.keyClick(nik, Qt.Key.Key_Backspace)           # a key edits the NIK, it does not replace it
    assert nik.text() == record.nik[:-1]


def test_after_the_lock_the_address_is_not_selected(qtbot, ws, window):
    record = enrollment.enroll(ws, make_raw(), SYSTEM)
    qtbot.waitUntil(lambda: window.worker.pending == 0, timeout=10_000)
    form = open_edit(qtbot, window, record)
    address = form.fields["address"]
    address.setFocus()
    address.deselect()
    with qtbot.waitSignal(window.locked_changed, timeout=5000):
        window.idle.timer.start(10)
    dialog = window.lock_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.password.setText("kapal-motor-admin-1")
    with qtbot.waitSignal(window.locked_changed, timeout=10_000):
        dialog._submit()
    qtbot.waitUntil(form.isVisible)
    form.activateWindow()
    qtbot.waitUntil(lambda: address.hasFocus(), timeout=5000)
    qtbot.wait(50)
    assert not address.hasSelectedText() and address.cursorPosition() == len(address.text())


def test_the_draft_is_restored_with_alt_p(qtbot, ws, window, admin):
    drafts.save_draft(ws, admin.username, "new", {"nik": "6171014508800001", "full_name": "SITI AMINAH"})
    keys = Keyboard(qtbot)
    form = new_form(qtbot, window, keys)
    qtbot.waitUntil(form.banner.isVisible, timeout=5000)
    assert "Alt+P" in form.restore_button.text()
    keys.press(Qt.Key.Key_P, ALT, "Alt+P")
    qtbot.waitUntil(lambda: not form.banner.isVisible(), timeout=2000)      # a button's Alt+letter clicks it
    assert form.fields["full_name"].text() == "SITI AMINAH"


def test_a_duplicate_nik_is_the_one_thing_said_at_the_first_enter(qtbot, ws, window):
    enrollment.enroll(ws, make_raw(), SYSTEM)
    keys = Keyboard(qtbot)
    form = new_form(qtbot, window, keys)
    with qtbot.waitSignal(form.nik_checked, timeout=5000):
        keys.type(make_raw()["nik"])
    keys.press(ENTER)
    assert form.summary.property("severity") == "error"
    assert "sudah terdaftar" in form.summary.text() or "terdaftar" in form.error_text_for("nik")
    assert form.summary.text().split(".")[0] in form.error_text_for("nik")    # the duplicate itself …
    assert "9 isian" not in form.summary.text() and "perlu diperbaiki atau dilengkapi" not in form.summary.text()


def test_a_phone_is_edited_in_a_few_keys(qtbot, ws, window, record_property):
    """Find her, open her record, Alt+H to the phone, the new number, Ctrl+S."""
    record = enrollment.enroll(ws, make_raw(), SYSTEM)
    window.run_search()
    qtbot.waitUntil(lambda: window.model.total == 1, timeout=5000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_F, CTRL, "Ctrl+F")
    assert window.search_box.hasFocus()
    keys.type("siti")
    qtbot.waitUntil(lambda: window.model.total == 1 and window.worker.pending == 0, timeout=5000)
    with qtbot.waitSignal(window.form_opened, timeout=5000) as opened:
        keys.press(ENTER)
    form = opened.args[0]
    qtbot.waitUntil(form.isActiveWindow, timeout=5000)
    keys.press(Qt.Key.Key_H, ALT, "Alt+H")
    phone = form.fields["phone"]
    assert phone.hasFocus() and phone.selectedText() == phone.text()        # typing replaces the number
    keys.type("081298765432")
    with qtbot.waitSignal(form.saved, timeout=10_000):
        keys.press(Qt.Key.Key_S, CTRL, "Ctrl+S")
    assert enrollment.get(ws, record.id).phone == "+6281298765432"
    record_property("keys", keys.summary())
    print("phone edit:", keys.summary(), "|", " ".join(keys.log))
    assert keys.moves <= 4 and keys.total <= 20     # was 33 keys: 13 Tabs from the NIK

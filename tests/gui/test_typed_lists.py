"""Every list typed into is the same typed list: a word from the middle of an entry finds it, text that
names nothing is said, Enter moves on and never presses a dialog's default button. In the enrollment
form: Enter after a school goes to the pupil, never to Save; a desa of another kecamatan is offered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.services import enrollment, schools
from desktop.services.accounts import SYSTEM
from desktop.services.demo import add_demo_workers
from tests.gui.keyboard import Keyboard
from tests.gui.test_keyboard_enrollment import ENTER, TAB, new_form

NIK = "6171014508800001"          # issued in Pontianak Selatan (617101)
FILLED = dict(nik=NIK, full_name="SITI AMINAH", birth_place="PONTIANAK", address="Jl. Tanjungpura 5",
              desa_code="6171011003", heir_name="AHMAD FAUZI", heir_relationship="spouse",
              phone="081234567890", occupation="street_vendor", monthly_income="1500000")


@pytest.fixture
def school(qtbot, ws, window):
    schools.add_school(ws, "69800001", "SD Negeri 12 Pontianak", "SD", "6171")
    window.worker.changed.emit("schools")
    qtbot.waitUntil(lambda: len(window.schools) == 1, timeout=5000)


def focus_name(form) -> str:
    widget = QApplication.focusWidget()
    assert widget is not None and widget.isVisible()
    return next((name for name, field in form.fields.items() if field is widget or field.isAncestorOf(widget)),
                widget.objectName())


def test_enter_after_a_school_goes_to_the_pupil_and_never_saves_without_it(qtbot, ws, window, school):
    keys = Keyboard(qtbot)
    form = new_form(qtbot, window, keys)
    form.fill(**FILLED)
    form.fields["school_npsn"].setFocus()
    keys.type("sdn 12")
    keys.press(ENTER)                                  # the school, picked with Enter
    assert form.fields["school_npsn"].currentData() == "69800001"
    assert focus_name(form) == "pupil_name"            # was: the Save button, and typed letters went nowhere
    keys.press(ENTER)                                  # Enter on the empty name: to the class, said why
    assert focus_name(form) == "pupil_class"
    assert "nama siswa" in form.error_text_for("pupil_name").lower()
    keys.press(ENTER)                                  # and back to the name: never Save, nothing saved
    assert focus_name(form) == "pupil_name"
    assert form.isVisible() and enrollment.find_by_nik(ws, NIK) is None
    assert "kelas siswa" in form.error_text_for("pupil_class").lower()
    keys.type("Nur Aini")
    keys.press(ENTER)
    assert focus_name(form) == "pupil_class"
    keys.type("5")
    keys.press(ENTER)
    assert form.focusWidget() is form.save_button and form.save_button.isVisible()
    with qtbot.waitSignal(form.saved, timeout=10_000) as saved:
        keys.press(ENTER)
    stored = enrollment.get(ws, saved.args[0].id)
    assert (stored.school_npsn, stored.pupil_name, stored.pupil_class) == ("69800001", "NUR AINI", "5")


def test_a_desa_of_another_kecamatan_is_offered_with_its_kecamatan(qtbot, ws, window, record_property):
    """She lives in Pontianak Barat though her NIK was issued in Pontianak Selatan."""
    keys = Keyboard(qtbot)
    form = new_form(qtbot, window, keys)
    keys.type(NIK)
    keys.press(ENTER)
    keys.type("siti aminah")
    keys.press(ENTER)
    keys.type("Pontianak")
    keys.press(ENTER)
    keys.type("Jl. Komyos Sudarso 9")
    keys.press(ENTER)
    desa, kecamatan = form.fields["desa_code"], form.fields["kecamatan_code"]
    assert desa.hasFocus() and kecamatan.currentData() == "617101"
    keys.type("pallima")
    assert desa.popup_visible and desa.shown_texts() == ["Pallima (kelurahan), Kec. Pontianak Barat"]
    keys.press(ENTER)
    assert desa.currentData() == "6171031001" and kecamatan.currentData() == "617103"   # the kecamatan follows
    assert focus_name(form) == "heir_name"
    assert ws.regions.get(desa.currentData()).name == "Pallima"
    # The desa of the kecamatan chosen come first, each list entry saying its kecamatan.
    texts = [desa.itemText(i) for i in range(1, desa.count())]
    assert texts[0].endswith("Kec. Pontianak Barat") and any(t.endswith("Kec. Pontianak Selatan") for t in texts)
    for text in ("Ahmad Fauzi", "suami", "081234567890", "kaki lima"):
        keys.type(text)
        keys.press(ENTER)
    keys.type("1500000")
    with qtbot.waitSignal(form.saved, timeout=10_000) as saved:
        keys.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = enrollment.get(ws, saved.args[0].id)
    assert (stored.kecamatan_code, stored.desa_code) == ("617103", "6171031001")
    record_property("keys", keys.summary())
    print("keyboard enrollment, other domicile:", keys.summary(), "|", " ".join(keys.log))
    assert keys.moves <= 11


def test_a_desa_typed_that_names_nothing_is_said_not_dropped(qtbot, ws, window):
    keys = Keyboard(qtbot)
    form = new_form(qtbot, window, keys)
    form.fill(nik=NIK)
    desa = form.fields["desa_code"]
    desa.setFocus()
    keys.type("sungai ambawang")                       # a desa of Kubu Raya, not of Kota Pontianak
    assert not desa.popup_visible and desa.note_visible
    assert "sungai ambawang" in desa.note.text()
    keys.press(ENTER)                                  # Enter stays, the text kept for correcting
    assert desa.hasFocus() and desa.lineEdit().text() == "sungai ambawang"
    keys.press(TAB)                                    # left: put back, and said under the field
    assert desa.currentData() == "" and not desa.note_visible
    said = form.error_text_for("desa_code")
    assert "\u201csungai ambawang\u201d tidak ada di desa/kelurahan Kota Pontianak" in said
    assert "ubah Kabupaten/Kota" in said
    desa.setFocus()                                    # another entry chosen: what was said is past
    keys.type("akcaya")
    keys.press(ENTER)
    assert ws.regions.name(desa.currentData()) == "Akcaya" and "sungai ambawang" not in form.error_text_for("desa_code")
    form.fields["desa_code"].select_data("")
    # Choosing the kabupaten it is in, then the desa: found, and what was said is gone.
    kab = form.fields["kabupaten_code"]
    kab.setFocus()
    keys.type("kubu raya")
    keys.press(ENTER)
    assert kab.currentData() == "6112" and "sungai ambawang" not in form.error_text_for("desa_code")
    desa.setFocus()
    keys.type("sungai ambawang")
    assert desa.popup_visible
    keys.press(ENTER)
    assert desa.currentData().startswith("6112") and "Sungai Ambawang" in desa.currentText()
    assert form.fields["kecamatan_code"].currentData() == desa.currentData()[:6]


# --------------------------------------------------------------------------- every list in the app

def _submit(qtbot, window, ws):
    from tests.gui.test_membership_window import open_membership

    kep = open_membership(qtbot, window)
    dialog = kep.open_submit()
    qtbot.waitUntil(lambda: dialog.ready is not None, timeout=10_000)
    return dialog


def _accounts(qtbot, window, ws):
    from desktop.gui.accounts_dialog import AccountsDialog

    dialog = AccountsDialog(ws, window.worker, window.actor, window)
    qtbot.addWidget(dialog)
    return dialog


def _audit(qtbot, window, ws):
    dialog = window.open_audit()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=10_000)
    return dialog


def _print(qtbot, window, ws):
    from tests.gui.test_print_dialog import open_print

    add_demo_workers(ws, 2, SYSTEM, seed=5)
    window.run_search()
    qtbot.waitUntil(lambda: window.model.total == 2, timeout=5000)
    return open_print(qtbot, window)


def _schools(qtbot, window, ws):
    from desktop.gui.schools_dialog import SchoolsDialog

    dialog = SchoolsDialog(ws, window.worker, window.actor, window)
    qtbot.addWidget(dialog)
    return dialog


def _accounts_with_schools(qtbot, window, ws):
    dialog = _accounts(qtbot, window, ws)
    qtbot.waitUntil(lambda: dialog.school.count() == 2, timeout=5000)
    dialog.role.select_data("coordinator")
    return dialog


LISTS = [   # (where, opens it, the list, typed word from the middle, the value it must find)
    ("Ajukan ke BPJS: kabupaten", _submit, lambda d: d.kabupaten, "raya", "6112"),
    ("Ajukan ke BPJS: sekolah", _submit, lambda d: d.school, "pontianak", "school"),
    ("Kelola akun: peran", _accounts, lambda d: d.role, "cetak", "printer"),
    ("Daftar: kabupaten", lambda q, w, ws: w, lambda w: w.kabupaten_filter, "raya", "6112"),
    ("Daftar: sekolah", lambda q, w, ws: w, lambda w: w.school_filter, "pontianak", "school"),
    ("Daftar: status", lambda q, w, ws: w, lambda w: w.status_filter, "30 hari", "expiring"),
    ("Catatan audit: tindakan", _audit, lambda d: d.action_filter, "tagihan", "bpjs_bill"),
    ("Cetak kartu: tata letak", _print, lambda d: d.layout_combo, "halaman", "card"),
    ("Sekolah: kabupaten", _schools, lambda d: d.kabupaten, "raya", "6112"),
    ("Kelola akun: sekolah", _accounts_with_schools, lambda d: d.school, "pontianak", "69800001"),
]


@pytest.mark.parametrize(("where", "opener", "get_list", "word", "value"), LISTS, ids=[row[0] for row in LISTS])
def test_every_list_finds_an_entry_by_a_word_from_its_middle(qtbot, ws, window, school, where, opener, get_list,
                                                              word, value):
    if value == "school":
        value = window.schools[0].id
    if value == "expiring":
        from desktop.gui.worker_model import EXPIRING_SOON as value
    holder = opener(qtbot, window, ws)
    holder.show()
    holder.activateWindow()
    qtbot.waitUntil(holder.isActiveWindow, timeout=5000)
    combo = get_list(holder)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus, timeout=2000)
    qtbot.keyClicks(QApplication.focusWidget(), word)
    qtbot.keyClick(QApplication.focusWidget(), ENTER)
    assert combo.currentData() == value, where
    assert not combo.hasFocus()                        # Enter took it and moved on


def test_enter_in_ajukan_kabupaten_moves_on_and_recounts_never_the_save_dialog(qtbot, ws, window, monkeypatch):
    add_demo_workers(ws, 6, SYSTEM, seed=21)
    dialog = _submit(qtbot, window, ws)
    qtbot.waitUntil(lambda: dialog.ready == 6, timeout=10_000)
    opened = []
    monkeypatch.setattr(dialog, "choose_file", lambda: opened.append(True))
    monkeypatch.setattr("desktop.gui.privacy.save_path", lambda *a, **k: opened.append(True))
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    from desktop.services import membership
    from desktop.services.search import SearchQuery

    empty = next(k for k in ws.regions.kabupaten()          # a kabupaten with nobody: the count must change
                 if not membership.count_ready(ws, SearchQuery(kabupaten_code=k.code)).not_ready.get("ready"))
    keys = Keyboard(qtbot)
    dialog.kabupaten.setFocus()
    qtbot.waitUntil(dialog.kabupaten.hasFocus, timeout=2000)
    keys.type("zzzz")
    keys.press(ENTER)                                    # names nothing: stays, said
    assert dialog.kabupaten.hasFocus() and dialog.kabupaten.note_visible
    dialog.kabupaten.lineEdit().selectAll()
    keys.type(empty.short_name.lower())
    keys.press(ENTER)
    assert dialog.kabupaten.currentData() == empty.code and dialog.school.hasFocus()
    assert not dialog.export_button.isEnabled()          # the old count (6) cannot be written meanwhile
    keys.press(ENTER)                                    # Enter on the school list: moves on too
    assert not opened and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.ready == 0, timeout=10_000)
    assert "Tidak ada peserta yang siap" in dialog.readiness.text()


def test_a_list_without_a_blank_entry_emptied_and_left_keeps_its_choice_quietly(qtbot, ws, window):
    keys = Keyboard(qtbot)
    form = new_form(qtbot, window, keys)
    programme = form.fields["programme"]
    before = programme.currentData()
    programme.setFocus()
    keys.press(Qt.Key.Key_Backspace)                   # the whole entry was selected: now empty
    assert programme.lineEdit().text() == ""
    keys.press(TAB)
    assert programme.currentData() == before and programme.lineEdit().text() == programme.currentText()
    assert form.error_text_for("programme") == ""      # nothing typed, so nothing to say

"""Keyboard only, as a volunteer enrolls: from Ctrl+N in the main window to the saved record, region,
school and occupation picked by typing words, every key counted."""

from PySide6.QtCore import Qt

from desktop.services import enrollment, schools
from tests.gui.keyboard import Keyboard

ENTER, TAB = Qt.Key.Key_Return, Qt.Key.Key_Tab
CTRL = Qt.KeyboardModifier.ControlModifier


def new_form(qtbot, window, keys):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    with qtbot.waitSignal(window.form_opened, timeout=5000) as opened:
        keys.press(Qt.Key.Key_N, CTRL, "Ctrl+N")
    form = opened.args[0]
    qtbot.waitUntil(form.isActiveWindow, timeout=5000)
    qtbot.waitUntil(lambda: form.fields["nik"].hasFocus(), timeout=5000)
    return form


def enroll_by_keyboard(qtbot, window, keys, school: bool, pupil_by_enter: bool = False):
    """One worker whose NIK says where she lives (Pontianak Selatan): the NIK fills her birth date,
    sex, kabupaten and kecamatan; Enter goes to the next field still to fill."""
    form = new_form(qtbot, window, keys)
    keys.type("6171014508800001")
    keys.press(ENTER)
    assert form.fields["full_name"].hasFocus()           # No. KK (optional), birth date, sex: filled or optional
    assert form.fields["birth_date"].text() == "05-08-1980" and form.fields["sex"].currentData() == "P"
    keys.type("siti aminah")
    keys.press(ENTER)
    keys.type("Pontianak")
    keys.press(ENTER)
    assert form.fields["address"].hasFocus()
    keys.type("Jl. Tanjungpura No. 5 RT 1/2")
    keys.press(ENTER)
    desa = form.fields["desa_code"]
    assert desa.hasFocus()                                # kabupaten and kecamatan came from the NIK
    keys.type("benua darat")                              # "Benuamelayu Darat", typed split
    assert desa.popup_visible and desa.shown_texts()[0].startswith("Benuamelayu Darat")
    keys.press(ENTER)
    assert desa.currentData() == "6171011003"
    keys.type("Ahmad Fauzi")
    keys.press(ENTER)
    keys.type("suami")                                   # "Suami/Istri" by its first word …
    keys.press(ENTER)
    assert form.fields["heir_relationship"].currentData() == "spouse"
    assert form.fields["phone"].hasFocus()               # the heir's phone is optional: skipped
    keys.type("081234567890")
    keys.press(ENTER)
    keys.type("kaki lima")                               # … "Pedagang kecil / kaki lima" by its last words
    keys.press(ENTER)
    assert form.fields["occupation"].currentData() == "street_vendor"
    keys.type("1500000")
    if school:
        keys.press(TAB)                                  # the school is optional: Tab, not Enter, goes there
        assert form.fields["school_npsn"].hasFocus()
        keys.type("sdn 12")
        keys.press(ENTER if pupil_by_enter else TAB)     # Enter: on to the pupil, as Tab
        assert form.fields["school_npsn"].currentData() == "69800001"
        assert form.fields["pupil_name"].hasFocus()
        keys.type("Nur Aini")
        keys.press(ENTER if pupil_by_enter else TAB)
        keys.type("5")
    if pupil_by_enter:
        keys.press(ENTER)                                # nothing left to fill: the Save button …
        assert form.focusWidget() is form.save_button
    with qtbot.waitSignal(form.saved, timeout=10_000) as saved:
        if pupil_by_enter:
            keys.press(ENTER)                            # … which Enter presses
        else:
            keys.press(Qt.Key.Key_S, CTRL, "Ctrl+S")
    return saved.args[0]


def test_a_worker_enrolled_by_keyboard_alone(qtbot, ws, window, admin, record_property):
    schools.add_school(ws, "69800001", "SD Negeri 12 Pontianak", "SD", "6171")
    window.worker.changed.emit("schools")
    qtbot.waitUntil(lambda: len(window.schools) == 1, timeout=5000)
    keys = Keyboard(qtbot)
    with qtbot.waitSignal(window.record_selected, timeout=15_000) as selected:
        record = enroll_by_keyboard(qtbot, window, keys, school=True)

    stored = enrollment.get(ws, record.id)
    assert (stored.nik, stored.full_name, stored.birth_date.isoformat(), stored.sex) == (
        "6171014508800001", "SITI AMINAH", "1980-08-05", "P")
    assert (stored.kabupaten_code, stored.kecamatan_code, stored.desa_code) == ("6171", "617101", "6171011003")
    assert (stored.heir_name, stored.heir_relationship, stored.phone) == ("AHMAD FAUZI", "spouse", "+6281234567890")
    assert (stored.occupation, stored.monthly_income, stored.school_npsn) == ("street_vendor", 1_500_000, "69800001")
    assert (stored.pupil_name, stored.pupil_class) == ("NUR AINI", "5")
    # The saved record is selected in the list, and the next blank form is one key away.
    assert selected.args[0] == record.id
    current = window.table.currentIndex()
    assert window.model.rows[current.row()].id == record.id and window.focusWidget() is window.table
    assert "Ctrl+N" in window.statusBar().currentMessage()
    form = new_form(qtbot, window, Keyboard(qtbot))
    assert form.fields["nik"].text() == "" and form.record is None

    record_property("keys", keys.summary())
    print("keyboard enrollment with a school:", keys.summary(), "|", " ".join(keys.log))
    assert keys.moves <= 14
    assert keys.seconds() < 60


def test_a_worker_with_a_pupil_by_enter_alone(qtbot, ws, window, record_property):
    """The school block walked by Enter: the school, the pupil's name and class, Save."""
    schools.add_school(ws, "69800001", "SD Negeri 12 Pontianak", "SD", "6171")
    window.worker.changed.emit("schools")
    qtbot.waitUntil(lambda: len(window.schools) == 1, timeout=5000)
    keys = Keyboard(qtbot)
    record = enroll_by_keyboard(qtbot, window, keys, school=True, pupil_by_enter=True)
    stored = enrollment.get(ws, record.id)
    assert (stored.school_npsn, stored.pupil_name, stored.pupil_class) == ("69800001", "NUR AINI", "5")
    record_property("keys", keys.summary())
    print("keyboard enrollment with a pupil, by Enter:", keys.summary(), "|", " ".join(keys.log))
    assert keys.total <= 150 and keys.moves <= 16


def test_the_same_worker_without_a_school(qtbot, ws, window):
    keys = Keyboard(qtbot)
    record = enroll_by_keyboard(qtbot, window, keys, school=False)
    assert enrollment.get(ws, record.id).desa_code == "6171011003"
    print("keyboard enrollment without a school:", keys.summary(), "|", " ".join(keys.log))
    assert keys.moves <= 11          # Ctrl+N, 9 × Enter, Ctrl+S (17 before: a Tab for every field)
    assert keys.seconds() < 60


def test_a_kabupaten_and_kecamatan_typed_by_any_word(qtbot, ws, window):
    """A worker living away from where the NIK was issued: the regions are typed, and Sintang is
    found though every kabupaten starts with "Kabupaten"."""
    keys = Keyboard(qtbot)
    form = new_form(qtbot, window, keys)
    keys.type("6171014508800001")
    keys.press(ENTER)
    kab, kec, desa = (form.fields[n] for n in ("kabupaten_code", "kecamatan_code", "desa_code"))
    kab.setFocus()
    keys.type("sintang")
    assert kab.shown_texts() == ["Kabupaten Sintang"]
    keys.press(ENTER)
    assert kab.currentData() == "6105"
    assert form.fields["kabupaten_code"].currentData() == "6105"
    assert kec.hasFocus() and kec.currentData() == ""     # the kecamatan list follows the kabupaten
    assert all(form.ws.regions.get(kec.itemData(i)).code.startswith("6105") for i in range(1, kec.count()))
    keys.type("kelam")
    keys.press(ENTER)
    assert kec.currentData().startswith("6105") and "Kelam" in kec.currentText()
    assert desa.hasFocus() and desa.count() > 1
    # A word that names nothing puts the choice back when the field is left.
    keys.type("zzz")
    assert not desa.popup_visible
    keys.press(TAB)
    assert desa.currentData() == "" and desa.lineEdit().text() == ""

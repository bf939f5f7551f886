"""Lists you can see and type into, and the form's manners: errors when a field is left, a NIK that
is corrected, an edit that shows what the record is, a record the user may only read."""

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from desktop.gui.main_window import MainWindow
from desktop.paths import RESOURCES
from desktop.services import enrollment
from desktop.services.accounts import SYSTEM, Role, create_account
from tests.conftest import make_raw
from tests.gui.conftest import open_new_form


@pytest.fixture
def styled(qapp):
    """The app's own style sheet, as make_app installs it."""
    before = qapp.styleSheet()
    qapp.setStyleSheet((RESOURCES / "style.qss").read_text(encoding="utf-8"))
    yield qapp
    qapp.setStyleSheet(before)


def _row_colours(view, row):
    image = view.viewport().grab(view.visualRect(view.model().index(row, 0))).toImage()
    return {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}


def _dark(name):
    colour = QColor(name)
    return colour.lightness() < 150


@pytest.mark.parametrize("kind", ["plain", "typed"])
def test_the_highlighted_entry_of_a_list_shows_its_text(qtbot, styled, kind):
    from desktop.gui.widgets import SearchCombo

    holder = QWidget()
    combo = QComboBox() if kind == "plain" else SearchCombo()
    QVBoxLayout(holder).addWidget(combo)
    for text in ("Kabupaten Sambas", "Kabupaten Sintang", "Kota Singkawang", "Kabupaten Sanggau"):
        combo.addItem(text, text)
    qtbot.addWidget(holder)
    holder.resize(320, 80)
    holder.show()
    qtbot.waitExposed(holder)
    if kind == "plain":
        combo.showPopup()
        view = combo.view()
        qtbot.waitUntil(view.isVisible)
        view.setCurrentIndex(combo.model().index(2, 0))
    else:
        combo.setFocus()
        qtbot.keyClicks(combo, "s")
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        view = combo.list
        qtbot.waitUntil(view.isVisible)
    row = view.currentIndex().row()
    colours = _row_colours(view, row)
    # Before the fix the highlighted row of a plain list was a blank white box: one colour, no text.
    assert len(colours) > 2, colours
    assert any(_dark(c) for c in colours) or QColor("#1f7a5c").name() in colours
    other = _row_colours(view, (row + 1) % view.model().rowCount())
    assert colours != other        # the highlighted row looks different from the others
    if kind == "plain":
        combo.hidePopup()


def test_typing_finds_entries_by_any_word_and_joined_or_split_spellings():
    from desktop.domain.text import choice_matches

    assert choice_matches("sintang", "Kabupaten Sintang")
    assert choice_matches("KUBU raya", "Kabupaten Kubu Raya") and choice_matches("kuburaya", "Kabupaten Kubu Raya")
    assert choice_matches("kota baru", "Kotabaru") and choice_matches("benua darat", "Benuamelayu Darat")
    assert choice_matches("ojek", "Pengemudi ojek") and choice_matches("istri", "Suami/Istri")
    assert not choice_matches("ntang", "Kabupaten Sintang") and not choice_matches("sambas x", "Kabupaten Sambas")


def test_a_blank_form_is_calm_and_a_save_attempt_jumps_to_the_first_problem(qtbot, window):
    form = open_new_form(qtbot, window)
    assert form.summary.property("severity") == "info"
    assert not any(form.error_text_for(name) for name in form.fields)
    form.fields["full_name"].setFocus()
    qtbot.keyClicks(form.fields["full_name"], "siti")
    qtbot.keyClick(form.fields["full_name"], Qt.Key.Key_Tab)      # left after an edit: its problems show
    assert form.error_text_for("nik") == "" and form.summary.property("severity") == "info"
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.isVisible() and form.summary.property("severity") == "error"
    assert "NIK wajib diisi" in form.error_text_for("nik") or form.error_text_for("nik")
    qtbot.waitUntil(lambda: form.fields["nik"].hasFocus(), timeout=2000)   # the first field to fix
    assert enrollment.find_by_nik(window.ws, "6171014508800001") is None


def test_a_corrected_nik_fills_birth_date_sex_and_region_again_unless_changed_by_hand(qtbot, window):
    form = open_new_form(qtbot, window)
    nik = form.fields["nik"]
    nik.setFocus()
    qtbot.keyClicks(nik, "6171014508800001")          # a woman born 05-08-1980, Pontianak Selatan
    assert (form.fields["birth_date"].text(), form.fields["sex"].currentData(),
            form.fields["kecamatan_code"].currentData()) == ("05-08-1980", "P", "617101")
    nik.clear()
    qtbot.keyClicks(nik, "6101020708750002")          # corrected: a man born 07-08-1975, Kabupaten Sambas
    assert (form.fields["birth_date"].text(), form.fields["sex"].currentData(),
            form.fields["kabupaten_code"].currentData(), form.fields["kecamatan_code"].currentData()) == (
        "07-08-1975", "L", "6101", "610102")
    # The birth date typed by hand stays when the NIK is corrected once more; the rest follows it.
    birth = form.fields["birth_date"]
    birth.setFocus()
    birth.clear()
    qtbot.keyClicks(birth, "08-08-1975")
    nik.setFocus()
    nik.clear()
    qtbot.keyClicks(nik, "6171014508800001")
    assert form.fields["birth_date"].text() == "08-08-1975"
    assert form.fields["sex"].currentData() == "P" and form.fields["kecamatan_code"].currentData() == "617101"


def test_desa_labels_have_single_spaces(qtbot, window):
    form = open_new_form(qtbot, window)
    form.fill(kabupaten_code="6171", kecamatan_code="617101")
    desa = form.fields["desa_code"]
    texts = [desa.itemText(i) for i in range(1, desa.count())]
    assert texts and all("  " not in t for t in texts) and any(t.endswith(" (kelurahan), Kec. Pontianak Selatan") for t in texts)
    form.done(0)


def test_the_edit_form_shows_what_the_record_is_and_formats_phone_and_income(qtbot, ws, worker, admin):
    from desktop.gui.enrollment_form import EnrollmentForm

    record = enrollment.enroll(ws, make_raw(), SYSTEM)
    known = dataclasses.replace(record, kpj_number="26011234567", status="active",
                                coverage_start=dt.date(2026, 12, 1), coverage_end=dt.date(2027, 11, 30))
    form = EnrollmentForm(ws, worker, admin, known)
    qtbot.addWidget(form)
    assert form.facts["registrationNo"].text() == record.registration_no
    assert form.facts["kpjNumber"].text() == "26011234567"
    assert form.facts["statusLabel"].text() == "Aktif"
    assert form.facts["coverageLabel"].text() == "01-12-2026 s.d. 30-11-2027"
    assert form.fields["phone"].text() == "0812-3456-7890" and form.fields["monthly_income"].text() == "1.500.000"
    assert not form.is_dirty()                      # shown formatted, yet nothing changed
    assert not {"status", "coverage_start", "coverage_end"} & set(form.fields)   # never typed by hand
    fresh = EnrollmentForm(ws, worker, admin, record)
    qtbot.addWidget(fresh)
    assert "kpjNumber" not in fresh.facts and "coverageLabel" not in fresh.facts   # not known yet
    new = EnrollmentForm(ws, worker, admin)
    qtbot.addWidget(new)
    assert not {"status", "coverage_start", "coverage_end"} & set(new.values()) and not new.facts


def test_a_volunteer_reads_a_record_she_may_not_edit_masked_and_without_save(qtbot, ws, worker, admin):
    record = enrollment.enroll(ws, make_raw(no_kk="6171010903150001", heir_phone="0813-2222-3333"), admin)
    volunteer = create_account(ws, "ani", "Ani", "kapal-motor-ani-12", Role.VOLUNTEER, by=admin)
    window = MainWindow(ws, worker, volunteer)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    assert window.new_button.isVisible() and not window.import_button.isVisible()
    assert not window.print_button.isVisible()
    assert not window.menuBar().actions()[1].isVisible()     # Pengaturan: for admins only
    with qtbot.waitSignal(window.form_opened, timeout=5000) as opened:
        window.open_record(record.id)
    form = opened.args[0]
    assert form.read_only and "hanya dilihat" in form.windowTitle()
    assert form.fields["nik"].text() == "617101••••••0001" and form.fields["no_kk"].text() == "617101••••••0001"
    assert form.fields["phone"].text() == "0812-••••-•890" and form.fields["heir_phone"].text() == "0813-••••-•333"
    assert set(form.fields["address"].text()) == {"•"}
    assert form.fields["full_name"].text() == "SITI AMINAH"
    assert not form.save_button.isVisible() and not form.delete_button.isVisible()
    assert all(w.isReadOnly() if hasattr(w, "isReadOnly") and not isinstance(w, QComboBox) else not w.isEnabled()
               for w in form.fields.values())
    assert "didaftarkan oleh admin" in form.summary.text()
    form.save()                                   # Ctrl+S does nothing here
    assert enrollment.get(ws, record.id).revision == 1
    form.reject()                                 # closes at once: nothing to keep as a draft
    assert not form.isVisible()


def test_the_list_selection_survives_and_double_click_opens_one_form(qtbot, ws, window):
    enrollment.enroll(ws, make_raw(), SYSTEM)
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.run_search()
    index = window.model.index(0, 1)
    window.table.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    with qtbot.waitSignal(window.form_opened, timeout=5000):
        window.table.doubleClicked.emit(index)
        window.table.activated.emit(index)          # a double-click is also an activation
    qtbot.waitUntil(lambda: window.worker.pending == 0, timeout=5000)   # both activations answered
    from desktop.gui.enrollment_form import EnrollmentForm

    assert len([f for f in window.findChildren(EnrollmentForm) if f.isVisible()]) == 1

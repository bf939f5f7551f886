"""The real window under pytest-qt: type as a volunteer would, read what the screen says."""

from PySide6.QtCore import Qt

from desktop.services import enrollment
from desktop.services.accounts import SYSTEM
from tests.conftest import make_raw
from tests.gui.conftest import open_new_form


def type_into(qtbot, form, name, text, leave=True):
    """Type into a field, then leave it with Tab (its problems show once it is left)."""
    widget = form.fields[name]
    widget.setFocus()
    widget.clear()
    qtbot.keyClicks(widget, text)
    if leave:
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda: name in form.shown, timeout=2000)


def choose(form, name, value):
    combo = form.fields[name]
    combo.setCurrentIndex(combo.findData(value))
    combo.activated.emit(combo.currentIndex())


def test_typing_shows_indonesian_errors_then_save_and_find(qtbot, window):
    form = open_new_form(qtbot, window)
    # A blank form greets nobody with red errors: the summary says calmly what is left, Save is there.
    assert not form.is_valid() and form.save_button.isEnabled() and form.save_button.isVisible()
    assert form.summary.property("severity") == "info" and "perlu diisi" in form.summary.text()
    assert not any(form.error_text_for(name) for name in form.fields)
    assert "Ctrl+S" in form.save_button.text()

    type_into(qtbot, form, "nik", "617101450880", leave=False)
    assert form.error_text_for("nik") == ""          # not while typing …
    qtbot.keyClick(form.fields["nik"], Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: "NIK harus 16 digit (sekarang 12 digit)." in form.error_text_for("nik"), timeout=2000)
    type_into(qtbot, form, "nik", "6171014508800001")
    assert form.error_text_for("nik") == ""
    # The NIK fills in what it already says: birth date, sex, and where it was issued.
    assert form.fields["birth_date"].text() == "05-08-1980"
    assert form.fields["sex"].currentData() == "P"
    assert form.fields["kecamatan_code"].currentData() == "617101"

    type_into(qtbot, form, "full_name", "siti aminah")
    type_into(qtbot, form, "birth_place", "Pontianak")
    type_into(qtbot, form, "address", "Jl. Tanjungpura No. 5")
    choose(form, "desa_code", "6171011002")
    type_into(qtbot, form, "phone", "0812-345")
    assert "No. HP tidak valid" in form.error_text_for("phone")
    assert not form.is_valid()
    type_into(qtbot, form, "phone", "0812 3456 7890")
    assert form.fields["phone"].text() == "0812-3456-7890"     # written the way it is read back
    choose(form, "occupation", "fisher")
    type_into(qtbot, form, "monthly_income", "1500000")
    assert form.fields["monthly_income"].text() == "1.500.000"
    type_into(qtbot, form, "heir_name", "Ahmad Fauzi")
    choose(form, "heir_relationship", "spouse")
    qtbot.waitUntil(form.is_valid, timeout=3000)
    assert "Siap disimpan" in form.summary.text()

    with qtbot.waitSignal(form.saved, timeout=10_000) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    record = saved.args[0]
    assert record.full_name == "SITI AMINAH" and record.phone == "+6281234567890"
    assert record.enrolled_by == "admin"

    with qtbot.waitSignal(window.results_shown, timeout=5000):
        qtbot.keyClicks(window.search_box, "aminah")
    assert [row.id for row in window.model.rows] == [record.id]
    assert "1 peserta cocok" in window.count_label.text()


def test_a_nik_already_enrolled_is_named_while_typing(qtbot, ws, window):
    existing = enrollment.enroll(ws, make_raw(), SYSTEM)
    form = open_new_form(qtbot, window)
    with qtbot.waitSignal(form.nik_checked, timeout=5000):
        type_into(qtbot, form, "nik", "6171014508800001")
    message = form.error_text_for("nik")
    assert "sudah terdaftar atas nama SITI AMINAH" in message and existing.registration_no in message
    assert not form.is_valid()


def test_wrong_sex_for_the_nik_is_explained(qtbot, window):
    form = open_new_form(qtbot, window)
    type_into(qtbot, form, "nik", "6171014508800001")
    choose(form, "sex", "L")
    assert "tidak cocok dengan NIK" in form.error_text_for("sex")


def test_edit_an_existing_record_from_the_list(qtbot, ws, window):
    record = enrollment.enroll(ws, make_raw(), SYSTEM)
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.run_search()
    with qtbot.waitSignal(window.form_opened, timeout=5000) as opened:
        window.table.doubleClicked.emit(window.model.index(0, 1))
    form = opened.args[0]
    assert form.fields["nik"].text() == "6171014508800001"
    assert form.fields["desa_code"].currentData() == "6171011002"
    type_into(qtbot, form, "phone", "0813 1111 2222")
    qtbot.waitUntil(form.is_valid, timeout=3000)
    with qtbot.waitSignal(form.saved, timeout=10_000) as saved:
        form.save_button.click()
    assert saved.args[0].revision == 2 and saved.args[0].phone == "+6281311112222"
    assert enrollment.get(ws, record.id).phone == "+6281311112222"


def test_filters_and_counts(qtbot, ws, window):
    from desktop.services.demo import add_demo_workers

    add_demo_workers(ws, 300, SYSTEM, seed=8)
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.run_search()
    assert "300 peserta terdaftar" in window.count_label.text()
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.kabupaten_filter.setCurrentIndex(window.kabupaten_filter.findData("6171"))
    kab_rows = window.model.rows
    assert kab_rows and all(row.kabupaten_code == "6171" for row in kab_rows)
    window.worker.changed.emit("schools")  # what an import announces when it adds schools
    qtbot.waitUntil(lambda: window.school_filter.count() > 1, timeout=5000)
    school_id = window.school_filter.itemData(1)
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.kabupaten_filter.setCurrentIndex(0)
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.school_filter.setCurrentIndex(1)
    from desktop.services.search import SearchQuery, search

    expected = search(ws, SearchQuery(school_id=school_id)).total
    assert window.model.total == expected


def test_the_form_fits_a_1366x768_screen(qtbot, window):
    form = open_new_form(qtbot, window)
    assert form.width() <= 1366 and form.height() <= 768
    hint = form.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 740


def test_the_family_card_number_is_in_the_form_checked_and_saved(qtbot, ws, window):
    record = enrollment.enroll(ws, make_raw(no_kk="6171010903150001"), SYSTEM)
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.run_search()
    with qtbot.waitSignal(window.form_opened, timeout=5000) as opened:
        window.table.doubleClicked.emit(window.model.index(0, 1))
    form = opened.args[0]
    assert form.fields["no_kk"].text() == "6171010903150001"
    type_into(qtbot, form, "no_kk", "6171014508800001")     # her own NIK where the family card belongs
    assert "NIK sama dengan No. KK" in form.error_text_for("nik")
    assert not form.is_valid()
    type_into(qtbot, form, "no_kk", "61710109031500")
    assert "No. KK harus 16 digit (sekarang 14 digit)." in form.error_text_for("no_kk")
    type_into(qtbot, form, "no_kk", "6171-0109-0315-0002")
    qtbot.waitUntil(form.is_valid, timeout=3000)
    with qtbot.waitSignal(form.saved, timeout=10_000) as saved:
        form.save_button.click()
    assert saved.args[0].no_kk == "6171010903150002"
    assert enrollment.get(ws, record.id).no_kk == "6171010903150002"

"""The enrollment form judges a job, a phone and a No. KK as every import does (issue 25): a wage earner
typed under "Lainnya" is refused with the import's reason, a courier can be chosen, a phone written "-"
is no phone, a damaged No. KK is a warning and the worker is saved without it."""

from PySide6.QtCore import Qt

from desktop.domain.eligibility import judge_job
from desktop.domain.enrollment import Occupation
from tests.gui.conftest import open_new_form
from tests.gui.test_enrollment_window import choose, type_into


def test_the_form_refuses_a_wage_earner_and_saves_a_courier_without_phone_or_damaged_kk(qtbot, window):
    form = open_new_form(qtbot, window)
    type_into(qtbot, form, "nik", "6171014508800001")
    type_into(qtbot, form, "full_name", "siti aminah")
    type_into(qtbot, form, "birth_place", "Pontianak")
    type_into(qtbot, form, "address", "Jl. Tanjungpura No. 5")
    choose(form, "desa_code", "6171011002")
    type_into(qtbot, form, "phone", "-")
    type_into(qtbot, form, "monthly_income", "4500000")
    type_into(qtbot, form, "heir_name", "Ahmad Fauzi")
    choose(form, "heir_relationship", "spouse")
    choose(form, "occupation", "other")
    type_into(qtbot, form, "occupation_other", "PNS")
    qtbot.waitUntil(lambda: "penerima upah" in form.error_text_for("occupation_other"), timeout=3000)
    assert form.error_text_for("occupation_other") == judge_job("PNS", "occupation_other").problem.message
    assert not form.is_valid()
    assert form.error_text_for("phone") == "Tanpa No. HP peserta sulit dihubungi saat klaim."   # "-": no phone

    combo = form.fields["occupation"]
    assert combo.findData(Occupation.COURIER.value) >= 0
    choose(form, "occupation", "courier")
    type_into(qtbot, form, "no_kk", "6.10401E+15")      # a No. KK Excel turned into a number
    qtbot.waitUntil(form.is_valid, timeout=3000)
    assert "peringatan" in form.summary.text()
    with qtbot.waitSignal(form.saved, timeout=10_000) as saved:
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    record = saved.args[0]
    assert (record.occupation, record.phone, record.no_kk) == ("courier", None, None)

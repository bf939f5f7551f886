"""Roles enforced in the services: what each role may do, refused with a clear message otherwise."""

import pytest

from desktop.services import cards, enrollment, importing, reporting
from desktop.services.accounts import Actor, Role
from desktop.services.errors import PermissionDenied
from desktop.services.schools import add_school
from desktop.services.search import SearchQuery, iter_records
from tests.conftest import make_raw
from tests.integration.test_import import write_messy_xlsx

SCHOOL, OTHER = "69800001", "69800002"
ADMIN = Actor("admin", "Admin", Role.ADMIN)
ANI = Actor("ani", "Ani", Role.VOLUNTEER)
BUDI = Actor("budi", "Budi", Role.VOLUNTEER)
RINA = Actor("rina", "Rina", Role.COORDINATOR, school_npsn=SCHOOL)
CETAK = Actor("cetak", "Cetak", Role.PRINTER)


@pytest.fixture
def schools_ws(ws):
    add_school(ws, SCHOOL, "SD Negeri 12 Pontianak", "SD", "6171")
    add_school(ws, OTHER, "SD Negeri 3 Sambas", "SD", "6101")
    return ws


def editable(record):
    return {k: v for k, v in record.form_values().items()}


def test_volunteers_edit_only_what_they_enrolled(schools_ws):
    ws = schools_ws
    mine = enrollment.enroll(ws, make_raw(), ANI)
    changed = enrollment.update_worker(ws, mine.id, editable(mine) | {"phone": "0813 1111 2222"}, ANI)
    assert changed.phone == "+6281311112222"
    with pytest.raises(PermissionDenied, match="didaftarkan oleh ani"):
        enrollment.update_worker(ws, mine.id, editable(mine) | {"phone": "0813 9999 2222"}, BUDI)
    with pytest.raises(PermissionDenied):
        enrollment.delete_worker(ws, mine.id, "data salah ketik", BUDI)
    assert enrollment.get(ws, mine.id).phone == "+6281311112222"
    enrollment.update_worker(ws, mine.id, editable(changed) | {"address": "Jl. Baru No. 2"}, ADMIN)


def test_coordinators_work_for_their_own_school(schools_ws):
    ws = schools_ws
    record = enrollment.enroll(ws, make_raw(), RINA)
    assert record.school_npsn == SCHOOL                       # a coordinator's enrollment is their school's
    with pytest.raises(PermissionDenied, match=SCHOOL):
        enrollment.enroll(ws, make_raw(nik="6171014508800002", school_npsn=OTHER), RINA)
    parent = enrollment.enroll(ws, make_raw(nik="6171014508800003", school_npsn=SCHOOL), ANI)
    enrollment.update_worker(ws, parent.id, editable(parent) | {"phone": "0813 1111 3333"}, RINA)  # her school
    elsewhere = enrollment.enroll(ws, make_raw(nik="6171014508800004", school_npsn=OTHER), ANI)
    with pytest.raises(PermissionDenied):
        enrollment.update_worker(ws, elsewhere.id, editable(elsewhere) | {"phone": "0813 1111 4444"}, RINA)
    with pytest.raises(PermissionDenied):                     # nor move one of hers to another school
        enrollment.update_worker(ws, parent.id, editable(enrollment.get(ws, parent.id)) | {"school_npsn": OTHER}, RINA)
    with pytest.raises(PermissionDenied):
        reporting.receipts_report(ws, ws.path.parent / "x.pdf", OTHER, RINA)
    assert reporting.receipts_report(ws, ws.path.parent / "tanda-terima.pdf", SCHOOL, RINA) == 2


def test_imports_belong_to_coordinators_and_admins(schools_ws, tmp_path):
    ws = schools_ws
    source = write_messy_xlsx(tmp_path / "daftar.xlsx")
    preview = importing.read_import(ws, source, SCHOOL)
    for actor in (ANI, CETAK):
        with pytest.raises(PermissionDenied, match="mengimpor"):
            importing.commit_import(ws, preview, actor)
    other = importing.read_import(ws, source, OTHER)
    with pytest.raises(PermissionDenied, match=SCHOOL):
        importing.commit_import(ws, other, RINA)
    assert list(iter_records(ws, SearchQuery())) == []        # nothing saved by the refused attempts
    result = importing.commit_import(ws, preview, RINA)
    assert result.accepted > 0


def test_printers_print_and_never_edit(schools_ws, tmp_path):
    ws = schools_ws
    record = enrollment.enroll(ws, make_raw(), ANI)
    for attempt in (lambda: enrollment.enroll(ws, make_raw(nik="6171014508800002"), CETAK),
                    lambda: enrollment.update_worker(ws, record.id, editable(record), CETAK),
                    lambda: enrollment.delete_worker(ws, record.id, "tidak jadi ikut", CETAK)):
        with pytest.raises(PermissionDenied):
            attempt()
    printed = cards.print_cards(ws, SearchQuery(), tmp_path / "kartu.pdf", "a4", CETAK)
    assert printed.count == 1
    for actor in (ANI, RINA):
        with pytest.raises(PermissionDenied, match="mencetak"):
            cards.print_cards(ws, SearchQuery(), tmp_path / "lagi.pdf", "a4", actor, reprint_reason="hilang")
    with pytest.raises(PermissionDenied):
        reporting.summary_report(ws, tmp_path / "ringkasan.pdf", ANI)
    assert reporting.summary_report(ws, tmp_path / "ringkasan.pdf", CETAK) == 1

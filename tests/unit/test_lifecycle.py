"""A record's status, KPJ and coverage follow from its events, the same on every laptop and the hub."""

import datetime as dt

from desktop.domain import bpjs, lifecycle
from desktop.domain.lifecycle import derive, effective_status


def ev(kind, **fields):
    return {"type": kind, "at": "2026-12-01T08:00:00Z", "by": "admin", **fields}


SUBMIT = ev("submitted", batch="AJ-ABCDEF-0001", months=12)
ACTIVE = ev("activated", kpj="26120000001", start="2026-12-05")


def test_submitted_then_active_with_the_months_paid_before_the_answer():
    state = derive([SUBMIT, ev("paid", payment="BY-1", months=12, amount=100), ACTIVE])
    assert (state.status, state.kpj_number, state.batch) == ("active", "26120000001", "AJ-ABCDEF-0001")
    assert (state.coverage_start, state.coverage_end) == (dt.date(2026, 12, 5), dt.date(2027, 12, 4))


def test_paid_after_the_answer_and_renewed_without_a_gap():
    state = derive([SUBMIT, ACTIVE, ev("paid", payment="BY-1", months=12), ev("paid", payment="BY-2", months=6)])
    assert state.coverage_end == dt.date(2028, 6, 4) and state.months_paid == 18


def test_renewed_after_coverage_ran_out_starts_again_on_the_day_paid():
    state = derive([SUBMIT, ACTIVE, ev("paid", payment="BY-1", months=1),
                    ev("paid", payment="BY-2", months=2, **{"from": "2027-03-10"})])
    assert state.coverage_end == dt.date(2027, 5, 9)


def test_active_without_payment_has_no_coverage_end_and_ended_is_judged_on_a_day():
    assert derive([SUBMIT, ACTIVE]).coverage_end is None
    assert effective_status("active", dt.date(2027, 12, 4), dt.date(2027, 12, 4)) == "active"
    assert effective_status("active", dt.date(2027, 12, 4), dt.date(2027, 12, 5)) == "ended"
    assert effective_status("submitted", None, dt.date(2030, 1, 1)) == "submitted"


def test_refused_then_fixed_then_submitted_again():
    record = {"nik": "6171014508800001", "full_name": "SITI AMINAH", "phone": "+6281234567890"}
    refused = ev("refused", reason="NIK tidak terdaftar", data=lifecycle.fingerprint(record))
    state = derive([SUBMIT, refused])
    assert (state.status, state.refusal) == ("refused", "NIK tidak terdaftar")
    assert not lifecycle.fixed_since_refusal(state, record)
    assert lifecycle.fixed_since_refusal(state, dict(record, phone="+6281311112222"))
    again = derive([SUBMIT, refused, ev("submitted", batch="AJ-ABCDEF-0002", months=12)])
    assert (again.status, again.batch, again.refusal) == ("submitted", "AJ-ABCDEF-0002", None)


def test_a_refusal_after_activation_does_not_undo_it():
    assert derive([SUBMIT, ACTIVE, ev("refused", reason="x", data="y")]).status == "active"


def test_the_hub_checks_events_and_what_follows_from_them():
    assert lifecycle.event_problems([SUBMIT, ACTIVE]) == []
    assert lifecycle.event_problems("x") and lifecycle.event_problems([{"type": "hacked"}])
    assert lifecycle.event_problems([ev("activated", kpj="123", start="2026-12-05")])
    assert lifecycle.event_problems([ev("paid", payment="BY", months=0)])
    good = {"lifecycle": [SUBMIT, ACTIVE], "status": "active", "kpj_number": "26120000001",
            "coverage_start": "2026-12-05", "coverage_end": None}
    assert lifecycle.mismatch(good) == []
    assert lifecycle.mismatch(dict(good, kpj_number="26120000009")) == ["kpj_number"]
    assert lifecycle.mismatch(dict(good, status="deleted")) == []          # deleting keeps the events


def test_answer_headers_in_the_spellings_branches_use():
    for kpj in ("KPJ", "No KPJ", "No. KPJ", "Nomor KPJ", "Nomor Peserta"):
        for start in ("Tanggal Kepesertaan", "TMT", "TMT Kepesertaan", "Tgl Aktif"):
            for reason in ("Keterangan", "Status", "Alasan"):
                found = bpjs.find_answer_header([["Hasil registrasi"], ["NIK", kpj, start, reason]])
                role = "status" if reason == "Status" else "reason"   # a verdict in a word, or the words why
                assert found == (1, {"nik": 0, "kpj": 1, "start": 2, role: 3}), (kpj, start, reason)


def test_answer_rows_read_as_branches_write_them():
    mapping = {"nik": 0, "kpj": 1, "start": 2, "reason": 3}
    row = bpjs.read_answer_row(5, ["'6171014508800001", 26120000001.0, 46361, "OK"], mapping)
    assert (row.nik, row.kpj, row.start, row.problem) == ("6171014508800001", "26120000001", dt.date(2026, 12, 5), None)
    spaced = bpjs.read_answer_row(6, ["6171014508800001", "2612 0000 001", "05-12-2026", ""], mapping)
    assert spaced.kpj == "26120000001" and spaced.start == dt.date(2026, 12, 5)
    refused = bpjs.read_answer_row(7, ["6171014508800001", "", "", "NIK tidak valid"], mapping)
    assert (refused.kpj, refused.reason, refused.problem) == (None, "NIK tidak valid", None)
    assert bpjs.read_answer_row(8, ["6171014508800001", "123", "05-12-2026", ""], mapping).problem
    assert bpjs.read_answer_row(9, ["6.17101450880000E+15", "26120000001", "05-12-2026", ""], mapping).problem
    assert bpjs.read_answer_row(10, ["6171014508800001", "26120000001", "", ""], mapping).problem   # no date
    assert bpjs.read_answer_row(11, ["6171014508800001", "", "", "OK"], mapping).problem          # neither
    assert bpjs.read_answer_row(12, ["Pontianak, 10 Desember 2026", "", "", ""], mapping) is None  # footer
    assert bpjs.read_answer_row(13, ["", "", "", ""], mapping) is None


def test_a_branch_template_is_followed_by_its_header_names():
    headers = ["NO", "NOMOR KTP", "NAMA SESUAI KTP", "TGL LAHIR", "JK", "ALAMAT DOMISILI", "KODE WILAYAH",
               "NO HP", "UPAH DILAPORKAN", "SUMBER DANA", "CATATAN CABANG", "Nama"]
    assert bpjs.find_template_header([["FORMULIR PENDAFTARAN"], headers]) == 1
    mapped = dict(bpjs.map_template(headers))
    assert mapped["NOMOR KTP"] == "nik" and mapped["NAMA SESUAI KTP"] == "full_name"
    assert mapped["KODE WILAYAH"] == "desa_code" and mapped["UPAH DILAPORKAN"] == "monthly_income"
    assert mapped["SUMBER DANA"] == "payer" and mapped["CATATAN CABANG"] is None
    assert mapped["Nama"] is None          # the name is already filled by the first column naming it


def test_without_events_nothing_is_covered_and_nothing_is_gained():
    forged = {"lifecycle": [], "status": "enrolled", "kpj_number": None, "coverage_start": "2026-01-01",
              "coverage_end": "2099-12-31"}
    assert lifecycle.mismatch(forged) == ["coverage_start", "coverage_end"]
    assert lifecycle.mismatch(dict(forged, status="active", coverage_start=None, coverage_end=None)) == ["status"]
    # A record from before events existed keeps what the hub already holds for it, and gains nothing.
    legacy = {"lifecycle": [], "status": "enrolled", "kpj_number": None, "coverage_start": "2025-01-01",
              "coverage_end": "2025-12-31"}
    assert lifecycle.mismatch(legacy, held=legacy) == []
    assert lifecycle.mismatch(dict(legacy, coverage_end="2099-12-31"), held=legacy) == ["coverage_end"]
    # Events once held are what a record is proven by: an emptied list proves nothing.
    active = {"lifecycle": [SUBMIT, ACTIVE], "status": "active", "kpj_number": "26120000001",
              "coverage_start": "2026-12-05", "coverage_end": None}
    assert lifecycle.mismatch(dict(active, lifecycle=[]), held=active) == ["status", "kpj_number", "coverage_start"]


def test_events_are_only_appended():
    paid = ev("paid", payment="BY-ABCDEF-0001", months=12, amount=201600)
    assert lifecycle.appended([SUBMIT], [SUBMIT, ACTIVE]) == [ACTIVE]
    assert lifecycle.appended([SUBMIT, ACTIVE], [SUBMIT, ACTIVE]) == []
    assert lifecycle.appended([SUBMIT, ACTIVE], []) is None                        # removed
    assert lifecycle.appended([SUBMIT, paid], [SUBMIT, dict(paid, months=60)]) is None   # rewritten
    assert lifecycle.appended([SUBMIT, ACTIVE], [ACTIVE, SUBMIT]) is None            # reordered


def test_every_date_in_the_events_is_plausible_on_the_day():
    today = dt.date(2026, 12, 7)
    assert lifecycle.event_problems([SUBMIT, ACTIVE], today) == []
    far = ev("activated", kpj="26120000001", start="9999-12-01")
    assert "tidak masuk akal" in " ".join(lifecycle.event_problems([SUBMIT, far], today))
    assert lifecycle.event_problems([SUBMIT, ev("activated", kpj="26120000001", start="1999-01-01")], today)
    assert lifecycle.event_problems([dict(SUBMIT, at="9999-12-31T00:00:00Z")], today)
    assert lifecycle.event_problems([SUBMIT, ACTIVE, ev("paid", payment="P", months=1, **{"from": "9000-01-01"})],
                                    today)
    assert lifecycle.event_problems([ev("paid", payment="P", months=1, amount=10**30)], today)
    assert lifecycle.event_problems([ev("paid", payment="P", months=True)], today)
    # Nothing the maths does with plausible dates reaches the calendar's end.
    assert lifecycle.plausible_day(today + dt.timedelta(days=366), today)
    assert not lifecycle.plausible_day(today + dt.timedelta(days=367), today)


def test_one_transfer_pays_a_record_once():
    first = ev("paid", payment="BY-ABCDEF-0001", months=12, reference="TRF-1")
    again = ev("paid", payment="BY-ABCDEF-0002", months=12, reference="TRF-1")
    problems = lifecycle.event_problems([SUBMIT, ACTIVE, first, again], dt.date(2026, 12, 7))
    assert problems == ["lifecycle 4: transfer TRF-1 sudah dicatat sebagai pembayaran BY-ABCDEF-0001"]
    assert lifecycle.event_problems([SUBMIT, ACTIVE, first, dict(again, reference="TRF-2")],
                                    dt.date(2026, 12, 7)) == []


def test_words_of_waiting_are_pending_and_a_remark_says_why():
    mapping = {"nik": 0, "kpj": 1, "start": 2, "status": 3, "reason": 4}
    for waiting in ("PROSES", "Dalam Proses", "PENDING - menunggu verifikasi", "Sedang diproses"):
        row = bpjs.read_answer_row(2, ["6171014508800001", None, None, waiting, None], mapping)
        assert row.pending and row.problem is None, waiting
    refused = bpjs.read_answer_row(3, ["6171014508800001", None, None, "DITOLAK", "NIK tidak valid"], mapping)
    assert (refused.pending, refused.reason) == (False, "NIK tidak valid")
    # Refusal words win over waiting ones: "ditolak, menunggu perbaikan data" is a refusal.
    assert not bpjs.read_answer_row(4, ["6171014508800001", None, None, "DITOLAK", "menunggu perbaikan data"],
                                    mapping).pending


def test_answer_headers_of_bpjs_systems_and_totals_rows_that_are_not_data():
    found = bpjs.find_answer_header([["REKAP"], ["No", "NIK_TK", "Nama", "Nomor KPJ Peserta", "TMT", "Keterangan"]])
    assert found == (1, {"nik": 1, "name": 2, "kpj": 3, "start": 4, "reason": 5})
    mapping = found[1]
    for totals in (["", "JUMLAH", "", "", "", "30 peserta"], ["", "Total 30", "", "", "", ""],
                   ["", "", "", "", "", "Mengetahui,"], ["", "Kepala Bidang Kepesertaan", "", "", "", ""]):
        assert bpjs.read_answer_row(40, totals, mapping) is None, totals


def test_the_last_event_of_a_kind_is_read_from_the_text_as_from_the_whole():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    words = st.text(alphabet=st.sampled_from('ab{}":,\\ ty'), max_size=12)

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.tuples(st.sampled_from([lifecycle.SUBMITTED, lifecycle.PAID, lifecycle.REFUSED]), words,
                              st.integers(0, 3_000_000)), max_size=6))
    def check(events):
        made = [{"type": kind, "at": "2026-12-01T08:00:00Z", "by": by, "batch": by, "income": n, "reason": by}
                for kind, by, n in events]
        text = lifecycle.dumps(made)
        for kind in (lifecycle.SUBMITTED, lifecycle.PAID):
            whole = next((e for e in reversed(lifecycle.loads(text)) if e["type"] == kind), None)
            assert lifecycle.last_of(text, kind) == whole

    check()

"""A record's history (``lindung show``, the window's history) says an incident and a claim's progress in
words, not as bare event types."""

from __future__ import annotations

import datetime as dt

from desktop.services import claims, enrollment
from desktop.services.membership import describe_event
from tests.conftest import make_raw
from tests.gui.test_claims_window import active_since


def test_the_history_says_the_incident_and_the_claim_in_words(ws, admin):
    record = enrollment.enroll(ws, make_raw(), admin)
    active_since(ws, admin, record.id, "2026-01-01", "26120000001")
    reported = claims.report(ws, admin, record.registration_no, "death", dt.date(2026, 11, 3),
                             place="Kebun karet Sungai Ambawang", what="Jatuh sakit di rumah", reported_by="Bu Ani")
    claims.update(ws, admin, reported.claim, documents=["ktp_worker", "kpj_card"])
    claims.update(ws, admin, reported.claim, state="documents_complete")
    claims.update(ws, admin, reported.claim, state="submitted")
    claims.update(ws, admin, reported.claim, state="paid", amount=42_000_000, paid_on=dt.date(2026, 11, 20))
    events = [e for e in enrollment.get(ws, record.id).lifecycle if e["type"] in ("incident", "claim")]
    lines = [describe_event(e) for e in events]
    short = reported.claim[:8]
    assert lines == [
        f"Dilaporkan meninggal dunia 03-11-2026 (bukan saat kerja) di Kebun karet Sungai Ambawang oleh Bu Ani: "
        f"Jatuh sakit di rumah (klaim {short})",
        f"Klaim {short}: dokumen dilihat: Kartu peserta BPJS Ketenagakerjaan (KPJ), KTP peserta",
        f"Klaim {short}: berkas lengkap",
        f"Klaim {short}: diajukan ke BPJS",
        f"Klaim {short}: dibayar Rp 42.000.000 pada 20-11-2026",
    ]


def test_a_refused_claim_says_why():
    line = describe_event({"type": "claim", "claim": "abcdef0123456789abcdef0123456789", "state": "refused",
                           "reason": "Iuran terlambat"})
    assert line == "Klaim abcdef01: ditolak: Iuran terlambat"
    accident = describe_event({"type": "incident", "claim": "0123456789abcdef0123456789abcdef", "kind": "accident",
                               "day": "2026-10-05", "at_work": True, "reported_by": "relawan1"})
    assert accident == "Dilaporkan mengalami kecelakaan 05-10-2026 (saat kerja) oleh relawan1 (klaim 01234567)"

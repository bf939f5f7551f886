"""How a record's fields are named to people (context ``Fields`` for Qt's translations): one table
for the review window's rows and the audit window's details."""

from __future__ import annotations

from desktop.domain.messages import QT_TRANSLATE_NOOP

CONTEXT = "Fields"
FIELD_LABELS: dict[str, str] = {
    "nik": QT_TRANSLATE_NOOP("Fields", "NIK"),
    "no_kk": QT_TRANSLATE_NOOP("Fields", "No. KK"),
    "full_name": QT_TRANSLATE_NOOP("Fields", "Nama lengkap"),
    "birth_place": QT_TRANSLATE_NOOP("Fields", "Tempat lahir"),
    "birth_date": QT_TRANSLATE_NOOP("Fields", "Tanggal lahir"),
    "sex": QT_TRANSLATE_NOOP("Fields", "Jenis kelamin"),
    "address": QT_TRANSLATE_NOOP("Fields", "Alamat"),
    "region": QT_TRANSLATE_NOOP("Fields", "Desa, kecamatan, kabupaten/kota"),
    "phone": QT_TRANSLATE_NOOP("Fields", "No. HP"),
    "occupation": QT_TRANSLATE_NOOP("Fields", "Pekerjaan"),
    "monthly_income": QT_TRANSLATE_NOOP("Fields", "Penghasilan per bulan"),
    "heir_name": QT_TRANSLATE_NOOP("Fields", "Nama ahli waris"),
    "heir_relationship": QT_TRANSLATE_NOOP("Fields", "Hubungan ahli waris"),
    "heir_phone": QT_TRANSLATE_NOOP("Fields", "No. HP ahli waris"),
    "school": QT_TRANSLATE_NOOP("Fields", "Sekolah (NPSN)"),
    "coverage": QT_TRANSLATE_NOOP("Fields", "Masa perlindungan"),
    "status": QT_TRANSLATE_NOOP("Fields", "Status"),
}

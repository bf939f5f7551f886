"""NIK (Nomor Induk Kependudukan): ``PP KK CC DDMMYY SSSS``.

``PP`` province, ``KK`` kabupaten/kota (01-69 kabupaten, 71-99 kota), ``CC`` kecamatan of first
registration, ``DDMMYY`` birth date with 40 added to the day for women, ``SSSS`` serial from 0001.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from desktop.domain.messages import QT_TRANSLATE_NOOP, Problem, error, warning
from desktop.domain.regions import KALBAR, PROVINCES, RegionCatalog

NIK_LENGTH = 16
_NON_DIGITS = re.compile(r"[\s.\-]")


def clean_nik(raw: str | int | None) -> str:
    """Strip the spaces, dots and dashes people type inside a NIK."""
    if type(raw) is str and raw.isdigit() and raw.isascii():
        return raw   # as typed into a text cell: nothing to strip
    if raw is None:
        return ""
    return _NON_DIGITS.sub("", str(raw).strip())


def mask_nik(nik: str) -> str:
    """Show the first 6 and last 4 digits only: ``617101••••••0001``."""
    if len(nik) != NIK_LENGTH:
        return "•" * len(nik)
    return nik[:6] + "•" * 6 + nik[12:]


class NikInfo(NamedTuple):
    """The parts of a well-formed NIK (a named tuple: made for every row an import checks)."""

    nik: str
    province: str      # 2 digits
    kabupaten: str     # 4 digits
    kecamatan: str     # 6 digits
    day: int           # real day of month (women's +40 removed)
    month: int
    year2: int         # two-digit year
    sex: str           # "L" or "P"
    serial: str

    def birth_date(self, today: dt.date, min_age: int = 0, max_age: int = 120) -> dt.date | None:
        """The birth date, choosing the century that gives a plausible age.

        Prefer the century whose age on ``today`` lies within ``[min_age, max_age)``; otherwise the
        most recent century that is not in the future.
        """
        candidates = []
        for century in (2000, 1900):
            try:
                candidates.append(dt.date(century + self.year2, self.month, self.day))
            except ValueError:
                continue
        past = [d for d in candidates if d <= today]
        for d in past:
            if min_age <= age_on(d, today) < max_age:
                return d
        return past[0] if past else None


def age_on(birth: dt.date, on: dt.date) -> int:
    """Completed years of age on a date (a 29 February birthday counts on 1 March)."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _valid_day_month(day: int, month: int, year2: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    if day <= 28:
        return True   # every month has it
    # 29 February is valid if either candidate century makes it a leap year.
    for century in (2000, 1900):
        try:
            dt.date(century + year2, month, day)
            return True
        except ValueError:
            continue
    return False


def parse_nik(raw: str | int | None) -> tuple[NikInfo | None, list[Problem]]:
    """Check the structure of a NIK; return its parts when it is well-formed."""
    nik = clean_nik(raw)
    if not nik:
        return None, [error("nik", QT_TRANSLATE_NOOP("Validation", "NIK wajib diisi."))]
    if not (nik.isascii() and nik.isdigit()):  # "²" is a digit to Python, not in a NIK
        return None, [error("nik", QT_TRANSLATE_NOOP("Validation", "NIK hanya boleh berisi angka."))]
    if len(nik) != NIK_LENGTH:
        return None, [error(
            "nik", QT_TRANSLATE_NOOP("Validation", "NIK harus 16 digit (sekarang {n} digit)."), n=len(nik))]
    province = nik[0:2]
    regency = int(nik[2:4])
    raw_day, month, year2 = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    problems: list[Problem] = []
    if province not in PROVINCES:
        problems.append(error("nik", QT_TRANSLATE_NOOP("Validation", "Kode provinsi {code} pada NIK tidak ada."), code=province))
    if regency == 0 or regency == 70:
        problems.append(error("nik", QT_TRANSLATE_NOOP("Validation", "Kode kabupaten/kota {code} pada NIK tidak ada."), code=nik[2:4]))
    if nik[4:6] == "00":
        problems.append(error("nik", QT_TRANSLATE_NOOP("Validation", "Kode kecamatan pada NIK tidak boleh 00.")))
    sex = "P" if raw_day > 40 else "L"
    day = raw_day - 40 if raw_day > 40 else raw_day
    if not _valid_day_month(day, month, year2):
        problems.append(error("nik", QT_TRANSLATE_NOOP("Validation", "Tanggal lahir pada NIK ({ddmmyy}) bukan tanggal yang ada."), ddmmyy=nik[6:12]))
    if nik[12:] == "0000":
        problems.append(error("nik", QT_TRANSLATE_NOOP("Validation", "Nomor urut NIK tidak boleh 0000.")))
    if problems:
        return None, problems
    info = NikInfo(nik, province, nik[0:4], nik[0:6], day, month, year2, sex, nik[12:])
    return info, []


def region_problems(info: NikInfo, regions: RegionCatalog) -> list[Problem]:
    """Warnings and errors about where the NIK was issued."""
    if info.province != KALBAR:
        return [warning("nik", QT_TRANSLATE_NOOP("Validation", "NIK diterbitkan di luar Kalimantan Barat ({province}). Pastikan NIK benar."),
            province=PROVINCES[info.province])]
    if info.kabupaten not in regions:
        return [error("nik", QT_TRANSLATE_NOOP("Validation", "Kode kabupaten/kota {code} pada NIK tidak ada di Kalimantan Barat."),
            code=f"{info.kabupaten[:2]}.{info.kabupaten[2:]}")]
    if info.kecamatan not in regions:
        # Kecamatan are split and renumbered over the years; an old code can still be genuine.
        return [warning("nik", QT_TRANSLATE_NOOP("Validation", "Kode kecamatan {code} pada NIK tidak ada dalam daftar wilayah terbaru."),
            code=f"{info.kecamatan[:2]}.{info.kecamatan[2:4]}.{info.kecamatan[4:]}")]
    return []


def kk_problems(raw: str | int | None, regions: RegionCatalog) -> list[Problem]:
    """Problems of a family-card number (No. KK): ``PP KK CC DDMMYY SSSS`` like a NIK, but ``DDMMYY``
    is the date the card was issued (nothing added for women). Empty is fine: the field is optional."""
    kk = clean_nik(raw)
    if not kk:
        return []
    if not (kk.isascii() and kk.isdigit()):
        return [error("no_kk", QT_TRANSLATE_NOOP("Validation", "No. KK hanya boleh berisi angka."))]
    if len(kk) != NIK_LENGTH:
        return [error("no_kk", QT_TRANSLATE_NOOP("Validation", "No. KK harus 16 digit (sekarang {n} digit)."),
                      n=len(kk))]
    problems: list[Problem] = []
    province, regency = kk[0:2], int(kk[2:4])
    if province not in PROVINCES:
        problems.append(error("no_kk", QT_TRANSLATE_NOOP("Validation", "Kode provinsi {code} pada No. KK tidak ada."), code=province))
    if regency == 0 or regency == 70:
        problems.append(error("no_kk", QT_TRANSLATE_NOOP("Validation", "Kode kabupaten/kota {code} pada No. KK tidak ada."), code=kk[2:4]))
    if kk[4:6] == "00":
        problems.append(error("no_kk", QT_TRANSLATE_NOOP("Validation", "Kode kecamatan pada No. KK tidak boleh 00.")))
    day, month, year2 = int(kk[6:8]), int(kk[8:10]), int(kk[10:12])
    if not _valid_day_month(day, month, year2):
        problems.append(error("no_kk", QT_TRANSLATE_NOOP(
            "Validation", "Tanggal terbit pada No. KK ({ddmmyy}) bukan tanggal yang ada; mungkin yang diketik NIK?"),
            ddmmyy=kk[6:12]))
    if kk[12:] == "0000":
        problems.append(error("no_kk", QT_TRANSLATE_NOOP("Validation", "Nomor urut No. KK tidak boleh 0000.")))
    if problems:
        return problems
    if province != KALBAR:
        return [warning("no_kk", QT_TRANSLATE_NOOP("Validation", "No. KK diterbitkan di luar Kalimantan Barat ({province}). Pastikan nomornya benar."),
                        province=PROVINCES[province])]
    if kk[0:4] not in regions:
        return [error("no_kk", QT_TRANSLATE_NOOP("Validation", "Kode kabupaten/kota {code} pada No. KK tidak ada di Kalimantan Barat."),
                      code=f"{kk[0:2]}.{kk[2:4]}")]
    return []

"""What BAZNAS pays BPJS Ketenagakerjaan for the workers it covers (BPU contributions, by month).

BPU rates: JKK is 1 % of the declared income bracket (the lowest bracket, Rp 1,000,000, gives
Rp 10,000) and JKM is Rp 6,800: the usual zakat-funded package is Rp 16,800 a person a month.
PP 50/2025 halves JKK and JKM for a period — transport-sector workers January 2026 to March 2027,
the others April to December 2026 — so every month is priced with the rates of that month.
The figures are defaults (settings may change the base amounts).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.domain.enrollment import Occupation

JKK_MONTHLY = 10_000
JKM_MONTHLY = 6_800
TRANSPORT = frozenset({Occupation.MOTORBIKE_TAXI.value, Occupation.DRIVER.value, Occupation.COURIER.value})


@dataclass(frozen=True)
class Relief:
    """A period in which contributions are cut to ``percent`` % of the normal rate."""

    first_month: dt.date
    last_month: dt.date
    percent: int
    transport: bool | None    # True: transport sector only, False: all others, None: everyone
    source: str


PP_50_2025 = (
    Relief(dt.date(2026, 1, 1), dt.date(2027, 3, 1), 50, True, "PP 50/2025 (sektor transportasi)"),
    Relief(dt.date(2026, 4, 1), dt.date(2026, 12, 1), 50, False, "PP 50/2025"),
)


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_month(month: dt.date, n: int = 1) -> dt.date:
    index = month.month - 1 + n
    return dt.date(month.year + index // 12, index % 12 + 1, 1)


def monthly_rate(month: dt.date, occupation: str, jkk: int = JKK_MONTHLY, jkm: int = JKM_MONTHLY,
                 reliefs: tuple[Relief, ...] = PP_50_2025) -> tuple[int, int]:
    """(JKK, JKM) in rupiah for one worker in ``month``."""
    month = month_start(month)
    transport = occupation in TRANSPORT
    for relief in reliefs:
        applies = relief.transport is None or relief.transport == transport
        if applies and relief.first_month <= month <= relief.last_month:
            return jkk * relief.percent // 100, jkm * relief.percent // 100
    return jkk, jkm


def reliefs_in(first: dt.date, months: int, reliefs: tuple[Relief, ...] = PP_50_2025) -> list[Relief]:
    last = add_month(month_start(first), months - 1)
    return [r for r in reliefs if r.first_month <= last and r.last_month >= month_start(first)]

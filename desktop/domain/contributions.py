"""What BAZNAS pays BPJS Ketenagakerjaan for the workers it covers (BPU contributions, by month).

BPU rates: JKK is 1 % of the declared income bracket (the lowest bracket, Rp 1,000,000, gives
Rp 10,000) and JKM is Rp 6,800: the usual zakat-funded package is Rp 16,800 a person a month.
PP 50/2025 halves JKK and JKM for a period — transport-sector workers January 2026 to March 2027,
the others April to December 2026 — so every month is priced with the rates of that month.
The figures are defaults (settings may change the base amounts).

The income bracket sent to BPJS sets the JKK price, and BPJS bills what it is sent: the programme pays
for one bracket (a programme setting, the lowest by default), sends that bracket in the submission and
prices from it; the worker's own declared income stays on their record. A submission records the bracket
it sent on each worker's ``submitted`` event, so what a worker costs follows what BPJS was told about
them, whatever the setting says later.

BPU brackets: PP 44/2015 (as amended) gives nominal incomes from Rp 1,000,000 (JKK Rp 10,000) to
Rp 20,700,000 (JKK Rp 207,000). The exact steps of its table could not be confirmed here, so any multiple
of Rp 100,000 in that range is accepted (``is_bpu_bracket``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.domain.enrollment import LabelledEnum, Occupation
from desktop.domain.lifecycle import SUBMITTED
from desktop.domain.messages import QT_TRANSLATE_NOOP

class Fund(LabelledEnum):
    """BAZNAS's funds a payment for this programme comes from (``domain.md``: zakat, and also infak and
    sedekah). A payment records one; a payment recorded before funds were recorded was zakat."""

    ZAKAT = "zakat", QT_TRANSLATE_NOOP("Labels", "Zakat")
    INFAK = "infak", QT_TRANSLATE_NOOP("Labels", "Infak")
    SEDEKAH = "sedekah", QT_TRANSLATE_NOOP("Labels", "Sedekah")


JKK_MONTHLY = 10_000
JKM_MONTHLY = 6_800
JKK_PERCENT = 1
BRACKET_DEFAULT = 1_000_000      # the bracket the programme pays for unless the settings say otherwise
BRACKET_MIN, BRACKET_MAX, BRACKET_STEP = 1_000_000, 20_700_000, 100_000
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


def is_bpu_bracket(income: int) -> bool:
    """Whether ``income`` is a BPU income bracket BPJS accepts (see the module's note)."""
    return (isinstance(income, int) and not isinstance(income, bool)
            and BRACKET_MIN <= income <= BRACKET_MAX and income % BRACKET_STEP == 0)


def jkk_for(bracket: int) -> int:
    """The monthly JKK contribution of a worker declared at ``bracket`` (1 %: Rp 10,000 at Rp 1,000,000)."""
    return bracket * JKK_PERCENT // 100


def submitted_bracket(events: Sequence[Mapping[str, Any]], default: int) -> int:
    """The bracket the worker's latest submission sent BPJS (``income`` of the ``submitted`` event);
    ``default`` for a worker not submitted yet, or submitted before brackets were recorded."""
    for event in reversed(events):
        if event.get("type") == SUBMITTED:
            income = event.get("income")
            return income if is_bpu_bracket(income) else default
    return default


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

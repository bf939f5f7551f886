"""What BAZNAS pays BPJS Ketenagakerjaan for the workers it covers (BPU contributions, by month).

BPU rates: JKK is 1 % of the declared income bracket (the lowest bracket, Rp 1,000,000, gives
Rp 10,000) and JKM is Rp 6,800: the usual zakat-funded package is Rp 16,800 a person a month.
PP 50/2025 halves JKK and JKM for a period — transport-sector workers January 2026 to March 2027,
the others April to December 2026 — so every month is priced with the rates of that month.
These figures are dated data, not code: each is a row of ``resources/rates/bpu_rates.csv`` with the
regulation it comes from (``desktop.domain.rates``); a new regulation is a new row.

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
from typing import Any

from desktop.domain.enrollment import LabelledEnum, Occupation
from desktop.domain.lifecycle import SUBMITTED
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.rates import RateTable, Relief

class Fund(LabelledEnum):
    """BAZNAS's funds a payment for this programme comes from (``domain.md``: zakat, and also infak and
    sedekah). A payment records one; a payment recorded before funds were recorded was zakat."""

    ZAKAT = "zakat", QT_TRANSLATE_NOOP("Labels", "Zakat")
    INFAK = "infak", QT_TRANSLATE_NOOP("Labels", "Infak")
    SEDEKAH = "sedekah", QT_TRANSLATE_NOOP("Labels", "Sedekah")


BRACKET_DEFAULT = 1_000_000      # the bracket the programme pays for unless the settings say otherwise
BRACKET_MIN, BRACKET_MAX, BRACKET_STEP = 1_000_000, 20_700_000, 100_000
TRANSPORT = frozenset({Occupation.MOTORBIKE_TAXI.value, Occupation.DRIVER.value, Occupation.COURIER.value})

# The rates in force: the shipped table (resources/rates/bpu_rates.csv), which desktop.services.rates
# reads and hands here (the domain reads no file). Functions below take another table through ``rates``.
_rates: RateTable | None = None


def use_rates(table: RateTable) -> None:
    """Make ``table`` the rates the functions below use when given none."""
    global _rates
    _rates = table


def rates_in_force() -> RateTable:
    if _rates is None:
        raise RuntimeError("no rate table: desktop.services.rates.shipped_rates() loads the shipped one")
    return _rates


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_month(month: dt.date, n: int = 1) -> dt.date:
    index = month.month - 1 + n
    return dt.date(month.year + index // 12, index % 12 + 1, 1)


def is_bpu_bracket(income: int) -> bool:
    """Whether ``income`` is a BPU income bracket BPJS accepts (see the module's note)."""
    return (isinstance(income, int) and not isinstance(income, bool)
            and BRACKET_MIN <= income <= BRACKET_MAX and income % BRACKET_STEP == 0)


def jkk_for(bracket: int, month: dt.date | None = None, rates: RateTable | None = None) -> int:
    """The monthly JKK contribution of a worker declared at ``bracket`` (1 %: Rp 10,000 at Rp 1,000,000),
    at the percentage in force in ``month`` (the newest rule when no month is given)."""
    table = rates or rates_in_force()
    if month is None:
        month = max(rate.first_month for rate in table.rates if rate.kind == "jkk_percent")
    return bracket * table.jkk_percent(month) // 100


def jkm_for(month: dt.date, occupation: str = "", rates: RateTable | None = None) -> int:
    """The monthly JKM contribution in ``month`` before any relief (Rp 6,800)."""
    return (rates or rates_in_force()).jkm(month_start(month), occupation in TRANSPORT)


def submitted_bracket(events: Sequence[Mapping[str, Any]], default: int) -> int:
    """The bracket the worker's latest submission sent BPJS (``income`` of the ``submitted`` event);
    ``default`` for a worker not submitted yet, or submitted before brackets were recorded."""
    for event in reversed(events):
        if event.get("type") == SUBMITTED:
            income = event.get("income")
            return income if is_bpu_bracket(income) else default
    return default


def monthly_rate(month: dt.date, occupation: str, jkk: int | None = None, jkm: int | None = None,
                 reliefs: tuple[Relief, ...] | None = None, *, bracket: int = BRACKET_DEFAULT,
                 rates: RateTable | None = None) -> tuple[int, int]:
    """(JKK, JKM) in rupiah for one worker in ``month``, with the rates of that month (``rates``, or the
    table in force): ``jkk`` and ``jkm`` are the base amounts before any relief when given (else JKK is
    the month's percentage of ``bracket`` and JKM the month's rate), ``reliefs`` replaces the table's."""
    table = rates or rates_in_force()
    transport = occupation in TRANSPORT
    percent, base_jkm, relief = table.of_month(month if month.day == 1 else month.replace(day=1), transport)
    if jkk is None:
        jkk = bracket * percent // 100
    if jkm is None:
        jkm = base_jkm
    if reliefs is not None:
        month = month_start(month)
        relief = next((r for r in reliefs if (r.transport is None or r.transport == transport)
                       and r.first_month <= month <= r.last_month), None)
    if relief is not None:
        return jkk * relief.percent // 100, jkm * relief.percent // 100
    return jkk, jkm


def reliefs_in(first: dt.date, months: int, reliefs: tuple[Relief, ...] | None = None,
               rates: RateTable | None = None) -> list[Relief]:
    if reliefs is None:
        reliefs = (rates or rates_in_force()).reliefs
    last = add_month(month_start(first), months - 1)
    return [r for r in reliefs if r.first_month <= last and r.last_month >= month_start(first)]

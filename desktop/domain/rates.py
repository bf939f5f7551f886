"""BPU contribution rates as dated data: each row is one rule of one regulation, with its source.

The rows come from ``resources/rates/bpu_rates.csv`` (read by ``desktop.services.rates``; no file I/O
here). A row is ``kind, first_month, last_month, value, who, source``:

- ``jkm``: the monthly JKM contribution in rupiah;
- ``jkk_percent``: JKK as a percentage of the declared income bracket;
- ``relief``: contributions cut to ``value`` % of the normal rate for the months it covers.

Months are written ``YYYY-MM``; an empty ``last_month`` is a rule still in force. ``who`` is ``all``,
``transport`` (the transport sector of PP 50/2025) or ``others``. A new regulation is a new row: of the
``jkm`` or ``jkk_percent`` rows in force in a month for a worker, the one beginning last wins (a newer
regulation replaces the older from its first month); two reliefs covering the same worker in the same
month are refused, as are two rates beginning in the same month for the same workers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from desktop.domain.rule_rows import RuleRowError

COLUMNS = ("kind", "first_month", "last_month", "value", "who", "source")
KINDS = ("jkm", "jkk_percent", "relief")
WHO = ("all", "transport", "others")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class RatesError(RuleRowError):
    """A malformed row of the rate table."""


@dataclass(frozen=True)
class Relief:
    """A period in which contributions are cut to ``percent`` % of the normal rate."""

    first_month: dt.date
    last_month: dt.date
    percent: int
    transport: bool | None    # True: transport sector only, False: all others, None: everyone
    source: str


@dataclass(frozen=True)
class Rate:
    """A rate (``jkm`` in rupiah, ``jkk_percent`` in %) in force from ``first_month`` to ``last_month``
    (None: still in force) for the workers ``transport`` names (as in ``Relief``)."""

    kind: str
    first_month: dt.date
    last_month: dt.date | None
    value: int
    transport: bool | None
    source: str
    row: int


def _applies(who: bool | None, transport: bool) -> bool:
    return who is None or who == transport


def _meet(a: bool | None, b: bool | None) -> bool:
    """Whether two ``who`` values share a worker."""
    return a is None or b is None or a == b


@dataclass(frozen=True)
class RateTable:
    """The rates and reliefs of every month (see the module's note)."""

    rates: tuple[Rate, ...]
    reliefs: tuple[Relief, ...]
    _months: dict[tuple[dt.date, bool], tuple[int, int, Relief | None]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def of_month(self, month: dt.date, transport: bool) -> tuple[int, int, Relief | None]:
        """(JKK %, JKM, the relief or None) in the month starting ``month`` (its first day), kept once
        worked out: a ledger prices every worker-month."""
        key = (month, transport)
        found = self._months.get(key)
        if found is None:
            found = self._months[key] = (self._rate("jkk_percent", month, transport),
                                         self._rate("jkm", month, transport), self._find_relief(month, transport))
        return found

    def _rate(self, kind: str, month: dt.date, transport: bool) -> int:
        month = month.replace(day=1)
        best: Rate | None = None
        for rate in self.rates:
            if (rate.kind == kind and _applies(rate.transport, transport) and rate.first_month <= month
                    and (rate.last_month is None or month <= rate.last_month)
                    and (best is None or rate.first_month > best.first_month)):
                best = rate
        if best is None:     # a month before the first rule (the table leaves no gap after it: parse_rates)
            best = min((rate for rate in self.rates if rate.kind == kind and _applies(rate.transport, transport)),
                       key=lambda rate: rate.first_month)
        return best.value

    def jkm(self, month: dt.date, transport: bool = False) -> int:
        """The monthly JKM contribution in rupiah in ``month`` (before any relief)."""
        return self._rate("jkm", month, transport)

    def jkk_percent(self, month: dt.date, transport: bool = False) -> int:
        """JKK as a percentage of the declared bracket in ``month`` (before any relief)."""
        return self._rate("jkk_percent", month, transport)

    def relief(self, month: dt.date, transport: bool) -> Relief | None:
        return self._find_relief(month.replace(day=1), transport)

    def _find_relief(self, month: dt.date, transport: bool) -> Relief | None:
        for relief in self.reliefs:
            if _applies(relief.transport, transport) and relief.first_month <= month <= relief.last_month:
                return relief
        return None


def _month(text: str, row: int, column: str) -> dt.date:
    found = _MONTH.match(text)
    if not found or not 1 <= int(found.group(2)) <= 12:
        raise RatesError(row, f"{column} \"{text}\" bukan bulan bertulis TTTT-BB (mis. 2026-04).")
    return dt.date(int(found.group(1)), int(found.group(2)), 1)


def parse_rates(rows: Iterable[Sequence[str]]) -> RateTable:
    """The table of ``rows`` as read from the CSV file, its header first (blank rows skipped), each row
    checked: a malformed row, or a rule that overlaps another, is refused with its line number."""
    lines = iter(rows)
    header = [cell.strip().lower() for cell in next(lines, [])]
    if tuple(header[:len(COLUMNS)]) != COLUMNS:
        raise RatesError(1, "kepala kolom harus " + ",".join(COLUMNS) + ".")
    rates: list[Rate] = []
    reliefs: list[tuple[Relief, int]] = []
    for number, cells in enumerate(lines, start=2):
        cells = [cell.strip() for cell in cells]
        if not any(cells):
            continue
        if len(cells) < len(COLUMNS):
            raise RatesError(number, f"harus {len(COLUMNS)} kolom ({','.join(COLUMNS)}), ada {len(cells)}.")
        kind, first_text, last_text, value_text, who_text, source = cells[:len(COLUMNS)]
        if kind not in KINDS:
            raise RatesError(number, f"jenis \"{kind}\" tidak dikenal: {', '.join(KINDS)}.")
        if who_text not in WHO:
            raise RatesError(number, f"who \"{who_text}\" tidak dikenal: {', '.join(WHO)}.")
        if not source:
            raise RatesError(number, "sumbernya (peraturan dan pasalnya) tidak ditulis.")
        if not value_text.isdigit():
            raise RatesError(number, f"nilai \"{value_text}\" bukan bilangan bulat.")
        value = int(value_text)
        first = _month(first_text, number, "first_month")
        last = _month(last_text, number, "last_month") if last_text else None
        if last is not None and last < first:
            raise RatesError(number, "last_month sebelum first_month.")
        if kind != "jkm" and not 0 < value <= 100:
            raise RatesError(number, f"persentase {value} harus 1 sampai 100.")
        who = None if who_text == "all" else who_text == "transport"
        if kind == "relief":
            if last is None:
                raise RatesError(number, "keringanan harus punya last_month.")
            relief = Relief(first, last, value, who, source)
            for other, other_row in reliefs:
                if (_meet(who, other.transport) and first <= other.last_month
                        and other.first_month <= last):
                    raise RatesError(number, f"keringanan ini tumpang tindih dengan keringanan baris {other_row}.")
            reliefs.append((relief, number))
        else:
            for other in rates:
                if other.kind == kind and other.first_month == first and _meet(who, other.transport):
                    raise RatesError(number, f"{kind} baris {other.row} berlaku mulai bulan yang sama.")
            rates.append(Rate(kind, first, last, value, who, source, number))
    for kind in ("jkm", "jkk_percent"):
        for transport in (True, False):
            if not any(rate.kind == kind and _applies(rate.transport, transport) for rate in rates):
                raise RatesError(1, f"tidak ada baris {kind} untuk "
                                    f"{'sektor transportasi' if transport else 'pekerja lain'}.")
    # No month without a rate: the month after a rule that ends is covered by another.
    for rate in rates:
        if rate.last_month is None:
            continue
        after = rate.last_month.replace(year=rate.last_month.year + rate.last_month.month // 12,
                                        month=rate.last_month.month % 12 + 1)
        for transport in (True, False):
            if _applies(rate.transport, transport) and not any(
                    other.kind == rate.kind and _applies(other.transport, transport)
                    and other.first_month <= after and (other.last_month is None or after <= other.last_month)
                    for other in rates):
                raise RatesError(rate.row, f"setelah {rate.last_month:%Y-%m} tidak ada {rate.kind} yang berlaku.")
    return RateTable(tuple(rates), tuple(relief for relief, _ in reliefs))

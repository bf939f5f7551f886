"""The dated BPU rates (``resources/rates/bpu_rates.csv``): read here, checked and held by the domain
(``desktop.domain.rates``, ``desktop.domain.contributions``)."""

from __future__ import annotations

import functools
from pathlib import Path

from desktop.domain import contributions
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.rates import RateTable, parse_rates
from desktop.paths import RATES_CSV
from desktop.services.rule_files import read_rule_file


def read_rates(path: Path) -> RateTable:
    """The rate table of the CSV file at ``path``; a file that cannot be read, or a malformed row (named
    by its line), is a ``ServiceError``."""
    return read_rule_file(
        path, parse_rates,
        QT_TRANSLATE_NOOP("Service", "Berkas tarif iuran {name} salah di baris {row}: {reason}"),
        QT_TRANSLATE_NOOP("Service", "Berkas tarif iuran {name} tidak dapat dibaca: {reason}"))


@functools.cache
def shipped_rates() -> RateTable:
    """The rates Lindung ships, read once, and made the domain's table (``contributions.use_rates``)."""
    table = read_rates(RATES_CSV)
    contributions.use_rates(table)
    return table

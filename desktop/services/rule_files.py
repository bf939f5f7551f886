"""Dated rule files shipped with the app (the BPU rates, the claim rules): one way to read them, a file
that cannot be read or a malformed row (named by its line) said in words."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from desktop.domain.rule_rows import RuleRowError
from desktop.services.errors import ServiceError

T = TypeVar("T")


def read_rule_file(path: Path, parse: Callable[[list[list[str]]], T], wrong_row: str, unreadable: str) -> T:
    """``parse`` of the CSV rows at ``path`` (a malformed row is its ``RuleRowError``); ``wrong_row`` /
    ``unreadable``: the translatable messages ({name}, {row}, {reason})."""
    path = Path(path)
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            return parse(list(csv.reader(handle)))
    except RuleRowError as exc:
        raise ServiceError(wrong_row, name=path.name, row=exc.row, reason=exc.reason) from exc
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ServiceError(unreadable, name=path.name, reason=str(exc)) from exc

"""Finding a table's columns by their header names, in the spellings a file may use: a header row under
title rows, or a header of two rows (names under a merged group: ``Kepesertaan`` over ``No KPJ`` | ``TMT``).
BPJS's answer, BPJS's bill and a branch's upload template are read through it. No file I/O here."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.domain.importing import cell_text, header_key

_PARENTHESES = re.compile(r"\(.*?\)")


@dataclass(frozen=True)
class Header:
    first: int                   # the header's first row (index in the sheet)
    last: int                    # its last row: data begins under it
    mapping: dict[str, int]      # key -> column

    def columns(self, rows: Sequence[Sequence[Any]]) -> list[tuple[str, str | None]]:
        """Each named column of the header as (its name in the file, the key read from it or None)."""
        by_column = {index: key for key, index in self.mapping.items()}
        out = []
        width = max(len(rows[n]) for n in range(self.first, self.last + 1))
        for index in range(width):
            names = []
            for n in range(self.first, self.last + 1):
                text = cell_text(rows[n][index]) if index < len(rows[n]) else ""
                if text and text not in names:
                    names.append(text)
            if names:
                out.append((" / ".join(names), by_column.get(index)))
        return out


class HeaderNames:
    """The keys of a kind of table and the header spellings of each (``{"kpj": ("nokpj", …)}``, spellings
    as ``header_key`` writes them)."""

    def __init__(self, variants: Mapping[str, Sequence[str]]):
        self.lookup = {variant: key for key, spellings in variants.items() for variant in spellings}

    def key(self, header: object) -> str | None:
        """The key a header names, with or without its parenthesised part (``Iuran JKK (Rp)``)."""
        return self.lookup.get(header_key(header)) or self.lookup.get(
            header_key(_PARENTHESES.sub("", str(header or ""))))

    def mapping(self, row: Sequence[Any]) -> dict[str, int]:
        """Each key a row names -> its first column."""
        mapping: dict[str, int] = {}
        for index, header in enumerate(row):
            key = self.key(header)
            if key is not None and key not in mapping:
                mapping[key] = index
        return mapping

    def continues(self, row: Sequence[Any]) -> bool:
        """Whether ``row`` is the second row of a two-row header, not the first row of data."""
        texts = [cell_text(cell) for cell in row]
        if any(sum(ch.isdigit() for ch in text) >= 8 for text in texts):
            return False
        return any(self.key(text) is not None for text in texts)

    def two_rows(self, upper: Sequence[Any], lower: Sequence[Any]) -> dict[str, int]:
        """A header of two rows read column by column: the lower name where it is known, else the upper one
        (a cell merged down both rows), else both together (``Nomor`` over ``KPJ``)."""
        mapping: dict[str, int] = {}
        for index in range(max(len(upper), len(lower))):
            top = upper[index] if index < len(upper) else ""
            bottom = lower[index] if index < len(lower) else ""
            key = self.key(bottom) or self.key(top) or self.key(f"{cell_text(top)} {cell_text(bottom)}")
            if key is not None and key not in mapping:
                mapping[key] = index
        return mapping

    def find(self, rows: Sequence[Sequence[Any]], search: int, starts: Callable[[Mapping[str, int]], bool],
             enough: Callable[[Mapping[str, int]], bool]) -> Header | None:
        """The first header among the first ``search`` rows: a row whose keys ``starts`` a header, with the
        row under it when that one continues it and names more, as long as the keys are ``enough``."""
        for index, row in enumerate(rows[:search]):
            mapping = self.mapping(row)
            if not starts(mapping):
                continue
            following = rows[index + 1] if index + 1 < len(rows) else None
            if following is not None and self.continues(following):
                combined = self.two_rows(row, following)
                if enough(combined) and len(combined) > len(mapping):
                    return Header(index, index + 1, combined)
            if enough(mapping):
                return Header(index, index, mapping)
        return None

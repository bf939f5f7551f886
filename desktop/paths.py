"""Where the project's shipped resources live (plain paths, no I/O)."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
REGIONS_CSV = RESOURCES / "regions" / "wilayah-61.csv"
TRANSLATIONS = RESOURCES / "i18n"
FONTS = RESOURCES / "fonts"
INDONESIAN_WORDS = RESOURCES / "passwords" / "indonesian.txt"
RATES_CSV = RESOURCES / "rates" / "bpu_rates.csv"

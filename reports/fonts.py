"""Fonts embedded in every PDF: DejaVu Sans covers Latin with accents, Greek, Cyrillic and more, so
every name a volunteer can type prints as typed."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR, BOLD, CONDENSED_BOLD = "Lindung-Sans", "Lindung-Sans-Bold", "Lindung-Sans-CondBold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", CONDENSED_BOLD: "DejaVuSansCondensed-Bold.ttf"}
_registered: Path | None = None


def register_fonts(font_dir: Path) -> None:
    """Register the TrueType fonts once per process (ReportLab embeds the glyphs used)."""
    global _registered
    if _registered is not None:
        return
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(Path(font_dir) / filename)))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    _registered = Path(font_dir)

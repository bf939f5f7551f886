"""The impact report BAZNAS and BPJS are handed, in Indonesian: per year, a table of the kabupaten/kota with
the contributions BAZNAS paid from zakat, the benefits BPJS paid to the workers and their heirs, how many
rupiah of benefit each rupiah of contribution brought (benefits ÷ contributions), the claims paid and still
open and the longest wait; a total row per year and the columns explained at the foot. Plain data in
(already counted, names already looked up), a PDF out, built like the other reports (``reports.documents``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from reports.documents import Cover, _build, _n, _styles, _table
from reports.fonts import register_fonts

# Kabupaten/Kota, contributions, benefits, ratio, claims paid, claims open, longest wait (174 mm in all): a
# bold total of Rp 999.999.999, a ratio of 5.000,00, "365 hari" and each header word fit unbroken; a long
# name wraps at its spaces, the first header after its slash.
WIDTHS = [31 * mm, 33 * mm, 33 * mm, 20.5 * mm, 18.5 * mm, 18.5 * mm, 19.5 * mm]
HEAD = ["Kabupaten/<br/>Kota", "Iuran dari zakat", "Manfaat dibayar", "Rasio manfaat ÷ iuran", "Klaim dibayar",
        "Klaim terbuka", "Tunggu terlama"]
EXPLAINED = (
    ("Iuran dari zakat", "iuran JKK + JKM yang dibayar BAZNAS dari dana zakat untuk pekerja di wilayah itu, "
                         "menurut tahun pembayarannya dicatat."),
    ("Manfaat dibayar", "manfaat yang dibayar BPJS Ketenagakerjaan kepada pekerja atau ahli warisnya, menurut "
                        "tahun dibayarnya."),
    ("Rasio manfaat ÷ iuran", "rupiah manfaat yang diterima untuk setiap rupiah iuran (manfaat dibagi iuran); "
                              "“-” bila tidak ada iuran."),
    ("Klaim dibayar", "klaim yang dibayar BPJS pada tahun itu."),
    ("Klaim terbuka", "klaim yang dilaporkan pada tahun itu dan belum dibayar atau ditolak."),
    ("Tunggu terlama", "hari sejak klaim terbuka yang paling lama dilaporkan, sampai tanggal laporan ini."),
)


@dataclass(frozen=True)
class ImpactLine:
    name: str                       # the kabupaten/kota's name
    contributions: int              # rupiah
    benefits: int                   # rupiah
    claims_paid: int
    claims_open: int
    longest_wait: int | None        # days; None: no claim open


@dataclass(frozen=True)
class ImpactData:
    years: Sequence[tuple[int, Sequence[ImpactLine]]]     # oldest year first


def ratio(benefits: int, contributions: int) -> str:
    """``104,17`` (Indonesian decimal comma); ``-`` without contributions."""
    return f"{benefits / contributions:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".") \
        if contributions else "-"


def _wait(days: int | None) -> str:
    return f"{_n(days)} hari" if days is not None else "-"


def _total(lines: Sequence[ImpactLine]) -> ImpactLine:
    waits = [line.longest_wait for line in lines if line.longest_wait is not None]
    return ImpactLine("Jumlah", sum(line.contributions for line in lines), sum(line.benefits for line in lines),
                      sum(line.claims_paid for line in lines), sum(line.claims_open for line in lines),
                      max(waits) if waits else None)


def write_impact(out: Path, cover: Cover, data: ImpactData, rupiah: Callable[[int], str], font_dir: Path) -> None:
    """``rupiah`` formats an amount the Indonesian way (Rp 1.234.567)."""
    register_fonts(font_dir)       # before the first paragraph is made
    s = _styles()

    def cells(line: ImpactLine) -> list[str]:
        return [escape(line.name), rupiah(line.contributions), rupiah(line.benefits),
                ratio(line.benefits, line.contributions), _n(line.claims_paid), _n(line.claims_open),
                _wait(line.longest_wait)]

    everything = _total([line for _year, lines in data.years for line in lines])
    story: list = [Paragraph("Seluruh tahun", s["h2"]), Paragraph(
        f"Iuran dari zakat <b>{rupiah(everything.contributions)}</b>; manfaat dibayar kepada pekerja dan ahli waris "
        f"<b>{rupiah(everything.benefits)}</b> (rasio <b>{ratio(everything.benefits, everything.contributions)}</b>); "
        f"<b>{_n(everything.claims_paid)}</b> klaim dibayar, <b>{_n(everything.claims_open)}</b> masih terbuka.",
        s["base"])]
    if not data.years:
        story.append(Paragraph("Belum ada iuran dari zakat maupun klaim yang tercatat.", s["base"]))
    for year, lines in data.years:
        table = _table([HEAD] + [cells(line) for line in lines] + [cells(_total(lines))], WIDTHS, numeric_from=1,
                       total_row=True)
        story.append(KeepTogether([Paragraph(f"Tahun {year}", s["h2"]), table]))
    story += [Spacer(1, 4 * mm), Paragraph("Penjelasan kolom", s["h2"])]
    story += [Paragraph(f"<b>{escape(name)}</b>: {escape(said)}", s["small"]) for name, said in EXPLAINED]
    _build(out, cover, story, font_dir)

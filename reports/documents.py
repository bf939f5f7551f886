"""Reports to sign and file, in Indonesian: summary, card hand-over receipts, contributions owed.

Each takes plain data (already counted, already formatted where the wording is the caller's) and
writes an A4 PDF with a cover block (title, filters, generation date) and "Halaman X dari Y" on
every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab import rl_config
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle,
)
from reportlab.pdfgen.canvas import Canvas

from reports.files import replacing
from reports.fonts import BOLD, REGULAR, register_fonts

GREEN = colors.HexColor("#1f6b53")
LIGHT = colors.HexColor("#e3f0ea")
GRID = colors.HexColor("#b9c7c2")


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=9.5, leading=12.5)
    return {
        "base": base,
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=16, leading=20, textColor=GREEN),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=10.5, leading=14),
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=10,
                             spaceAfter=4, textColor=GREEN, keepWithNext=1),
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10, textColor=colors.HexColor("#4f625c")),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11),
        "num": ParagraphStyle("num", parent=base, fontSize=9, leading=11, alignment=TA_RIGHT),
    }


@dataclass(frozen=True)
class Cover:
    title: str
    subtitle: str
    generated: str                       # "24 November 2026 13:40"
    filters: Sequence[str] = ()          # "Kabupaten/Kota: semua", …
    footer: str = "Lindung · BPJS Ketenagakerjaan × BAZNAS Kalimantan Barat"


class _NumberedCanvas(Canvas):
    """Writes "Halaman X dari Y" once the number of pages is known."""

    def __init__(self, *args, footer: str = "", generated: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self._saved: list[dict] = []
        self._footer, self._generated = footer, generated

    def showPage(self):  # noqa: N802 - ReportLab's name
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self.setFont(REGULAR, 7.5)
            self.setFillColor(colors.HexColor("#4f625c"))
            self.drawString(18 * mm, 10 * mm, self._footer)
            self.drawRightString(A4[0] - 18 * mm, 10 * mm,
                                 f"Dibuat {self._generated} · Halaman {self._pageNumber} dari {total}")
            super().showPage()
        super().save()


def _build(out: Path, cover: Cover, story: list, font_dir: Path) -> None:
    register_fonts(font_dir)
    rl_config.useA85 = 0
    styles = _styles()
    head = [Paragraph(cover.title, styles["title"]), Paragraph(cover.subtitle, styles["subtitle"]), Spacer(1, 3 * mm)]
    if cover.filters:
        rows = [[Paragraph(f, styles["small"])] for f in cover.filters]
        table = Table(rows, colWidths=[174 * mm])
        table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), LIGHT), ("LEFTPADDING", (0, 0), (-1, -1), 6),
                                   ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
        head += [table, Spacer(1, 4 * mm)]
    def canvasmaker(*args, **kwargs):
        return _NumberedCanvas(*args, footer=cover.footer, generated=cover.generated, **kwargs)

    with replacing(out) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                                bottomMargin=18 * mm, title=cover.title, author="Lindung",
                                creator="Lindung (ReportLab)")
        doc.build(head + story, canvasmaker=canvasmaker)


def _table(rows: list[list], widths: Sequence[float], numeric_from: int, total_row: bool = False,
           repeat: int = 1) -> Table:
    styles = _styles()
    body = []
    for r, row in enumerate(rows):
        cells = []
        for c, value in enumerate(row):
            style = styles["num"] if c >= numeric_from and r > 0 else styles["cell"]
            text = f"<b>{value}</b>" if r == 0 or (total_row and r == len(rows) - 1) else str(value)
            cells.append(Paragraph(text, style))
        body.append(cells)
    table = Table(body, colWidths=list(widths), repeatRows=repeat)
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT), ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if total_row:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), LIGHT))
    table.setStyle(TableStyle(commands))
    return table


# --- summary ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SummaryData:
    by_kabupaten: Sequence[tuple[str, int, int, int]]   # name, enrolled, printed, synced
    by_occupation: Sequence[tuple[str, int]]            # label, enrolled
    target: int
    # From enrolled to protected: name, enrolled, submitted, active, refused, ending within 30 days, ended
    pipeline_kabupaten: Sequence[tuple[str, int, int, int, int, int, int]] = ()
    pipeline_schools: Sequence[tuple[str, int, int, int, int, int, int]] = ()


def _bar_chart(rows: Sequence[tuple[str, int, int, int]]) -> Drawing:
    height = 12 + 13 * len(rows)
    drawing = Drawing(174 * mm, height + 18)
    chart = HorizontalBarChart()
    chart.x, chart.y = 44 * mm, 6
    chart.width, chart.height = 120 * mm, height
    chart.data = [[r[1] for r in reversed(rows)], [r[2] for r in reversed(rows)]]
    chart.categoryAxis.categoryNames = [r[0] for r in reversed(rows)]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda v: f"{int(v):,}".replace(",", ".")
    chart.bars[0].fillColor = GREEN
    chart.bars[1].fillColor = colors.HexColor("#9cc9b4")
    chart.bars.strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = 4
    drawing.add(chart)
    legend = height + 11
    drawing.add(Rect(44 * mm, legend, 6, 6, fillColor=GREEN, strokeColor=None))
    drawing.add(String(44 * mm + 9, legend + 0.5, "terdaftar", fontName=REGULAR, fontSize=7.5))
    drawing.add(Rect(44 * mm + 50, legend, 6, 6, fillColor=colors.HexColor("#9cc9b4"), strokeColor=None))
    drawing.add(String(44 * mm + 59, legend + 0.5, "kartu dicetak", fontName=REGULAR, fontSize=7.5))
    return drawing


TEXT_WIDTH = 174 * mm - 12     # the page's frame between its margins, inside its 6 pt paddings


def _progress_bar(done: int, target: int) -> Drawing:
    """The share of the target enrolled, inside the text frame (full, not beyond, past 100 %)."""
    width = TEXT_WIDTH
    drawing = Drawing(width, 16)
    share = min(done / target, 1.0) if target else 0
    drawing.add(Rect(0, 2, width, 10, fillColor=LIGHT, strokeColor=GRID, strokeWidth=0.5))
    drawing.add(Rect(0, 2, width * share, 10, fillColor=GREEN, strokeColor=None))
    return drawing


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _pct(value: float) -> str:
    """``12,5%`` (Indonesian decimal comma)."""
    return f"{value:.1f}".replace(".", ",") + "%"


_PIPELINE_HEAD = ["Terdaftar", "Diajukan", "Aktif", "Ditolak", "Berakhir ≤ 30 hari", "Berakhir"]


def _pipeline(data: SummaryData, s) -> list:
    """The way from enrolled to protected, per kabupaten/kota and per school, against the target."""
    if not data.pipeline_kabupaten:
        return []
    def table(first: str, rows, first_width: float):
        totals = [sum(r[i] for r in rows) for i in range(1, 7)]
        widths = [first_width] + [(174 * mm - first_width) / 6] * 6
        return _table([[first] + _PIPELINE_HEAD] + [[r[0]] + [_n(v) for v in r[1:]] for r in rows]
                      + [["Jumlah"] + [_n(v) for v in totals]], widths, numeric_from=1, total_row=True)
    active = sum(r[3] for r in data.pipeline_kabupaten)
    out = [Paragraph("Dari terdaftar sampai terlindungi", s["h2"]),
           Paragraph(f"<b>{_n(active)}</b> pekerja aktif di BPJS Ketenagakerjaan (ber-KPJ) dari target "
                     f"<b>{_n(data.target)}</b> ({_pct(active / data.target * 100 if data.target else 0)}). "
                     "Terdaftar: belum diajukan; diajukan: menunggu jawaban BPJS; berakhir ≤ 30 hari: aktif, "
                     "perlindungannya habis dalam 30 hari.", s["base"]),
           _progress_bar(active, data.target), Spacer(1, 2 * mm),
           table("Kabupaten/Kota", [r for r in data.pipeline_kabupaten if any(r[1:])], 46 * mm)]
    if data.pipeline_schools:
        out += [Paragraph("Per sekolah", s["h2"]), table("Sekolah", data.pipeline_schools, 56 * mm)]
    return out


def write_summary(out: Path, cover: Cover, data: SummaryData, font_dir: Path) -> None:
    register_fonts(font_dir)
    s = _styles()
    total = sum(r[1] for r in data.by_kabupaten)
    printed = sum(r[2] for r in data.by_kabupaten)
    synced = sum(r[3] for r in data.by_kabupaten)
    share = total / data.target * 100 if data.target else 0
    story = [
        Paragraph("Capaian terhadap target", s["h2"]),
        Paragraph(f"<b>{_n(total)}</b> dari target <b>{_n(data.target)}</b> pekerja rentan terdaftar "
                  f"({_pct(share)}).", s["base"]),
        _progress_bar(total, data.target),
        Paragraph("Per kabupaten/kota", s["h2"]),
        _table([["Kabupaten/Kota", "Terdaftar", "Kartu dicetak", "Tersinkron"]]
               + [[n, _n(a), _n(b), _n(c)] for n, a, b, c in data.by_kabupaten]
               + [["Jumlah", _n(total), _n(printed), _n(synced)]],
               [80 * mm, 31 * mm, 32 * mm, 31 * mm], numeric_from=1, total_row=True),
        Spacer(1, 4 * mm),
        KeepTogether([Paragraph("Terdaftar dan kartu dicetak per kabupaten/kota", s["h2"]),
                      _bar_chart(data.by_kabupaten)]),
        *_pipeline(data, s),
        Paragraph("Per pekerjaan", s["h2"]),
        _table([["Pekerjaan", "Terdaftar", "Bagian"]]
               + [[label, _n(count), _pct(count / total * 100 if total else 0)]
                  for label, count in data.by_occupation]
               + [["Jumlah", _n(total), "100%" if total else "0%"]],
               [110 * mm, 32 * mm, 32 * mm], numeric_from=1, total_row=True),
    ]
    _build(out, cover, story, font_dir)


# --- receipts ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReceiptRow:
    full_name: str
    registration_no: str
    pupil: str
    kpj_number: str = ""


def _unbroken_width(values: Sequence[str], bold_header: str) -> float:
    """A column wide enough for every value on one line (cell padding 6 pt each side, 2 pt to spare):
    identifiers must never wrap (``…-000001-`` / ``M``)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    widest = max([stringWidth(v, REGULAR, 9) for v in values] + [stringWidth(bold_header, BOLD, 9)])
    return widest + 14


def write_receipts(out: Path, cover: Cover, rows: Sequence[ReceiptRow], coordinator: str, place_date: str,
                   font_dir: Path) -> None:
    register_fonts(font_dir)
    s = _styles()
    with_kpj = any(r.kpj_number for r in rows)
    header = ["No", "Nama peserta", "No. Registrasi"] + (["No. KPJ"] if with_kpj else []) + [
        "Siswa (kelas)", "Tanda tangan penerima"]
    table_rows = [header]
    table_rows += [[str(i), r.full_name, r.registration_no] + ([r.kpj_number or "-"] if with_kpj else [])
                   + [r.pupil, ""] for i, r in enumerate(rows, start=1)]
    # Identifiers never break: their columns are measured (the widest registration number, WWWWWW-000000-W,
    # and an 11-digit KPJ); the name, pupil and signature share what is left of the 174 mm.
    ids = [_unbroken_width([r.registration_no for r in rows] + ["WWWWWW-000000-W"], "No. Registrasi")]
    if with_kpj:
        ids.append(_unbroken_width(["00000000000"], "No. KPJ"))
    rest = 174 * mm - 10 * mm - sum(ids)
    table = _table(table_rows, [10 * mm, rest * 0.36, *ids, rest * 0.33, rest * 0.31], numeric_from=99)
    table.setStyle(TableStyle([("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white]),
                               ("TOPPADDING", (0, 1), (-1, -1), 7), ("BOTTOMPADDING", (0, 1), (-1, -1), 7)]))
    signature = Table([[Paragraph(place_date, s["base"])], [Paragraph("Koordinator sekolah,", s["base"])],
                       [Spacer(1, 16 * mm)], [Paragraph(f"( {coordinator or '.' * 40} )", s["base"])]],
                      colWidths=[70 * mm], hAlign="RIGHT")
    story = [
        Paragraph(f"Kartu peserta JKK + JKM diterima oleh peserta berikut ({_n(len(rows))} orang).", s["base"]),
        Spacer(1, 3 * mm), table, Spacer(1, 8 * mm), KeepTogether([signature]),
    ]
    _build(out, cover, story, font_dir)


# --- contributions --------------------------------------------------------------------------------

@dataclass(frozen=True)
class ContributionRow:
    kabupaten: str
    workers: int
    jkk: int
    jkm: int


@dataclass(frozen=True)
class DocumentMark:
    """What makes a contributions report a document: its number and issue date, and for a correction
    (``kind`` supplementary or credit_note, its rows the differences) the number it corrects."""
    number: str
    issued: str                        # "7 Desember 2026"
    kind: str = "invoice"              # invoice | supplementary | credit_note
    corrects: str | None = None
    since: str | None = None           # a correction: the last document its differences are from


@dataclass(frozen=True)
class ContributionData:
    rows: Sequence[ContributionRow]
    months: int
    period: str                        # "November 2026 – Oktober 2027"
    notes: Sequence[str] = field(default_factory=tuple)
    document: DocumentMark | None = None


def write_contributions(out: Path, cover: Cover, data: ContributionData, rupiah, font_dir: Path) -> None:
    """``rupiah`` formats an amount the Indonesian way (Rp 1.234.567). A correction's rows are the
    differences from the document it corrects, signed (+ more owed, − less)."""
    register_fonts(font_dir)
    s = _styles()
    mark = data.document
    correction = mark is not None and mark.corrects is not None

    def money(amount: int) -> str:
        if not correction:
            return rupiah(amount)
        return ("+" if amount > 0 else "−" if amount < 0 else "") + rupiah(abs(amount))

    def count(n: int) -> str:
        return f"+{_n(n)}" if correction and n > 0 else f"−{_n(-n)}" if n < 0 else _n(n)

    total_jkk = sum(r.jkk for r in data.rows)
    total_jkm = sum(r.jkm for r in data.rows)
    workers = sum(r.workers for r in data.rows)
    total = total_jkk + total_jkm
    table = _table(
        [["Kabupaten/Kota", "Peserta", "JKK", "JKM", "Jumlah"]]
        + [[r.kabupaten, count(r.workers), money(r.jkk), money(r.jkm), money(r.jkk + r.jkm)] for r in data.rows]
        + [["Jumlah", count(workers), money(total_jkk), money(total_jkm), money(total)]],
        [52 * mm, 22 * mm, 33 * mm, 33 * mm, 34 * mm], numeric_from=1, total_row=True)
    head: list = []
    if mark is not None:
        head.append(Paragraph(f"Nomor dokumen: <b>{mark.number}</b> · diterbitkan {mark.issued}", s["base"]))
        if correction:
            head.append(Paragraph(f"Mengoreksi <b>{mark.corrects}</b>", s["base"]))
        head.append(Spacer(1, 2 * mm))
    if correction:
        intro = (f"Selisih iuran JKK dan JKM sejak {mark.since or mark.corrects}, selama {data.months} bulan ({data.period}). "
                 f"Tanda + berarti kewajiban bertambah, tanda − berarti berkurang.")
        said = (f"Tambahan kewajiban BAZNAS: <b>{rupiah(total)}</b>" if mark.kind == "supplementary"
                else f"Kredit BAZNAS (kewajiban berkurang): <b>{rupiah(-total)}</b>")
    else:
        intro = (f"Iuran JKK dan JKM yang dibayar BAZNAS (dana zakat, infak atau sedekah) untuk {_n(workers)} peserta "
                 f"selama {data.months} bulan ({data.period}).")
        said = f"Total kewajiban: <b>{rupiah(total)}</b>"
    story = head + [
        Paragraph(intro, s["base"]),
        Spacer(1, 3 * mm), table, Spacer(1, 4 * mm),
        Paragraph(said, s["subtitle"]),
        Spacer(1, 3 * mm),
    ] + [Paragraph(note, s["small"]) for note in data.notes]
    _build(out, cover, story, font_dir)

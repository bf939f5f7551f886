"""Membership cards: ID-1 / CR80 geometry, front and back drawing, and the two print layouts.

Geometry (sizes, positions on a sheet) is kept apart from drawing (one function per side, at the
card's origin) and from pagination (``write_cards``), like pylabels. Everything the cards print
arrives as plain, already formatted text in ``CardData``; nothing here knows the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from reports.fonts import BOLD, CONDENSED_BOLD, REGULAR, register_fonts
from reports.pdfjoin import join_pdfs
from reports.qr import qr_image_ops

CARD_W, CARD_H = 85.60 * mm, 53.98 * mm
CORNER = 3.18 * mm
A4_W, A4_H = 210 * mm, 297 * mm
COLUMNS, ROWS = 2, 5
SHEET_X = (A4_W - COLUMNS * CARD_W) / 2      # 19.4 mm margins left and right
SHEET_Y = (A4_H - ROWS * CARD_H) / 2         # 13.55 mm margins top and bottom
PER_SHEET = COLUMNS * ROWS

GREEN = HexColor("#1f6b53")
GREEN_LIGHT = HexColor("#e3f0ea")
INK = HexColor("#1b2a26")
MUTED = HexColor("#4f625c")
CUT = Color(0, 0, 0)


@dataclass(frozen=True)
class CardData:
    registration_no: str
    full_name: str
    nik_masked: str
    birth_date: str
    kabupaten: str
    programmes: str          # "JKK, JKM"
    coverage: str            # "24-11-2026 s.d. 23-11-2027"
    funding: str             # "BAZNAS (dana zakat)", or infak or sedekah: the fund of the latest payment
    qr_text: str
    kpj_number: str | None = None   # BPJS's participant number: the card's main number once known


@dataclass(frozen=True)
class CardBack:
    """The same on every card of a batch: benefits, how to claim, the branch, a signature line."""

    title: str = "Manfaat dan cara klaim"
    # Each rule as BPJS applies it to BPU members (PP 44/2015 as amended by PP 82/2019; the JKM benefit
    # of a member of less than 3 months: Peraturan BPJS Ketenagakerjaan 5/2021).
    jkk: str = ("JKK (Jaminan Kecelakaan Kerja): perawatan sesuai kebutuhan medis, santunan selama tidak "
                "mampu bekerja, santunan cacat, dan santunan kematian akibat kecelakaan kerja. Kecelakaan "
                "kerja wajib dilaporkan ke BPJS Ketenagakerjaan paling lambat 2 x 24 jam.")
    jkm: str = ("JKM (Jaminan Kematian), meninggal bukan karena kecelakaan kerja: ahli waris menerima "
                "Rp 42.000.000 bila sudah menjadi peserta 3 bulan atau lebih; kurang dari 3 bulan "
                "Rp 10.000.000. Klaim JKM tidak dibatasi 2 x 24 jam.")
    scholarship: str = ("Beasiswa (JKM) untuk paling banyak 2 anak bila peserta meninggal setelah membayar iuran "
                        "paling sedikit 3 tahun.")
    claim: str = "Klaim di kantor cabang: bawa kartu ini, KTP dan Kartu Keluarga peserta dan ahli waris."
    branch: str = "BPJS Ketenagakerjaan Cabang Pontianak · Layanan masyarakat 175"
    signature: str = "Tanda tangan peserta"


def fit_font_size(text: str, font: str, width: float, largest: float, smallest: float) -> float:
    """The largest size (in 0.25 pt steps) at which ``text`` fits ``width``; ``smallest`` at worst."""
    size = largest
    natural = stringWidth(text, font, 1)
    if natural * largest <= width:
        return largest
    size = max(smallest, int(width / natural * 4) / 4)
    return size


def split_to_fit(text: str, font: str, size: float, width: float) -> list[str]:
    """Break ``text`` at spaces into lines no wider than ``width`` (a word longer than the width is
    broken by characters): a long name is made smaller and wrapped, never cut."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if stringWidth(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while stringWidth(word, font, size) > width:
            cut = len(word)
            while cut > 1 and stringWidth(word[:cut], font, size) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines


# --- drawing one side, at the card's lower-left corner -----------------------------------

_NAME_WIDTH = 52 * mm
_QR_SIZE = 23 * mm


def _front_background(c: Canvas) -> None:
    """Static parts of the front, drawn once per batch as a form XObject."""
    c.setFillColor(white)
    c.roundRect(0, 0, CARD_W, CARD_H, CORNER, stroke=0, fill=1)
    c.setFillColor(GREEN)
    path = c.beginPath()
    path.moveTo(0, CARD_H - 11 * mm)
    path.lineTo(0, CARD_H - CORNER)
    path.arcTo(0, CARD_H - 2 * CORNER, 2 * CORNER, CARD_H, startAng=180, extent=-90)
    path.lineTo(CARD_W - CORNER, CARD_H)
    path.arcTo(CARD_W - 2 * CORNER, CARD_H - 2 * CORNER, CARD_W, CARD_H, startAng=90, extent=-90)
    path.lineTo(CARD_W, CARD_H - 11 * mm)
    path.close()
    c.drawPath(path, stroke=0, fill=1)
    c.setFillColor(white)
    c.setFont(REGULAR, 5.2)
    c.drawString(4 * mm, CARD_H - 4.4 * mm, "KARTU PESERTA PEKERJA RENTAN")
    c.setFont(BOLD, 9)
    c.drawString(4 * mm, CARD_H - 8.6 * mm, "JKK + JKM")
    c.setFont(REGULAR, 5.2)
    c.drawRightString(CARD_W - 4 * mm, CARD_H - 4.4 * mm, "Jaminan Sosial Ketenagakerjaan")
    c.drawRightString(CARD_W - 4 * mm, CARD_H - 8.4 * mm, "dibiayai BAZNAS")
    c.setFillColor(MUTED)
    c.setFont(REGULAR, 4.6)
    # The first row's label depends on the card (KPJ number or Lindung's own): drawn with the card.
    labels = ("NIK", "Tanggal lahir", "Kabupaten/Kota", "Program", "Masa berlaku", "Dibiayai")
    for i, text in enumerate(labels, start=1):
        c.drawString(4 * mm, _row_y(i) + 2.55 * mm, text)
    c.setFont(REGULAR, 4.2)
    c.drawCentredString(CARD_W - 4 * mm - _QR_SIZE / 2, 2.2 * mm, "Pindai untuk memeriksa keaslian")
    c.setStrokeColor(HexColor("#c9d3cf"))
    c.setLineWidth(0.4)
    c.roundRect(0.2, 0.2, CARD_W - 0.4, CARD_H - 0.4, CORNER, stroke=1, fill=0)


def _row_y(i: int) -> float:
    return CARD_H - 22.2 * mm - i * 4.35 * mm


def draw_front(c: Canvas, card: CardData) -> None:
    """One card's front at the current origin (after the background form)."""
    c.setFillColor(INK)
    size = fit_font_size(card.full_name, BOLD, _NAME_WIDTH, 9.5, 6)
    font = BOLD
    lines = [card.full_name]
    if stringWidth(card.full_name, BOLD, size) > _NAME_WIDTH:
        font, size = CONDENSED_BOLD, fit_font_size(card.full_name, CONDENSED_BOLD, _NAME_WIDTH, 6.5, 5.5)
        lines = split_to_fit(card.full_name, font, size, _NAME_WIDTH)[:3] if stringWidth(
            card.full_name, font, size) > _NAME_WIDTH else [card.full_name]
    c.setFont(font, size)
    top = CARD_H - 14.6 * mm if len(lines) == 1 else CARD_H - 13.8 * mm
    for n, line in enumerate(lines):
        c.drawString(4 * mm, top - n * (size + 0.6), line)
    c.setFont(REGULAR, 4.6)
    c.drawString(4 * mm, _row_y(0) + 2.55 * mm, "No. KPJ (BPJS Ketenagakerjaan)" if card.kpj_number else "No. Registrasi")
    main = card.kpj_number or card.registration_no
    c.setFont(BOLD, 6.4)
    c.drawString(4 * mm, _row_y(0), main)
    if card.kpj_number:   # Lindung's number stays, smaller, beside BPJS's
        c.setFillColor(MUTED)
        c.setFont(REGULAR, 4.4)
        c.drawString(4 * mm + stringWidth(main, BOLD, 6.4) + 1.6 * mm, _row_y(0) + 0.2, f"Reg. {card.registration_no}")
        c.setFillColor(INK)
    values = (card.nik_masked, card.birth_date, card.kabupaten, card.programmes, card.coverage, card.funding)
    c.setFont(REGULAR, 5.8)
    for i, value in enumerate(values, start=1):
        c.drawString(4 * mm, _row_y(i), value)
    c.addLiteral(qr_image_ops(card.qr_text, CARD_W - 4 * mm - _QR_SIZE, 4.2 * mm, _QR_SIZE))


def _back_background(c: Canvas, back: CardBack) -> None:
    c.setFillColor(white)
    c.roundRect(0, 0, CARD_W, CARD_H, CORNER, stroke=0, fill=1)
    c.setStrokeColor(HexColor("#c9d3cf"))
    c.setLineWidth(0.4)
    c.roundRect(0.2, 0.2, CARD_W - 0.4, CARD_H - 0.4, CORNER, stroke=1, fill=0)
    c.setFillColor(GREEN)
    c.setFont(BOLD, 7)
    c.drawString(4 * mm, CARD_H - 6 * mm, back.title)
    y = CARD_H - 10 * mm
    c.setFillColor(INK)
    for paragraph in (back.jkk, back.jkm, back.scholarship, back.claim):
        for line in split_to_fit(paragraph, REGULAR, 5.3, CARD_W - 8 * mm):
            c.setFont(REGULAR, 5.3)
            c.drawString(4 * mm, y, line)
            y -= 6.4
        y -= 2.2
    c.setFillColor(MUTED)
    c.setFont(REGULAR, 5)
    c.drawString(4 * mm, 4.2 * mm, back.branch)
    c.setStrokeColor(INK)
    c.setLineWidth(0.5)
    c.line(CARD_W - 36 * mm, 11.5 * mm, CARD_W - 4 * mm, 11.5 * mm)
    c.setFont(REGULAR, 4.6)
    c.drawCentredString(CARD_W - 20 * mm, 8.8 * mm, back.signature)


def draw_back(c: Canvas, card: CardData) -> None:
    """What differs from card to card on the back: the registration number, to match the sides."""
    c.setFillColor(MUTED)
    c.setFont(REGULAR, 4.6)
    c.drawString(4 * mm, 8.8 * mm, f"No. Registrasi {card.registration_no}")


# --- layouts ----------------------------------------------------------------------------------

def _crop_marks(c: Canvas) -> None:
    """Cut lines in the sheet margins at every card edge (the cards themselves touch)."""
    c.setStrokeColor(CUT)
    c.setLineWidth(0.25)
    length, gap = 7 * mm, 2 * mm
    xs = [SHEET_X + i * CARD_W for i in range(COLUMNS + 1)]
    ys = [SHEET_Y + j * CARD_H for j in range(ROWS + 1)]
    for x in xs:
        c.line(x, SHEET_Y - gap - length, x, SHEET_Y - gap)
        c.line(x, A4_H - SHEET_Y + gap, x, A4_H - SHEET_Y + gap + length)
    for y in ys:
        c.line(SHEET_X - gap - length, y, SHEET_X - gap, y)
        c.line(A4_W - SHEET_X + gap, y, A4_W - SHEET_X + gap + length, y)


def sheet_position(index: int, back: bool = False) -> tuple[float, float]:
    """Lower-left corner of card ``index`` (0–9) on an A4 sheet, row by row from the top left.

    Backs are mirrored left-right so that duplex printing (flip on the long edge) puts each back
    behind its front.
    """
    row, column = divmod(index, COLUMNS)
    if back:
        column = COLUMNS - 1 - column
    return SHEET_X + column * CARD_W, A4_H - SHEET_Y - (row + 1) * CARD_H


def _chunks(cards: Iterable[CardData], size: int) -> Iterator[list[CardData]]:
    chunk: list[CardData] = []
    for card in cards:
        chunk.append(card)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


LAYOUTS = ("a4", "card")
PART_CARDS = 1000   # cards rendered per part: ReportLab holds a document in memory until it is saved


def part_size(total: int | None, workers: int) -> int:
    """Cards per part: at most PART_CARDS, and parts of one size for every worker when the batch's
    size is known (3,533 cards in two processes: four parts of 890 instead of 1,000, 1,000, 1,000 and
    533, so neither process waits for the other's third part), whole A4 sheets."""
    if not total or workers <= 1:
        return PART_CARDS
    rounds = -(-total // (workers * PART_CARDS))
    size = -(-total // (workers * rounds))
    return min(PART_CARDS, -(-size // PER_SHEET) * PER_SHEET)


def _render_part(path: str, cards: list[CardData], layout: str, font_dir: str, back: CardBack,
                 title: str) -> str:
    """One self-contained PDF of ``cards`` (a multiple of 10 except the last part)."""
    register_fonts(Path(font_dir))
    rl_config.useA85 = 0  # binary compressed streams: smaller files, and no pure-Python ASCII85 pass
    page = (A4_W, A4_H) if layout == "a4" else (CARD_W, CARD_H)
    c = Canvas(path, pagesize=page, pageCompression=1, invariant=0)
    c.setTitle(title)
    c.setAuthor("Lindung")
    c.setCreator("Lindung (ReportLab)")
    c.beginForm("front")
    _front_background(c)
    c.endForm()
    c.beginForm("back")
    _back_background(c, back)
    c.endForm()
    for chunk in _chunks(cards, PER_SHEET if layout == "a4" else 1):
        for side in ("front", "back"):
            for index, card in enumerate(chunk):
                x, y = sheet_position(index, back=side == "back") if layout == "a4" else (0, 0)
                c.saveState()
                c.translate(x, y)
                c.doForm(side)
                (draw_front if side == "front" else draw_back)(c, card)
                c.restoreState()
            if layout == "a4":
                _crop_marks(c)
            c.showPage()
    c.save()
    return path


def _pool(workers: int):
    """Processes for rendering parts: forked where that is safe (no threads), spawned otherwise."""
    import multiprocessing
    import threading

    method = "fork" if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods() \
        else "spawn"
    return multiprocessing.get_context(method).Pool(workers)


def write_cards(out: Path, cards: Iterable[CardData], layout: str, font_dir: Path,
                back: CardBack | None = None, title: str = "Kartu peserta",
                progress: Callable[[int], None] | None = None, workers: int = 1,
                cancelled: Callable[[], bool] | None = None, total: int | None = None) -> int:
    """Write every card (front and back) to ``out``; returns how many cards were written.

    ``layout`` is ``"card"`` (one side per page at exact card size: front, back, front, …) or
    ``"a4"`` (10 cards a sheet with crop marks, each sheet of fronts followed by its backs, mirrored).
    Cards are rendered in parts of at most ``PART_CARDS`` (in ``workers`` processes when more than one;
    ``total``, the number of cards when known, evens the parts out) and the parts joined page by page,
    streaming, so memory stays flat however large the batch.
    ``out`` appears only when complete; ``cancelled()`` returning True stops early and writes nothing.
    """
    import tempfile

    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}")
    back = back or CardBack()
    out = Path(out)
    count = 0
    with tempfile.TemporaryDirectory(prefix=".lindung-cards-", dir=out.parent) as scratch:
        parts: list[str] = []
        args = (layout, str(font_dir), back, title)
        pool = _pool(workers) if workers > 1 else None
        try:
            pending = []
            for number, chunk in enumerate(_chunks(cards, part_size(total, workers))):
                if cancelled is not None and cancelled():
                    return 0
                path = str(Path(scratch) / f"part-{number:05d}.pdf")
                parts.append(path)
                if pool is None:
                    _render_part(path, chunk, *args)
                    count += len(chunk)
                    if progress is not None:
                        progress(count)
                    continue
                pending.append((pool.apply_async(_render_part, (path, chunk) + args), len(chunk)))
                while len(pending) > workers:  # a bounded window: a few parts in flight, not the batch
                    done, size = pending.pop(0)
                    done.get()
                    count += size
                    if progress is not None:
                        progress(count)
            for done, size in pending:
                done.get()
                count += size
                if progress is not None:
                    progress(count)
        finally:
            if pool is not None:
                pool.terminate()
        if cancelled is not None and cancelled():
            return 0
        if not parts:
            _render_part(str(Path(scratch) / "empty.pdf"), [], *args)
            parts.append(str(Path(scratch) / "empty.pdf"))
        tmp = Path(scratch) / "joined.pdf"
        join_pdfs([Path(p) for p in parts], tmp, title, "Lindung (ReportLab)")
        tmp.replace(out)  # a printer never sees a half-written batch
    return count

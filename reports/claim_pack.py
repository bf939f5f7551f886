"""The claim pack: one A4 page for the heir, in Indonesian — the worker, the KPJ, what is due and why, the
papers to bring (a box to tick for each), where the branch is and when it is open, and the deadlines.
Plain data in (already worded by the caller), a PDF out, built like the other documents
(``reports.documents``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from reports.documents import GREEN, GRID, LIGHT, Cover, _build, _styles
from reports.fonts import register_fonts


@dataclass(frozen=True)
class ClaimPack:
    worker: Sequence[tuple[str, str]]        # (label, value): name, registration number, KPJ, incident…
    due: str                                  # "JKM Rp 42.000.000" or "JKK: dinilai BPJS"
    why: Sequence[str]                        # the reasons, in order
    claimant: str                             # who claims, and why
    documents: Sequence[tuple[str, str, bool]]  # (label, when needed, seen)
    branch: tuple[str, str]                   # (address, hours)
    deadlines: Sequence[str]
    warnings: Sequence[str] = ()
    claim: str = ""                           # the claim's code, for the volunteer and the branch


def _p(text: str, style) -> Paragraph:
    return Paragraph(escape(text), style)


def write_claim_pack(out: Path, cover: Cover, pack: ClaimPack, font_dir: Path) -> None:
    register_fonts(font_dir)       # before the first paragraph is made
    s = _styles()
    story: list = []
    worker = Table([[_p(label, s["small"]), _p(value, s["cell"])] for label, value in pack.worker],
                   colWidths=[42 * mm, 132 * mm])
    worker.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    story += [worker, Spacer(1, 2 * mm)]
    due = Table([[_p("Hak yang dapat diterima", s["small"])], [Paragraph(escape(pack.due), s["title"])]],
                colWidths=[174 * mm])
    due.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), LIGHT), ("LEFTPADDING", (0, 0), (-1, -1), 6),
                             ("BOX", (0, 0), (-1, -1), 0.8, GREEN)]))
    story += [due, Spacer(1, 1.5 * mm)]
    story += [_p(line, s["base"]) for line in pack.why]
    story += [_p(f"Yang mengajukan: {pack.claimant}", s["base"])]
    for line in pack.warnings:
        story.append(_p(f"Perhatian: {line}", s["small"]))
    story.append(_p("Dokumen yang dibawa", s["h2"]))
    rows = [[_p("☑" if seen else "☐", s["cell"]), _p(label + (f" ({when})" if when else ""), s["cell"])]
            for label, when, seen in pack.documents]
    if rows:
        papers = Table(rows, colWidths=[8 * mm, 166 * mm])
        papers.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID), ("TOPPADDING", (0, 0), (-1, -1), 2),
                                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        story.append(papers)
    else:
        story.append(_p("Tidak ada manfaat yang dapat diklaim untuk kejadian ini.", s["base"]))
    story.append(_p("Batas waktu", s["h2"]))
    story += [_p(line, s["base"]) for line in pack.deadlines] or [_p(
        "JKM tidak memiliki batas waktu pengajuan bagi peserta yang aktif; ajukan secepatnya.", s["base"])]
    story.append(_p("Ke mana", s["h2"]))
    address, hours = pack.branch
    story += [_p(address, s["base"]), _p(f"Jam layanan: {hours}", s["base"])]
    if pack.claim:
        story += [Spacer(1, 3 * mm), _p(f"Kode klaim di Lindung: {pack.claim}", s["small"])]
    _build(out, cover, story, font_dir)

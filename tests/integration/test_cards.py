"""Membership cards read back as a printer and a verifier would: sizes, text, QR codes, signatures."""

import pikepdf
import pypdfium2 as pdfium
import pytest
import zxingcpp
from pypdf import PdfReader

from desktop.services import cards, enrollment
from desktop.services.accounts import SYSTEM
from desktop.services.demo import add_demo_workers
from desktop.services.search import SearchQuery, count_all
from tests.conftest import make_raw
from tests.integration.test_cli import run

MM = 72 / 25.4
LONG_NAME = "MUHAMMAD RIZKY PRATAMA SYAHPUTRA BIN HAJI ABDUL RAHMAN SULAIMAN ALKADRIE AL-QADRI"


def page_mm(reader, index):
    box = reader.pages[index].mediabox
    return round(float(box.width) / MM, 2), round(float(box.height) / MM, 2)


def decode_page(pdf, index, dpi=200):
    image = pdf[index].render(scale=dpi / 72).to_pil()
    return [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def text_in(pdf, index, left_mm, bottom_mm, right_mm, top_mm):
    page = pdf[index]
    return page.get_textpage().get_text_bounded(left_mm * MM, bottom_mm * MM, right_mm * MM, top_mm * MM)


@pytest.fixture
def printed(ws, tmp_path):
    people = [
        enrollment.enroll(ws, make_raw(), SYSTEM),  # SITI AMINAH
        enrollment.enroll(ws, make_raw(nik="6171010101800002", full_name="Stéfanus Aloysius D'Cruz",
                                       sex="L", birth_date="01-01-1980"), SYSTEM),
        enrollment.enroll(ws, make_raw(nik="6171010202800003", full_name=LONG_NAME, sex="L",
                                       birth_date="02-02-1980"), SYSTEM),
    ]
    add_demo_workers(ws, 9, SYSTEM, seed=3)
    return people


def test_a4_sheets_have_crop_marks_mirrored_backs_and_every_qr_verifies(ws, tmp_path, printed):
    out = tmp_path / "kartu.pdf"
    result = cards.print_cards(ws, SearchQuery(), out, "a4", SYSTEM, workers=2)
    assert result.count == 12
    reader = PdfReader(out, strict=True)
    assert len(reader.pages) == 4  # two sheets, each fronts then backs
    with pikepdf.open(out) as joined:  # the streamed join is a well-formed PDF for qpdf too
        assert joined.check_pdf_syntax() == [] and len(joined.pages) == 4
    assert all(page_mm(reader, i) == (210.0, 297.0) for i in range(4))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "SITI AMINAH" in text and "STÉFANUS ALOYSIUS D'CRUZ" in text
    for word in LONG_NAME.split():  # a long name shrinks and wraps, never cut
        assert word in text
    assert "617101••••••0001" in text and "6171014508800001" not in text  # NIK masked
    assert "JKK, JKM" in text and "BAZNAS (dana zakat)" in text and "menunggu nomor KPJ dari BPJS" in text

    pdf = pdfium.PdfDocument(out)
    codes = set(decode_page(pdf, 0)) | set(decode_page(pdf, 2))
    assert len(codes) == 12
    for code in codes:
        check = cards.verify_card(ws, code)
        assert check.genuine, check.reason
    names = {cards.verify_card(ws, c).claim.full_name for c in codes}
    assert {"SITI AMINAH", LONG_NAME} <= names

    # Fronts run left to right; their backs sit mirrored so duplex printing lines them up.
    first_regno = text_in(pdf, 0, 19.4, 243, 105, 283.4)
    back_right = text_in(pdf, 1, 105, 229.5, 190.6, 283.4)
    back_left = text_in(pdf, 1, 19.4, 229.5, 105, 283.4)
    regno = next(c.split("|")[1] for c in decode_page(pdf, 0) if c.split("|")[1] in first_regno)
    assert regno in back_right and regno not in back_left


def test_one_card_per_page_at_exact_card_size_with_fonts_embedded(ws, tmp_path, printed):
    out = tmp_path / "kartu-cr80.pdf"
    cards.print_cards(ws, SearchQuery("siti"), out, "card", SYSTEM, workers=1)
    reader = PdfReader(out)
    assert len(reader.pages) == 2
    assert page_mm(reader, 0) == (85.6, 53.98) and page_mm(reader, 1) == (85.6, 53.98)
    fonts = reader.pages[0]["/Resources"]
    embedded = []
    for form in fonts["/XObject"].values():
        for font in form.get_object()["/Resources"]["/Font"].values():
            descendant = font.get_object()
            descriptor = descendant.get("/FontDescriptor")
            if descriptor is not None:
                embedded.append("/FontFile2" in descriptor.get_object())
    assert embedded and all(embedded)
    assert "Tanda tangan peserta" in reader.pages[1].extract_text()


def test_one_changed_byte_fails_verification(ws, tmp_path, printed):
    out = tmp_path / "satu.pdf"
    cards.print_cards(ws, SearchQuery("siti"), out, "card", SYSTEM, workers=1)
    (code,) = decode_page(pdfium.PdfDocument(out), 0, dpi=300)
    assert cards.verify_card(ws, code).genuine
    for position in range(5, len(code)):
        if code[position] == "|":
            continue
        changed = code[:position] + ("A" if code[position] != "A" else "B") + code[position + 1:]
        assert not cards.verify_card(ws, changed).genuine, position


def test_reprints_need_a_reason_and_are_logged(ws, tmp_path, printed):
    first = cards.print_cards(ws, SearchQuery(unprinted=True), tmp_path / "a.pdf", "a4", SYSTEM, workers=1)
    assert first.count == 12 and first.reprinted == 0
    with pytest.raises(cards.ReprintNeedsReason) as refused:
        cards.print_cards(ws, SearchQuery("siti"), tmp_path / "b.pdf", "a4", SYSTEM, workers=1)
    assert refused.value.count == 1 and not (tmp_path / "b.pdf").exists()
    again = cards.print_cards(ws, SearchQuery("siti"), tmp_path / "b.pdf", "card", SYSTEM,
                              reprint_reason="kartu rusak terkena air", workers=1)
    assert again.reprinted == 1
    batches = cards.list_batches(ws)
    assert [(b.card_count, b.reprint_reason) for b in batches] == [(1, "kartu rusak terkena air"), (12, None)]
    enrollment.enroll(ws, make_raw(nik="6171010303800004", full_name="Wati", birth_date="03-03-1980",
                                   sex="L"), SYSTEM)
    assert cards.count_selected(ws, SearchQuery(unprinted=True)) == (1, 0)
    assert count_all(ws) == 13


def test_cli_cards_and_verify_card(tmp_path):
    db = tmp_path / "cli.sqlite3"
    assert run(db, "demo", "--workers", "25", "--seed", "4").returncode == 0
    out = tmp_path / "kartu.pdf"
    proc = run(db, "cards", str(out), "--unprinted")
    assert proc.returncode == 0, proc.stderr
    assert "25 kartu ditulis" in proc.stdout
    again = run(db, "cards", str(out))
    assert again.returncode == 1 and "--reason" in again.stderr
    codes = sorted(set(decode_page(pdfium.PdfDocument(out), 0)))
    assert len(codes) == 10
    good = run(db, "verify-card", codes[0])
    assert good.returncode == 0 and "Kartu sah:" in good.stdout and codes[0].split("|")[1] in good.stdout
    forged = codes[0].replace("|19", "|18", 1).replace("|20", "|21", 1)   # the birth date altered
    bad = run(db, "verify-card", forged)
    assert bad.returncode == 1 and "TIDAK sah" in bad.stderr
    other = tmp_path / "lain.sqlite3"
    assert run(other, "verify-card", codes[0]).returncode == 4 and not other.exists()   # no database there
    assert run(other, "demo", "--workers", "1").returncode == 0
    unknown = run(other, "verify-card", codes[0])
    assert unknown.returncode == 1 and "tidak dikenal" in unknown.stderr
    key = run(db, "card-key").stdout.strip()
    assert run(other, "verify-card", codes[0], "--public-key", key).returncode == 0
    assert run(other, "card-key", "--trust", key).returncode == 0
    assert run(other, "verify-card", codes[0]).returncode == 0
    assert run(db, "verify-card", "bukan kode").returncode == 1

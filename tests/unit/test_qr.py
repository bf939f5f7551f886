"""The cards' QR codes: error correction M and data mask 2 as asked, read back by a decoder."""

import pytest
import zxingcpp

from reports.qr import DATA_MASK, qr_modules

CARD_TEXT = ("L1|7K3QMX-000042-1|SITI AMINAH BINTI ABDULLAH|1980-08-17|6171|2026-11-24|2027-11-23|1a2b3c4d|"
             "Yq3k0bX8c1sL9Qk5Vd7WmP2nR4tU6zA8eC0gI2kM4oQ6sU8wY0aC2eG4iK6mO8qS0uW2yA4cE6gI8kM0oQ2sU4wY6aC8eG0iK2mO4q")
EC_BITS = {"L": 1, "M": 0, "Q": 3, "H": 2}   # ISO 18004 table 12


def format_info(rows: list[bytes]) -> tuple[int, int]:
    """(error correction bits, mask) from the format information beside the top-left finder."""
    dark = [[1 if module == 0 else 0 for module in row] for row in rows]
    bits = [dark[8][c] for c in (0, 1, 2, 3, 4, 5, 7, 8)] + [dark[r][8] for r in (7, 5, 4, 3, 2, 1, 0)]
    value = int("".join(map(str, bits)), 2) ^ 0b101010000010010
    return value >> 13, (value >> 10) & 7


@pytest.mark.parametrize("error", ["M", "Q"])
def test_the_symbol_carries_the_asked_mask_and_error_correction(error):
    """The options reach the encoder: had it ignored them, it would choose a mask itself (ten times
    the work, and often another one)."""
    rows = qr_modules(CARD_TEXT, error)
    assert format_info(rows) == (EC_BITS[error], DATA_MASK)
    assert format_info(qr_modules(CARD_TEXT, error, mask=5)) == (EC_BITS[error], 5)


def test_the_symbol_reads_back():
    rows = qr_modules(CARD_TEXT)
    size = len(rows)
    quiet = bytes([255]) * (size + 8)
    picture = b"".join([quiet] * 4 + [bytes([255]) * 4 + row + bytes([255]) * 4 for row in rows] + [quiet] * 4)
    scaled = b"".join(bytes(b for b in line for _ in range(4)) * 4
                      for line in (picture[i:i + size + 8] for i in range(0, len(picture), size + 8)))
    image = zxingcpp.ImageView(scaled, (size + 8) * 4, (size + 8) * 4, zxingcpp.ImageFormat.Lum)
    found = zxingcpp.read_barcode(image)
    assert found is not None and found.text == CARD_TEXT


def test_the_inline_image_carries_every_module():
    """The PDF's 1-bit image, row by row (each filled to whole bytes), is the symbol's modules."""
    from reports.qr import qr_image_ops

    rows = qr_modules(CARD_TEXT)
    size = len(rows)
    ops = qr_image_ops(CARD_TEXT, 10, 20, 65)
    assert f"/W {size} /H {size} /BPC 1" in ops and ops.startswith("q 65.000 0 0 65.000 10.000 20.000 cm ")
    data = bytes.fromhex(ops.split(" ID ")[1].split(">")[0])
    per_row = (size + 7) // 8
    assert len(data) == per_row * size
    for number, row in enumerate(rows):
        bits = "".join(f"{byte:08b}" for byte in data[number * per_row:(number + 1) * per_row])
        assert bits == "".join("0" if module == 0 else "1" for module in row) + "1" * (per_row * 8 - size)

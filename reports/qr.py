"""QR codes for the cards: zxing-cpp (C++) encodes, the page gets a 1-bit inline image.

Each module is one pixel of an image the PDF scales to the printed size without smoothing, so
printers draw crisp squares. Measured per card: segno (pure Python) 10.7 ms to encode; zxing-cpp
0.5 ms; drawing the code as one vector rectangle per run of dark modules cost another 0.6 ms a card
(≈ 700 runs), the inline image 0.05 ms — the difference between 58 s and under a minute for the
branch's 57,543 cards.

The data mask is fixed (pattern 2, the columns), not chosen per code: choosing it is most of
zxing-cpp's work (0.86 of 0.95 ms a card, 3 of the 3.5 s of 3,533 cards). A card's text ends in a
signature, as good as random, so every mask leaves a random-looking symbol; over card texts the
encoder picks pattern 2 for seven in ten and its ISO 18004 penalty is the chosen mask's (median
ratio 1.00, worst 1.18 in a sample of 150), and every code is read back in the tests.
"""

from __future__ import annotations

import zxingcpp

# zxing's image: 0 = dark, 255 = light; a DeviceGray 1-bit image: 0 = black, 1 = white.
_BITS = bytes.maketrans(bytes([0, 255]), b"01")
DATA_MASK = 2


def qr_modules(text: str, error: str = "M", mask: int = DATA_MASK) -> list[bytes]:
    """The symbol's rows, one byte a module (0 = dark), without the quiet zone."""
    # The leading comma: zxing-cpp 3.1 skips the first item of the options (a later one that does
    # not reads an empty item, which is nothing).
    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode,
                                      options=f",ecLevel={error},dataMask={mask}")
    image = memoryview(barcode.to_image(scale=1, add_quiet_zones=False))
    size = image.shape[1]
    data = image.tobytes()
    return [data[i:i + size] for i in range(0, len(data), size)]


def qr_image_ops(text: str, x: float, y: float, size: float, error: str = "M") -> str:
    """PDF operators drawing the QR code of ``text`` in the square (x, y, size) as an inline image."""
    rows = qr_modules(text, error)
    n = len(rows)
    pad = b"1" * (-n % 8)   # each row filled to whole bytes (light)
    # All rows as one string of bits and one integer: a quarter of the time of a conversion a row.
    bits = (pad.join(rows) + pad).translate(_BITS)
    hexrows = int(bits, 2).to_bytes(len(bits) // 8, "big").hex()
    return (f"q {size:.3f} 0 0 {size:.3f} {x:.3f} {y:.3f} cm "
            f"BI /W {n} /H {n} /BPC 1 /CS /G /I false /F /AHx ID {hexrows}> EI Q")

"""The window says a failed write in the same words as the command line (issue 29): here a real full
device (/dev/full answers every write with ENOSPC) and a real write into a folder that is a file."""

from __future__ import annotations

import pytest

from desktop.gui.i18n import error_text


def _failure(write) -> OSError:
    with pytest.raises(OSError) as caught:
        write()
    return caught.value


def test_a_full_disk_and_a_missing_folder_are_said_in_words(tmp_path):
    def full():
        with open("/dev/full", "wb") as handle:
            handle.write(b"x" * 65536)

    said = error_text(_failure(full))
    assert said.startswith("Disk penuh") and "Kosongkan ruang" in said and "kesalahan tak terduga" not in said
    plain = tmp_path / "catatan.txt"
    plain.write_text("bukan folder")
    said = error_text(_failure(lambda: (plain / "kartu.pdf").write_bytes(b"%PDF")))
    assert said.startswith(f"{plain} bukan folder") and "kartu.pdf ke folder lain" in said and "kesalahan tak terduga" not in said

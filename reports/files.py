"""Files written whole or not at all."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(out: Path | str, fsync: bool = False) -> Iterator[Path]:
    """A temporary file beside ``out`` for the block to write; when the block ends it replaces ``out``
    (after reaching the disk, with ``fsync``). If the block or the replacing fails (a full disk, a
    read-only folder, ``out`` open in another program), the temporary file is removed and ``out`` is
    as it was: a reader never sees a half-written file, and nothing half-written is left behind."""
    out = Path(out)
    tmp = out.with_name(out.name + ".tmp")
    try:
        yield tmp
        if fsync:
            with open(tmp, "rb") as handle:
                os.fsync(handle.fileno())
        os.replace(tmp, out)
    except BaseException:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:   # a folder that cannot be written has nothing of ours in it either
                pass
        raise

"""What may be said about an unexpected error: its type and where it happened, never its message.

Exception messages can carry the values that caused them (a NIK, a name, a phone number: ``invalid
literal for int(): 'Siti'``), so logs, tracebacks on screen and hub answers use this summary only.
"""

from __future__ import annotations

import traceback
from pathlib import Path

_OURS = ("desktop", "hub", "reports")


def error_summary(exc: BaseException) -> str:
    """``ValueError at desktop/services/importing.py:288 (_check_one)``: the innermost frame of our own
    code (else the innermost frame), without the message or any value."""
    frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ else []
    where = ""
    for frame in reversed(frames):
        parts = Path(frame.filename).parts
        for i, part in enumerate(parts):
            if part in _OURS and i < len(parts) - 1:
                where = f" at {'/'.join(parts[i:])}:{frame.lineno} ({frame.name})"
                break
        if where:
            break
    if not where and frames:
        where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno} ({frames[-1].name})"
    return f"{type(exc).__name__}{where}"

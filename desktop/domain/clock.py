"""The wall clock, read in one place (a leaf: every layer stamps times, none imports another for it).

Tests set the day through ``Workspace(today=...)``; a test that needs the instant patches ``utcnow``
here, where every caller looks it up at each call.
"""

from __future__ import annotations

import datetime as dt


def utcnow() -> dt.datetime:
    """UTC now without tzinfo: how every time is stored."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)

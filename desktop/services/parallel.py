"""Work split over this laptop's two cores where the operating system can fork (Linux)."""

from __future__ import annotations

import multiprocessing
import os
import threading


def can_fork() -> bool:
    """A forked helper is safe only from a single-threaded process (the command line, not the window)."""
    return (hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and threading.active_count() == 1
            and "fork" in multiprocessing.get_all_start_methods())

"""Work split over this laptop's two cores where the operating system can fork (Linux)."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from typing import Any


def can_fork() -> bool:
    """A forked helper is safe only from a single-threaded process (the command line, not the window)."""
    return (hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and threading.active_count() == 1
            and "fork" in multiprocessing.get_all_start_methods())


class Beside:
    """Runs ``fn(*args)`` in a forked helper process while this one goes on (or here, at ``wait()``, where
    forking is not possible). The helper shares this process's memory as it was at the fork: it must not
    touch the database, only compute and write its own file. ``wait()`` raises when the helper failed."""

    def __init__(self, fn: Callable[..., Any], *args: Any):
        self._fn, self._args, self._process = fn, args, None
        if can_fork():
            self._process = multiprocessing.get_context("fork").Process(target=fn, args=args, daemon=True)
            self._process.start()

    def wait(self) -> None:
        if self._process is None:
            self._fn(*self._args)
            return
        self._process.join()
        if self._process.exitcode != 0:
            raise RuntimeError(f"helper process ended with {self._process.exitcode}")

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
            context = multiprocessing.get_context("fork")
            self._answer, answer = context.Pipe(duplex=False)
            self._process = context.Process(target=_report, args=(answer, fn, args), daemon=True)
            self._process.start()
            answer.close()

    def wait(self) -> None:
        """Until the helper is done; its exception (a full disk, a read-only folder) is raised here, as
        if ``fn`` had run in this process."""
        if self._process is None:
            self._fn(*self._args)
            return
        try:
            failure = self._answer.recv() if self._answer.poll(None) else None
        except EOFError:        # ended without a word (killed)
            failure = None
        finally:
            self._answer.close()
        self._process.join()
        if failure is not None:
            raise failure
        if self._process.exitcode != 0:
            raise RuntimeError(f"helper process ended with {self._process.exitcode}")


def _report(answer, fn: Callable[..., Any], args: tuple) -> None:
    """In the helper: run ``fn`` and send back None, or its exception (never printed there: the caller
    says what went wrong, once)."""
    try:
        fn(*args)
        failure = None
    except Exception as exc:
        failure = exc
    try:
        answer.send(failure)
    except Exception:   # an exception that cannot be pickled: its kind, without its message
        answer.send(RuntimeError(f"helper process failed: {type(failure).__name__}"))
    finally:
        answer.close()

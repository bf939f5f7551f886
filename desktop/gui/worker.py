"""One background worker that owns all database work (the GUI thread never waits on it).

Like Anki's background operations: each call runs on a single worker thread, so database access
is serialised; when it ends, ``on_success`` or ``on_failure`` runs on the GUI thread.  Views learn
what changed through ``changed`` and decide for themselves whether to refresh.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


def _alive(callback: Callable | None) -> bool:
    """False for a method of a Qt object deleted meanwhile (a window closed while its work ran: a
    sign-out, a restore), or for a function made inside one that holds it (``self`` in its closure); its
    answer is then dropped instead of raising in the event loop."""
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject) and not shiboken6.isValid(owner):
        return False
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            held = cell.cell_contents
        except ValueError:   # a cell not filled yet
            continue
        if isinstance(held, QObject) and not shiboken6.isValid(held):
            return False
    return True


class _Bridge(QObject):
    # Emitted from the worker thread; Qt queues it to the GUI thread, where the bridge lives.
    finished = Signal(object)


class ProgressRelay(QObject):
    """Hands ``(done, total)`` reports from work on the worker thread to the GUI thread (queued)."""

    progressed = Signal(int, int)


class DbWorker(QObject):
    changed = Signal(str)        # what changed: "workers", "accounts", "schools"
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lindung-db")
        self._bridge = _Bridge()
        self._bridge.finished.connect(self._deliver)
        self._pending = 0
        self._closed = False

    @property
    def pending(self) -> int:
        return self._pending

    def submit(self, fn: Callable[..., Any], *args: Any,
               on_success: Callable[[Any], None] | None = None,
               on_failure: Callable[[BaseException], None] | None = None,
               changes: str | None = None, **kwargs: Any) -> Future | None:
        """Run ``fn(*args, **kwargs)`` on the worker thread; ``changes`` is announced on success.
        Once the worker is shut down (the app is closing) nothing new starts: None is returned."""
        if self._closed:
            log.info("database worker closed: %s not started", getattr(fn, "__name__", "work"))
            return None
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

        def job() -> Any:
            try:
                result = fn(*args, **kwargs)
            except Exception as exc:  # handed to the GUI thread, never swallowed
                self._bridge.finished.emit((on_success, on_failure, changes, None, exc))
                raise
            self._bridge.finished.emit((on_success, on_failure, changes, result, None))
            return result

        return self._executor.submit(job)

    def _deliver(self, outcome: tuple) -> None:
        on_success, on_failure, changes, result, error = outcome
        self._pending = max(0, self._pending - 1)
        try:
            if error is None:
                if on_success is not None and _alive(on_success):
                    on_success(result)
                if changes:
                    self.changed.emit(changes)
            elif on_failure is not None:
                if _alive(on_failure):
                    on_failure(error)
            else:
                # The type only: a message could carry personal data.
                log.error("background operation failed: %s", type(error).__name__)
        finally:
            if self._pending == 0:
                self.busy_changed.emit(False)

    def shutdown(self) -> None:
        """Finish what was queued (a save in flight completes) and stop the thread."""
        self._closed = True
        self._executor.shutdown(wait=True)


class _CallSignals(QObject):
    finished = Signal(object, object, object)   # the call, result, error


class _Call(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict, on_success, on_failure):
        super().__init__()
        self.fn, self.args, self.kwargs, self.signals = fn, args, kwargs, _CallSignals()
        self.on_success, self.on_failure = on_success, on_failure

    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
        except Exception as exc:  # handed to the GUI thread
            self.signals.finished.emit(self, None, exc)
            return
        self.signals.finished.emit(self, result, None)


class NetworkCalls(QObject):
    """Calls to the hub, off the GUI thread and off the database worker (a slow link must not hold
    up saving); results arrive on the GUI thread. Owned by the widget that asks."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._running: set[_Call] = set()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def submit(self, fn: Callable[..., Any], *args: Any, on_success: Callable[[Any], None] | None = None,
               on_failure: Callable[[BaseException], None] | None = None, **kwargs: Any) -> None:
        call = _Call(fn, args, kwargs, on_success, on_failure)
        call.setAutoDelete(False)
        call.signals.finished.connect(self._deliver)  # a method of an object on the GUI thread: queued
        self._running.add(call)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        QThreadPool.globalInstance().start(call)

    def _deliver(self, call: _Call, result: Any, error: BaseException | None) -> None:
        self._running.discard(call)
        if not self._running:
            self.busy_changed.emit(False)
        if not _alive(call.on_success if error is None else call.on_failure):
            return
        if error is None:
            if call.on_success is not None:
                call.on_success(result)
        elif call.on_failure is not None:
            call.on_failure(error)
        else:
            log.error("hub call failed: %s", type(error).__name__)

"""The plain records handed to the GUI and the command line now live in ``desktop.domain.records``
(``storage.workers`` maps rows to them, and storage may not import services); kept importable from here
for the code that still names this module."""

from desktop.domain.records import EnrollOutcome, Page, SchoolInfo, WorkerRecord, WorkerRow

__all__ = ["EnrollOutcome", "Page", "SchoolInfo", "WorkerRecord", "WorkerRow"]

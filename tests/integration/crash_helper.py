"""Child process for the crash tests: enrolls a batch and stops inside the transaction.

After the rows are inserted, but before the commit, it prints ``INSIDE`` and waits on stdin, so
the test can kill it at exactly that point (no timing guesses).
"""

import json
import sys

from sqlalchemy import event

from desktop.services.accounts import SYSTEM
from desktop.services.enrollment import enroll_many
from desktop.services.workspace import Workspace

path, source = sys.argv[1], sys.argv[2]
ws = Workspace(path)
records = json.load(open(source, encoding="utf-8"))


@event.listens_for(ws.engine, "after_cursor_execute")
def _pause(conn, cursor, statement, parameters, context, executemany):
    # The workers rows, their name index entries and change log are in (written straight through the
    # driver, bulk_enroll); the audit entry of the batch comes next, then the commit.
    if statement.startswith("INSERT INTO audit_log"):
        print("INSIDE", flush=True)
        sys.stdin.readline()  # the test kills us here


enroll_many(ws, records, SYSTEM)
print("COMMITTED", flush=True)

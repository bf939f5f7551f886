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
    # The workers rows are in (written straight through the driver); the name index comes next.
    if statement.startswith("INSERT INTO workers_fts"):
        print("INSIDE", flush=True)
        sys.stdin.readline()  # the test kills us here


enroll_many(ws, records, SYSTEM)
print("COMMITTED", flush=True)

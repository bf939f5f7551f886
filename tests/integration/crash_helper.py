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


def _pause(statement):
    # Called by SQLite as each statement starts. The workers rows, their name index entries and change
    # log are in; the audit entry of the batch comes next, then the commit. The audit entry is written
    # through the driver (storage.audit_log), so the pause is the driver's, not an ORM event.
    if statement.lstrip().startswith("INSERT INTO audit_log"):
        print("INSIDE", flush=True)
        sys.stdin.readline()  # the test kills us here


ws.db._db.set_trace_callback(_pause)   # the connection of ws.write()
# and that of the ORM's sessions, while enrollment still writes through one
event.listen(ws.engine, "connect", lambda connection, _record: connection.set_trace_callback(_pause))
enroll_many(ws, records, SYSTEM)
print("COMMITTED", flush=True)

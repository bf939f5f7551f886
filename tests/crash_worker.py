"""Child process for the random-kill tests: works the way the app does and prints ``ACK`` with the
registration numbers of every batch right after its commit (what a user is told is saved).

    python -m tests.crash_worker enroll DB SEED
    python -m tests.crash_worker import DB FILE...
    python -m tests.crash_worker sync DB SEED
"""

import random
import sys

from sqlalchemy import select

from desktop.services.accounts import SYSTEM
from desktop.services.demo import make_workers
from desktop.services.enrollment import enroll_many
from desktop.services.workspace import Workspace
from desktop.storage.models import Worker

SCHOOL = "69800001"


def ack(numbers) -> None:
    print("ACK " + " ".join(numbers), flush=True)


def main(mode: str, db: str, *args: str) -> None:
    ws = Workspace(db)
    if mode == "import":
        from desktop.services import importing

        # As `lindung import` and the window do it: read and check, then enroll in one transaction.
        for name in args:
            result = importing.commit_import(ws, importing.read_import(ws, name, SCHOOL), SYSTEM)
            ack(result.registration_nos)
        return
    rng = random.Random(int(args[0]))
    with ws.session() as session:          # NIKs of earlier rounds stay taken
        taken = set(session.scalars(select(Worker.nik)))
    for _ in range(200):
        batch = make_workers(ws, rng.randint(1, 40), seed=rng.randrange(1 << 30), taken=taken)
        ack(r.registration_no for r in enroll_many(ws, batch, SYSTEM).records)
        if mode == "sync":
            from desktop.sync.client import sync

            sync(ws, actor=SYSTEM)
            print("SYNCED", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])

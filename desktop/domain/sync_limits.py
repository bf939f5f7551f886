"""What one request to the hub may carry: the hub refuses more, the laptop never sends more.

Derived from what a real laptop sends (a push of 1,000 records without events is about 1.1 MB, and
3.3 MB with 20 events each); a record's events are at most ``lifecycle.MAX_EVENTS``. Shared by the hub
(``hub.app``, which checks a body's structure before building any object of it) and the laptop's push
batching (``desktop.sync.client``)."""

from __future__ import annotations

PUSH_MAX_RECORDS = 1000                # operations in one push
PUSH_MAX_EVENTS = 20_000               # lifecycle events of all the records of one push together
PUSH_MAX_BYTES = 8 * 1024 * 1024       # one push's body
AUDIT_MAX_ENTRIES = 1000               # audit entries in one request
AUDIT_MAX_BYTES = 8 * 1024 * 1024      # one request of audit entries (an entry's details: at most 4 MB)

"""Ceilings of the numbers a user types (command line, window, services): each is far beyond what the
programme needs and far inside what a date, a sum or SQLite can hold, so that no typed number ends in
an overflow. Standard library only: the command line reads these while it builds its parser."""

from __future__ import annotations

import datetime as dt

# Rupiah of one payment. Every worker the branch covers (57,543) paid for the longest term (60 months)
# at today's JKK+JKM rate (Rp 16,800) is about Rp 58 billion; Rp 1 trillion leaves room for rates to
# rise and stays far inside SQLite's INTEGER (9.2 x 10^18).
MAX_AMOUNT = 1_000_000_000_000
# "Coverage ending within N days": coverage runs at most 60 months (5 years) ahead, so 1,830 days
# reach every record; a date N days ahead must stay a date (year 9999 at most).
MAX_DAYS = 1830
# Rows, records or people a command counts or lists: beyond every record one branch holds.
MAX_COUNT = 1_000_000
# Dates typed for a period (a report's from/to): the programme began in 2026 and its records are kept
# for decades; 2000 to 2099 holds every real period, and a day after the last is still a date.
FIRST_DAY = dt.date(2000, 1, 1)
LAST_DAY = dt.date(2099, 12, 31)

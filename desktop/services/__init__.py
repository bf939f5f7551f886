"""Use cases over one open workspace: enroll, edit, search, accounts, drafts, demo data."""

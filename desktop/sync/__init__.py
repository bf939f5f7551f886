"""Sync with the branch hub: the outbox (records not yet acknowledged), transport, and progress."""

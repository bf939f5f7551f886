"""Waiting for a hub process to answer: on its health route (the condition), never a fixed time."""

from __future__ import annotations

import subprocess
import time

import httpx


def wait_healthy(url: str, proc: subprocess.Popen, seconds: float) -> None:
    """Until ``url``/health answers 200; the process's own words if it ends first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            if proc.poll() is not None:
                raise RuntimeError(proc.stderr.read().decode()) from None
        time.sleep(0.05)        # between polls of the condition
    raise RuntimeError("the hub did not start")

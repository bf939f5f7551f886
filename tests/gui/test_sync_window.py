"""Sync from the window, against the real hub process: indicator, pulled records, retry with backoff."""

from desktop.services.accounts import SYSTEM
from desktop.services.demo import add_demo_workers
from desktop.sync import client
from tests.hub.test_sync import Hub


def test_sync_indicator_and_retry_when_the_link_drops(qtbot, window, ws, tmp_path):
    assert "belum pernah" in window.sync.label.text()
    with qtbot.waitSignal(window.sync.finished, timeout=10_000) as first:
        window.sync.start()
    assert isinstance(first.args[1], client.NotRegistered)
    assert not window.sync.retry_timer.isActive()     # nothing to retry until the laptop is registered

    hub = Hub(tmp_path).start()
    try:
        client.register(ws, hub.url, hub.code("jendela"))
        add_demo_workers(ws, 12, SYSTEM, seed=13)
        window.sync.refresh()
        qtbot.waitUntil(lambda: "12 menunggu dikirim" in window.sync.label.text(), timeout=5000)
        with qtbot.waitSignal(window.sync.finished, timeout=30_000) as done:
            window.sync.start()
        report, error = done.args
        assert error is None and report.pushed == 12
        assert "0 menunggu dikirim" in window.sync.label.text()
        assert "belum pernah" not in window.sync.label.text()
        assert len(hub.records()) == 12
    finally:
        hub.stop()

    add_demo_workers(ws, 2, SYSTEM, seed=14)
    with qtbot.waitSignal(window.sync.finished, timeout=30_000) as failed:
        window.sync.start()
    assert isinstance(failed.args[1], client.SyncFailed)
    assert window.sync.retry_timer.isActive() and window.sync.retry_timer.interval() == 30_000
    assert "dicoba lagi dalam 30 detik" in window.sync.label.text()
    assert client.waiting_count(ws) == 2              # nothing lost, still waiting

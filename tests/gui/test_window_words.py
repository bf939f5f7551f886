"""Issue 28, what the window still said badly: what a sync did and why it failed, in words; English left in
the Indonesian window; counts and dates a volunteer needs."""

from desktop.services.accounts import SYSTEM
from desktop.services.demo import add_demo_workers
from desktop.sync import client
from tests.hub.test_sync import Hub, hub_cli


def test_sync_says_what_it_did_and_why_it_failed(qtbot, window, ws, tmp_path):
    assert "(luring)" in window.db_label.text()
    hub = Hub(tmp_path).start()
    try:
        client.register(ws, hub.url, hub.code("jendela"))
        add_demo_workers(ws, 12, SYSTEM, seed=13)
        with qtbot.waitSignal(window.sync.finished, timeout=30_000) as done:
            window.sync.start()
        assert done.args[1] is None
        said = window.sync.label.text()
        assert "terkirim 12, diterima 0, konflik 0" in said, said
        assert "luring" not in window.db_label.text() and "hub" in window.db_label.text()

        device = ws.device.id
        assert hub_cli(hub.db, "revoke", device).returncode == 0
        with qtbot.waitSignal(window.sync.finished, timeout=30_000) as refused:
            window.sync.start()
        assert isinstance(refused.args[1], client.Refused)
        said = window.sync.label.text()
        assert "gagal: Hub menolak laptop ini: laptop ini sudah dicabut" in said, said
        assert not window.sync.retry_timer.isActive()
        assert "(luring)" in window.db_label.text()
    finally:
        hub.stop()


def test_a_dropped_link_is_said_in_words_not_by_a_class_name(qtbot, window, ws, tmp_path):
    hub = Hub(tmp_path).start()
    client.register(ws, hub.url, hub.code("jendela"))
    hub.stop()
    with qtbot.waitSignal(window.sync.finished, timeout=30_000) as failed:
        window.sync.start()
    assert isinstance(failed.args[1], client.SyncFailed)
    said, detail = window.sync.label.text(), window.sync.label.toolTip()
    assert "gagal: hub tidak dapat dihubungi (jaringan putus atau hub mati); dicoba lagi dalam 30 detik" in said, said
    assert "ConnectError" not in said + detail and "tidak dapat dihubungi" in detail, detail
    assert "(luring)" in window.db_label.text()


def test_an_unexpected_error_names_no_python_class():
    from desktop.gui.i18n import error_text

    said = error_text(TypeError("x"))
    assert "kesalahan tak terduga" in said and "TypeError" not in said and "admin cabang" in said

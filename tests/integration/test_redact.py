"""Unexpected errors are reported by type and place, never with their message (which may hold a NIK
or a name): on the command line, in the window's log and in the hub's answers and log."""

import logging

import pytest

NIK, NAME = "6171014508800001", "Siti Aminah"


def _fail(*_args):
    int(f"{NIK} {NAME}")          # ValueError: invalid literal for int() ... '6171014508800001 Siti Aminah'


def test_summary_names_type_and_place_only():
    from desktop.domain.redact import error_summary

    with pytest.raises(ValueError) as caught:
        _fail()
    assert NIK in str(caught.value)                      # the message does carry it
    summary = error_summary(caught.value)
    assert summary.startswith("ValueError at ") and "test_redact.py" in summary and "_fail" in summary
    assert NIK not in summary and "Siti" not in summary


def test_cli_bug_is_one_line_without_personal_data(tmp_path, monkeypatch, capsys):
    from desktop import cli

    from desktop.services.workspace import Workspace

    Workspace(tmp_path / "a.sqlite3").close()          # a laptop's database (list opens only an existing one)
    monkeypatch.setitem(cli.COMMANDS, "list", _fail)
    status = cli.main(["--db", str(tmp_path / "a.sqlite3"), "list"])
    err = capsys.readouterr().err.replace(cli.NO_ACCOUNT_WARNING + "\n", "")   # no account on that laptop
    assert status == cli.EXIT_FAILURE
    assert err.startswith("lindung: galat tak terduga (ValueError at ") and len(err.strip().splitlines()) == 1
    assert NIK not in err and "Siti" not in err and "Traceback" not in err


def test_window_logs_uncaught_errors_without_personal_data(caplog):
    from desktop.gui.app import _report_unexpected

    try:
        _fail()
    except ValueError as exc:
        with caplog.at_level(logging.ERROR):
            _report_unexpected(type(exc), exc, exc.__traceback__)
    assert "ValueError at" in caplog.text and NIK not in caplog.text and "Siti" not in caplog.text


def test_hub_bug_answers_500_without_personal_data(tmp_path, caplog):
    import asyncio

    import httpx

    from hub.app import create_app

    app = create_app(f"sqlite:///{tmp_path / 'hub.sqlite3'}")
    app.add_api_route("/boom", lambda: _fail())

    async def ask():   # httpx straight to the app (Starlette's TestClient over httpx is deprecated, and warned)
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://hub") as client:
            return await client.get("/boom")

    with caplog.at_level(logging.ERROR):
        answer = asyncio.run(ask())
    assert answer.status_code == 500 and NIK not in answer.text and "galat internal" in answer.json()["detail"]
    assert "ValueError at" in caplog.text and NIK not in caplog.text and "Siti" not in caplog.text

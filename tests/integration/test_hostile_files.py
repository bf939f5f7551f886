"""Property-based tests over whole inputs from outside: spreadsheet files as they arrive (any bytes,
any text, a damaged workbook) and sync payloads as a laptop could send them (any JSON in any field).
Each must end in a result or a clear refusal — never an unexpected exception."""

import functools
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desktop.services.errors import ServiceError

EXAMPLES = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SUFFIXES = (".xlsx", ".xls", ".ods", ".csv")
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-2**70, max_value=2**70) | st.floats() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12)


@functools.cache
def _place():
    """One laptop database (with a school), one valid workbook, one hub database with that laptop
    registered, built once for every example."""
    from desktop.services.accounts import SYSTEM
    from desktop.services.demo import make_parent_rows, make_workers
    from desktop.services.enrollment import enroll_many
    from desktop.services.importing import _column_specs
    from desktop.services.schools import add_school
    from desktop.services.spreadsheets import write_workbook
    from desktop.services.workspace import Workspace
    from desktop.sync.client import _prepare
    from hub import service
    from hub.db import HubDatabase

    folder = Path(tempfile.mkdtemp(prefix="lindung-hostile-"))
    ws = Workspace(folder / "laptop.sqlite3")
    add_school(ws, "69800001", "SD Negeri 12 Pontianak", "SD", "6171")
    workbook = folder / "valid.xlsx"
    write_workbook(workbook, _column_specs(False), make_parent_rows(ws, 30, seed=5))
    enroll_many(ws, make_workers(ws, 5, seed=6), SYSTEM)
    ops, _pushed, _after = _prepare(ws, 0)
    hub = HubDatabase(f"sqlite:///{folder / 'hub.sqlite3'}")
    with hub.session() as session:
        code = service.new_device_code(session, "laptop")
    with hub.session() as session:
        service.register_device(session, code, ws.device.id, ws.device.prefix, "laptop")
    return folder, ws, workbook.read_bytes(), ops, hub


def _read(data: bytes, suffix: str):
    from desktop.services.importing import read_import

    folder, ws, *_ = _place()
    path = folder / f"daftar{suffix}"
    path.write_bytes(data)
    try:
        preview = read_import(ws, path, "69800001")
    except ServiceError as exc:
        assert exc.message and "\n" not in exc.message.strip()       # one clear line
        event("refused")
        return None
    event(f"read, {sum(row.status != 'error' for row in preview.rows) > 0 and 'some' or 'no'} rows usable")
    assert all(row.status in ("valid", "warning", "error", "duplicate") for row in preview.rows)
    return preview


@EXAMPLES
@given(st.binary(max_size=4096), st.sampled_from(SUFFIXES))
def test_any_bytes_under_any_spreadsheet_name(data, suffix):
    _read(data, suffix)


@EXAMPLES
@given(st.lists(st.lists(st.text(max_size=20), max_size=18), max_size=12), st.sampled_from([",", ";", "\t", "|"]))
def test_any_csv_text(rows, delimiter):
    _read("\n".join(delimiter.join(row) for row in rows).encode("utf-8"), ".csv")


@EXAMPLES
@given(st.data())
def test_a_workbook_with_damaged_contents(data):
    """The zip intact, the sheet and its strings edited anywhere (what a broken exporter writes)."""
    import io
    import zipfile

    _folder, _ws, valid, *_ = _place()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(valid)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename.startswith(("xl/worksheets/", "xl/sharedStrings")):
                text = content.decode("utf-8")
                for _ in range(data.draw(st.integers(1, 4))):
                    at = data.draw(st.integers(0, len(text)))
                    span = data.draw(st.integers(0, 40))
                    text = text[:at] + data.draw(st.text(max_size=20)) + text[at + span:]
                content = text.encode("utf-8", errors="replace")
            target.writestr(item, content)
    _read(out.getvalue(), ".xlsx")


@EXAMPLES
@given(st.data())
def test_a_workbook_damaged_anywhere(data):
    _folder, _ws, valid, *_ = _place()
    damaged = bytearray(valid)
    for _ in range(data.draw(st.integers(1, 8))):
        damaged[data.draw(st.integers(0, len(damaged) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(1, len(damaged)))
    _read(bytes(damaged[:cut]), ".xlsx")


def _push(ops):
    from desktop.domain.regions import RegionCatalog
    from desktop.paths import REGIONS_CSV
    from desktop.services.workspace import read_regions_csv
    from hub import service
    from hub.models import Device

    _folder, ws, _valid, _ops, hub = _place()
    ctx = service.HubContext(RegionCatalog.from_rows(read_regions_csv(REGIONS_CSV)))
    try:
        with hub.session() as session:
            answers = service.push(session, session.get(Device, ws.device.id), ops, ctx)
            session.rollback()                    # every example starts from the same hub
    except service.HubError as exc:               # a clear refusal with its HTTP status
        assert exc.status in (400, 401, 403, 409) and exc.message
        event(f"refused {exc.status}")
        return
    for answer in answers:
        event(answer["status"])
    assert len(answers) == len(ops)
    assert all(a["status"] in ("accepted", "duplicate", "conflict", "rejected") for a in answers)
    json.dumps(answers)                            # the answer goes back as JSON


@EXAMPLES
@given(st.data())
def test_sync_ops_with_any_value_in_any_field(data):
    _folder, _ws, _valid, ops, _hub = _place()
    op = json.loads(json.dumps(data.draw(st.sampled_from(ops))))
    record = op["record"]
    for key in data.draw(st.lists(st.sampled_from(sorted(record)), max_size=5, unique=True)):
        if data.draw(st.booleans()):
            record[key] = data.draw(json_values)
        else:
            del record[key]
    for key, value in data.draw(st.dictionaries(st.text(max_size=12), json_values, max_size=2)).items():
        record[key] = value
    if data.draw(st.booleans()):
        op["base_revision"] = data.draw(json_values)
    _push([op])


@EXAMPLES
@given(st.lists(json_values, max_size=5))
def test_sync_batches_of_anything(ops):
    _push(ops)

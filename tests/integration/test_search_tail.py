"""The list masks a NIK as 617101••••••0001: the four digits it shows at the end are searched too, by an index."""

from sqlalchemy import func, select

from desktop.services import enrollment, search
from desktop.services.accounts import SYSTEM
from desktop.services.search import SearchQuery, _filtered, _ordered_page
from desktop.storage.models import Worker
from tests.conftest import make_raw


def test_the_last_four_digits_find_a_worker(ws):
    siti = enrollment.enroll(ws, make_raw(), SYSTEM)                       # NIK 6171014508800001
    budi = enrollment.enroll(ws, make_raw(nik="6101011203850002", sex="L", birth_date="12-03-1985",
                                          full_name="Budi"), SYSTEM)
    assert [r.id for r in search.search(ws, SearchQuery(text="0001")).rows] == [siti.id]
    assert [r.id for r in search.search(ws, SearchQuery(text="0002")).rows] == [budi.id]
    assert search.search(ws, SearchQuery(text="0002")).total == 1
    assert {r.id for r in search.search(ws, SearchQuery(text="6101")).rows} == {budi.id}       # a prefix still
    assert search.search(ws, SearchQuery(text="617101")).rows[0].id == siti.id
    enrollment.delete_worker(ws, budi.id, "salah data, dobel", SYSTEM)
    assert search.search(ws, SearchQuery(text="0002")).total == 0
    assert [r.id for r in search.search(ws, SearchQuery(text="0002", status="deleted")).rows] == [budi.id]


def test_they_are_looked_up_by_the_index_not_by_reading_every_record(ws):
    query = SearchQuery(text="2754")
    for stmt in (_ordered_page(_filtered(select(Worker.id), query), query, None, 201),
                 _filtered(select(func.count()).select_from(Worker), query)):
        with ws.session() as session:
            sql = str(stmt.compile(session.bind, compile_kwargs={"literal_binds": True}))
            plan = " ".join(row[3] for row in session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
        assert "ix_workers_nik_tail" in plan and "SCAN workers" not in plan.replace("SCAN workers USING", "")

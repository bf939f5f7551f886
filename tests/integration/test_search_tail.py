"""The list masks a NIK as 617101••••••0001: the four digits it shows at the end are searched too, by an index."""

from desktop.services import enrollment, search
from desktop.services.accounts import SYSTEM
from desktop.services.search import SearchQuery
from desktop.storage import workers
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
    params = workers.Params()
    where = workers.where(query, params)
    for sql, args in (workers.page_statement("workers.rowid", query, None, 201),
                      (f"SELECT count(*) FROM workers WHERE {where}", params)):
        with ws.read() as db:
            plan = " ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql, args))
        assert "ix_workers_nik_tail" in plan and "SCAN workers" not in plan.replace("SCAN workers USING", "")

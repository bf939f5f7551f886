"""The contribution rates are dated rows of a data file, each with its source: a new regulation is a new row."""

import datetime as dt
import shutil

import pytest

from desktop.domain.contributions import add_month, jkk_for, monthly_rate, reliefs_in
from desktop.paths import RATES_CSV
from desktop.services import rates as rates_file
from desktop.services.errors import ServiceError
from desktop.services.rates import read_rates, shipped_rates

OCCUPATIONS = ("farmer", "motorbike_taxi")


def months(first: dt.date, count: int) -> list[dt.date]:
    return [add_month(first, i) for i in range(count)]


def with_rows(tmp_path, *rows: str):
    copy = tmp_path / "bpu_rates.csv"
    shutil.copyfile(RATES_CSV, copy)
    with copy.open("a", encoding="utf-8") as handle:
        handle.writelines(row + "\n" for row in rows)
    return copy


def test_the_shipped_rows_name_their_regulation():
    table = shipped_rates()
    assert {(r.kind, r.value) for r in table.rates} == {("jkk_percent", 1), ("jkm", 6_800)}
    assert all(r.source.startswith("PP 44/2015") for r in table.rates)
    assert [(r.first_month, r.last_month, r.percent, r.transport, r.source) for r in table.reliefs] == [
        (dt.date(2026, 1, 1), dt.date(2027, 3, 1), 50, True, "PP 50/2025 Pasal 4 ayat (1)"),
        (dt.date(2026, 4, 1), dt.date(2026, 12, 1), 50, False, "PP 50/2025 Pasal 4 ayat (1)")]
    assert jkk_for(1_000_000) == 10_000 and jkk_for(20_700_000) == 207_000


def test_a_new_relief_row_changes_prices_from_its_first_month_only(tmp_path):
    before = shipped_rates()
    after = read_rates(with_rows(tmp_path, "relief,2028-01,2028-06,25,all,PP 99/2027 Pasal 2"))
    for occupation in OCCUPATIONS:
        for month in months(dt.date(2025, 6, 1), 48):
            old = monthly_rate(month, occupation, rates=before)
            new = monthly_rate(month, occupation, rates=after)
            if dt.date(2028, 1, 1) <= month <= dt.date(2028, 6, 1):
                assert new == (2_500, 1_700), (occupation, month)
            else:
                assert new == old, (occupation, month)
    # The shipped table in force is untouched by the copy; the new relief is listed for its months only.
    assert monthly_rate(dt.date(2028, 2, 1), "farmer") == (10_000, 6_800)
    assert [r.source for r in reliefs_in(dt.date(2027, 12, 1), 2, rates=after)] == ["PP 99/2027 Pasal 2"]
    assert reliefs_in(dt.date(2027, 6, 1), 6, rates=after) == []


def test_a_new_rate_row_replaces_the_older_from_its_first_month(tmp_path):
    after = read_rates(with_rows(tmp_path, "jkm,2028-07,,8000,all,PP 98/2028 Pasal 1",
                                 "jkk_percent,2029-01,,2,all,PP 97/2028 Pasal 1"))
    assert monthly_rate(dt.date(2028, 6, 30), "farmer", rates=after) == (10_000, 6_800)
    assert monthly_rate(dt.date(2028, 7, 1), "farmer", rates=after) == (10_000, 8_000)
    assert monthly_rate(dt.date(2029, 1, 1), "farmer", rates=after, bracket=2_000_000) == (40_000, 8_000)
    # A rate for a period only: the older one is in force again after it.
    brief = read_rates(with_rows(tmp_path, "jkm,2028-01,2028-12,7000,all,PP 96/2027 Pasal 1"))
    assert [monthly_rate(month, "farmer", rates=brief)[1] for month in months(dt.date(2027, 12, 1), 14)] == (
        [6_800] + [7_000] * 12 + [6_800])
    # A relief still halves the month's own rates.
    assert monthly_rate(dt.date(2026, 6, 1), "farmer", rates=after) == (5_000, 3_400)


@pytest.mark.parametrize("row, line, said", [
    ("relief,2026-10,2027-02,50,transport,PP 1/2026", 6, "tumpang tindih dengan keringanan baris 4"),
    ("relief,2026-12,2027-01,40,all,PP 1/2026", 6, "tumpang tindih dengan keringanan baris 4"),
    ("relief,2027-01,,50,others,PP 1/2026", 6, "keringanan harus punya last_month"),
    ("jkm,2015-07,,7000,all,PP 1/2026", 6, "jkm baris 3 berlaku mulai bulan yang sama"),
    ("jkm,2028-13,,7000,all,PP 1/2026", 6, "first_month \"2028-13\" bukan bulan"),
    ("jkm,2028-01,,7.000,all,PP 1/2026", 6, "nilai \"7.000\" bukan bilangan bulat"),
    ("jkm,2028-01,,7000,semua,PP 1/2026", 6, "who \"semua\" tidak dikenal"),
    ("jkm,2028-01,,7000,all,", 6, "sumbernya (peraturan dan pasalnya) tidak ditulis"),
    ("denda,2028-01,,7000,all,PP 1/2026", 6, "jenis \"denda\" tidak dikenal"),
    ("relief,2028-01,2027-12,50,all,PP 1/2026", 6, "last_month sebelum first_month"),
    ("relief,2028-01", 6, "harus 6 kolom"),
])
def test_a_malformed_or_overlapping_row_is_refused_naming_its_line(tmp_path, row, line, said):
    with pytest.raises(ServiceError) as refused:
        read_rates(with_rows(tmp_path, row))
    assert refused.value.message.startswith(f"Berkas tarif iuran bpu_rates.csv salah di baris {line}: ")
    assert said in refused.value.message


@pytest.mark.parametrize("rows, said", [
    (["jkk_percent,2015-07,,1,all,PP 44/2015", "jkm,2015-07,2027-12,6800,all,PP 44/2015"],
     "baris 3: setelah 2027-12 tidak ada jkm yang berlaku"),
    (["jkk_percent,2015-07,,1,all,PP 44/2015", "jkm,2015-07,,6800,transport,PP 44/2015"],
     "baris 1: tidak ada baris jkm untuk pekerja lain"),
    (["kind,first,last,value,who,source"], "baris 1: kepala kolom harus kind,first_month,last_month,value,who,source"),
])
def test_a_table_leaving_a_month_without_a_rate_is_refused(tmp_path, rows, said):
    path = tmp_path / "tarif.csv"
    path.write_text("\n".join(["kind,first_month,last_month,value,who,source"] + rows) + "\n", encoding="utf-8")
    if rows[0].startswith("kind,"):
        path.write_text(rows[0] + "\n", encoding="utf-8")
    with pytest.raises(ServiceError) as refused:
        read_rates(path)
    assert said in refused.value.message


def test_a_workspace_does_not_open_on_a_malformed_shipped_table(tmp_path, monkeypatch):
    from desktop.services.workspace import Workspace

    in_force = shipped_rates()
    monkeypatch.setattr(rates_file, "RATES_CSV", with_rows(tmp_path, "relief,2026-06,2026-07,50,all,PP 1/2026"))
    shipped_rates.cache_clear()
    try:
        with pytest.raises(ServiceError) as refused:
            Workspace(tmp_path / "lindung.sqlite3")
        assert refused.value.message == ("Berkas tarif iuran bpu_rates.csv salah di baris 6: keringanan ini tumpang "
                                         "tindih dengan keringanan baris 4.")
        assert not (tmp_path / "lindung.sqlite3").exists()
        assert monthly_rate(dt.date(2026, 3, 1), "farmer") == (10_000, 6_800)   # the table in force is kept
    finally:
        monkeypatch.undo()
        shipped_rates.cache_clear()
        assert shipped_rates() == in_force

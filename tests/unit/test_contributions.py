import datetime as dt

from desktop.domain.contributions import add_month, monthly_rate, reliefs_in


def test_usual_package_is_16800_a_month():
    assert sum(monthly_rate(dt.date(2027, 6, 15), "farmer")) == 16_800


def test_pp_50_2025_halves_by_sector_and_month():
    assert monthly_rate(dt.date(2026, 3, 1), "farmer") == (10_000, 6_800)       # before April 2026
    assert monthly_rate(dt.date(2026, 3, 1), "motorbike_taxi") == (5_000, 3_400)  # transport from January
    assert monthly_rate(dt.date(2026, 12, 31), "farmer") == (5_000, 3_400)
    assert monthly_rate(dt.date(2027, 1, 1), "farmer") == (10_000, 6_800)
    assert monthly_rate(dt.date(2027, 3, 1), "driver") == (5_000, 3_400)
    assert monthly_rate(dt.date(2027, 4, 1), "driver") == (10_000, 6_800)


def test_months_and_reliefs_in_a_period():
    assert add_month(dt.date(2026, 11, 1), 2) == dt.date(2027, 1, 1)
    assert len(reliefs_in(dt.date(2026, 11, 24), 3)) == 2
    assert reliefs_in(dt.date(2027, 5, 1), 12) == []

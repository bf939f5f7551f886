import pytest

from desktop.domain.regions import Level, RegionCatalog, RegionError, dotted


def test_shipped_kalbar_list_is_complete(regions):
    assert [r.code for r in regions.kabupaten()] == [
        "6101", "6102", "6103", "6104", "6105", "6106", "6107", "6108", "6109", "6110", "6111", "6112",
        "6171", "6172"]
    assert regions.count(Level.KECAMATAN) == 174
    assert regions.count(Level.DESA) == 2145
    # Kemendagri, not BPS: 61.02 is Mempawah.
    assert regions.name("6102") == "Kabupaten Mempawah"
    assert regions.name("617101") == "Pontianak Selatan"


def test_kelurahan_and_desa_are_told_apart(regions):
    assert regions.get("6171011002").is_kelurahan
    assert not regions.get("6101012001").is_kelurahan


def test_dotted_codes():
    assert dotted("6171011002") == "61.71.01.1002"
    assert dotted("6171") == "61.71"


@pytest.mark.parametrize("rows", [
    [("61", "Kalbar", "provinsi"), ("61.01", "Sambas", "kota-ish")],
    [("61", "Kalbar", "provinsi"), ("61.0", "Sambas", "kabupaten/kota")],
    [("61", "Kalbar", "provinsi"), ("61.01.01", "Sambas", "kecamatan")],
    [("61", "Kalbar", "provinsi"), ("61", "Kalbar", "provinsi")],
])
def test_bad_region_lists_are_refused(rows):
    with pytest.raises(RegionError):
        RegionCatalog.from_rows(rows)

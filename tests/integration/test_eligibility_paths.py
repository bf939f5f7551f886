"""The same messy people through every entry path get the same verdict (issue 25, "Eligibility wherever
people come from"): a plain parent list, a Dapodik export (both real .xlsx files written here), the
enrollment rule the form and the hub use, and `lindung enroll`."""

import datetime as dt
import json
from dataclasses import dataclass

import openpyxl
import pytest

from desktop.domain.eligibility import judge_job
from desktop.domain.enrollment import validate
from desktop.services import importing
from desktop.services.schools import add_school
from tests.dapodik import INCOME, KEC, Parent, family, nik, no_kk, write_dapodik_xlsx
from tests.integration.test_cli import errors, run

NPSN = "69800001"
RASAU_JAYA = "611207"
V, W, E, N = importing.VALID, importing.WARNING, importing.ERROR, importing.NOT_ELIGIBLE


@dataclass
class Case:
    name: str
    female: bool
    job: str
    status: str
    reason: str = ""                  # a fragment of the first reason, for what is not enrolled
    occupation: str = ""              # the occupation enrolled
    hp: object = "0812-3456-7001"     # as the list's cell holds it (Dapodik's HP column is text)
    desa: str = "Benua Melayu Laut"
    kec: str = KEC
    kk: object = None                 # None: a good No. KK
    income: tuple = (1_200_000, INCOME[2])


CASES = [
    Case("HERMAN", False, "PNS", N, 'Pekerjaan "PNS": penerima upah', income=(4_500_000, INCOME[3])),
    Case("SUPARDI", False, "Karyawan BUMN", N, 'Pekerjaan "Karyawan BUMN": penerima upah'),
    Case("ROSMINI", True, "Ibu Rumah Tangga", N, 'Pekerjaan "Ibu Rumah Tangga": tidak bekerja'),
    Case("MARKUS", False, "Tidak dapat diterapkan", E, "Tanyakan pekerjaannya"),
    Case("DARMAWAN", False, "Petani/Peternak", V, occupation="farmer"),
    Case("RUSDI", False, "Buruh (Tani/Pabrik/Bangunan)", V, occupation="day_labourer"),
    Case("HENDRA", False, "Kurir paket", V, occupation="courier"),
    Case("YOHANES", False, "Nelayan", W, occupation="fisher", hp="-"),
    Case("ANTONIUS", False, "Petani", W, occupation="farmer", hp=0),
    Case("SYARIF", False, "Petani", V, occupation="farmer", desa="Rasau Jaya II", kec=RASAU_JAYA),
    Case("ABDUL RAHMAN", False, "Pedagang Kecil", W, occupation="street_vendor", kk=6.10401e15),
]


def _born(index: int) -> dt.date:
    return dt.date(1975 + index, 1 + index % 12, 1 + index)


def _nik(index: int, case: Case) -> str:
    return nik(case.kec, _born(index), case.female, 100 + index)


def _kk(index: int, case: Case):
    return case.kk if case.kk is not None else no_kk(case.kec, dt.date(2015, 3, 9), 100 + index)


def _pupil(index: int) -> str:
    return f"ANAK {chr(65 + index)}"


def write_list(path):
    """A plain parent list, as a coordinator types it (the job exactly as Dapodik's operator would)."""
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(["NIK", "Nama", "Tempat Lahir", "Tanggal Lahir", "JK", "Alamat", "Desa", "Kecamatan", "Kabupaten",
                  "No HP", "Pekerjaan", "Penghasilan", "Ahli Waris", "Hubungan", "Nama Siswa", "Kelas", "No KK"])
    for index, case in enumerate(CASES):
        kab = "Kubu Raya" if case.kec == RASAU_JAYA else "Kota Pontianak"
        kec = "Rasau Jaya" if case.kec == RASAU_JAYA else "Pontianak Selatan"
        sheet.append([_nik(index, case), case.name, "Pontianak", _born(index), "P" if case.female else "L",
                      "Jl. Tanjungpura No. 5", case.desa, kec, kab, case.hp, case.job, case.income[0],
                      _pupil(index), "Anak", _pupil(index), "3A", _kk(index, case)])
        sheet.cell(sheet.max_row, 1).number_format = "@"
    wb.save(path)
    return path


def write_dapodik(path):
    pupils = []
    for index, case in enumerate(CASES):
        person = Parent(case.name, _born(index).year, case.job, case.income[1], _nik(index, case))
        pupil = family(_pupil(index), None if case.female else person, person if case.female else None, 100 + index,
                       desa=case.desa, hp=case.hp if isinstance(case.hp, str) else str(case.hp))
        pupil.no_kk = _kk(index, case)
        if case.kec == RASAU_JAYA:
            pupil.kecamatan = "Kec. Rasau Jaya"
        pupils.append(pupil)
    return write_dapodik_xlsx(path, pupils)


@pytest.fixture
def school_ws(ws):
    add_school(ws, NPSN, "SD Negeri 12 Pontianak", "SD", "6171", "Ibu Rina")
    return ws


def verdicts(preview):
    """(status, first reason's template, occupation, phone, desa, No. KK) of each case, in CASES order."""
    rows = [r for r in preview.rows if not r.person or cases_named(r)]
    assert len(rows) == len(CASES)
    out = []
    for row in sorted(rows, key=lambda r: r.number):
        problems = [row.duplicate] if row.duplicate else list(row.problems)
        e = row.enrollment
        out.append((row.status, problems[0].template if problems and row.status in (E, N) else "",
                    (e.occupation, e.phone, e.desa_code, e.no_kk) if e else None))
    return out


def cases_named(row) -> bool:
    return row.text("full_name") in {c.name for c in CASES}


def test_a_list_and_a_dapodik_export_give_every_person_the_same_verdict(school_ws, tmp_path):
    from_list = importing.read_import(school_ws, write_list(tmp_path / "orang_tua.xlsx"), NPSN)
    from_dapodik = importing.read_import(school_ws, write_dapodik(tmp_path / "dapodik.xlsx"), NPSN)
    assert from_list.dapodik is None and from_dapodik.dapodik is not None
    listed, exported = verdicts(from_list), verdicts(from_dapodik)
    assert listed == exported
    for case, (status, template, enrolled), row in zip(
            CASES, listed, sorted(from_list.rows, key=lambda r: r.number), strict=True):
        assert status == case.status, (case.job, row.problems)
        if case.reason:
            assert case.reason in " ".join(importing.row_reasons(row)), case.job
        else:
            assert enrolled[0] == case.occupation, case.job
    by_name = {c.name: v for c, v in zip(CASES, listed, strict=True)}
    assert by_name["YOHANES"][2][1] is None and by_name["ANTONIUS"][2][1] is None   # no phone, not refused
    assert by_name["SYARIF"][2][2] == "6112072003"                                  # Rasau Jaya Dua
    assert by_name["ABDUL RAHMAN"][2][3] is None                                    # the damaged KK dropped


def test_the_form_rule_and_lindung_enroll_refuse_the_same_jobs_with_the_same_reason(school_ws, tmp_path):
    ctx = school_ws.context()
    refused, kept = [], []
    for index, case in enumerate(CASES):
        born = _born(index)
        raw = {"nik": _nik(index, case), "full_name": case.name, "birth_place": "Pontianak",
               "birth_date": born.strftime("%d-%m-%Y"), "sex": "P" if case.female else "L",
               "address": "Jl. Tanjungpura No. 5", "desa_code": "6171011002" if case.kec == KEC else "6112072003",
               "phone": str(case.hp), "occupation": "other", "occupation_other": case.job,
               "monthly_income": str(case.income[0]), "heir_name": "Anak Satu", "heir_relationship": "child",
               "no_kk": str(_kk(index, case))}
        result = validate(raw, ctx)   # what the form checks before saving, and the hub on every push
        if case.status in (E, N):
            assert result.enrollment is None
            assert result.errors[0].template == judge_job(case.job).problem.template, case.job
            refused.append(raw)
        else:
            assert result.enrollment is not None, (case.job, result.errors)
            kept.append(raw)
    db = tmp_path / "cli.sqlite3"
    source = tmp_path / "refused.json"
    source.write_text(json.dumps(refused), encoding="utf-8")
    proc = run(db, "enroll", str(source))
    assert proc.returncode == 1
    said = errors(proc)
    for index, raw in enumerate(refused, start=1):
        line = next(line for line in said.splitlines() if line.startswith(f"data ke-{index} "))
        assert judge_job(raw["occupation_other"]).problem.message in line
    source.write_text(json.dumps(kept), encoding="utf-8")
    assert run(db, "enroll", str(source)).returncode == 0
    listed = json.loads(run(db, "list", "--json").stdout)
    assert len(listed) == len(kept)


def test_lindung_import_enrolls_a_list_and_an_export_alike(tmp_path):
    """``lindung import`` enrolls a plain list and a Dapodik export alike: the same people, the same outcome."""
    outcomes = []
    for name, write in (("orang_tua.xlsx", write_list), ("dapodik.xlsx", write_dapodik)):
        db = tmp_path / f"{name}.sqlite3"
        assert run(db, "school", "add", NPSN, "--name", "SD Negeri 12 Pontianak", "--level", "SD",
                   "--kabupaten", "Kota Pontianak").returncode == 0
        proc = run(db, "import", str(write(tmp_path / name)), "--school", NPSN, "--json")
        assert proc.returncode == 0, proc.stderr
        summary = json.loads(proc.stdout)
        listed = json.loads(run(db, "list", "--json").stdout)
        outcomes.append((summary["accepted"], len(summary["rejected"]), len(summary["not_eligible"]),
                         sorted((r["full_name"], r["occupation"], r["phone"], r["no_kk"] is None) for r in listed)))
    assert outcomes[0] == outcomes[1]
    enrolled = [c for c in CASES if c.status in (V, W)]
    assert outcomes[0][:3] == (len(enrolled), 1, 3)
    assert {name for name, *_ in outcomes[0][3]} == {c.name for c in enrolled}


def test_a_dapodik_wali_group_holding_only_tidak_dapat_diterapkan_is_empty(school_ws, tmp_path):
    ahmad = Parent("AHMAD", 1980, "Petani", INCOME[2], nik(KEC, dt.date(1980, 3, 12), False, 1))
    nobody = Parent("", None, "Tidak dapat diterapkan", "Tidak Berpenghasilan", "")
    pupil = family("RIZKI", ahmad, None, 1, wali=nobody)
    preview = importing.read_import(school_ws, write_dapodik_xlsx(tmp_path / "dapodik.xlsx", [pupil]), NPSN)
    statuses = {r.person: r.status for r in preview.rows}
    assert statuses["ayah"] == V and "wali" not in statuses   # an empty wali is the rule: no line for it

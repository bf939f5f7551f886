"""Dapodik "Daftar Peserta Didik" exports written with openpyxl the way Dapodik lays them out: title
rows, a two-row header with merged cells (single headers over both rows, the groups Data Ayah / Data
Ibu / Data Wali over six columns), text NIKs and No KK, number Tahun Lahir, footer lines. Also the
flattened copies people make by hand (``Nama Ayah``, ``NIK Ayah``, … in one header row).

Used by the import tests, the window's test and ``benchmarks/bench_dapodik.py``.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field, replace
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

GROUP = ("Nama", "Tahun Lahir", "Jenjang Pendidikan", "Pekerjaan", "Penghasilan", "NIK")
BEFORE = ("No", "Nama", "NIPD", "JK", "NISN", "Tempat Lahir", "Tanggal Lahir", "NIK", "Agama", "Alamat", "RT",
          "RW", "Dusun", "Kelurahan", "Kecamatan", "Kode Pos", "Jenis Tinggal", "Alat Transportasi", "Telepon",
          "HP", "E-Mail", "SKHUN", "Penerima KPS", "No. KPS")
AFTER = ("Rombel Saat Ini", "No Peserta Ujian Nasional", "No Seri Ijazah", "Penerima KIP", "Nomor KIP",
         "Nama di KIP", "Nomor KKS", "No Registrasi Akta Lahir", "Bank", "Nomor Rekening Bank",
         "Rekening Atas Nama", "Layak PIP (usulan dari sekolah)", "Alasan Layak PIP", "Kebutuhan Khusus",
         "Sekolah Asal", "Anak ke-berapa", "Lintang", "Bujur", "No KK", "Berat Badan", "Tinggi Badan",
         "Lingkar Kepala", "Jml. Saudara Kandung", "Jarak Rumah ke Sekolah (KM)")
GROUPS = ("Data Ayah", "Data Ibu", "Data Wali")
INCOME = ("Kurang dari Rp. 500,000", "Rp. 500,000 - Rp. 999,999", "Rp. 1,000,000 - Rp. 1,999,999",
          "Rp. 2,000,000 - Rp. 4,999,999", "Rp. 5,000,000 - Rp. 20,000,000", "Lebih dari Rp. 20,000,000",
          "Tidak Berpenghasilan")


@dataclass
class Parent:
    name: str
    year: int | None
    job: str
    income: str
    nik: str
    education: str = "SMP / sederajat"


@dataclass
class Pupil:
    name: str
    rombel: str
    street: str
    rt: str
    rw: str
    dusun: str
    desa: str
    kecamatan: str             # as Dapodik writes it: "Kec. Pontianak Selatan"
    hp: str
    no_kk: str
    ayah: Parent | None
    ibu: Parent | None
    wali: Parent | None = None
    telepon: str = ""
    sex: str = "L"
    extra: dict = field(default_factory=dict)


def nik(kecamatan: str, born: dt.date, female: bool, serial: int) -> str:
    return f"{kecamatan}{born.day + (40 if female else 0):02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


def no_kk(kecamatan: str, issued: dt.date, serial: int) -> str:
    return f"{kecamatan}{issued.day:02d}{issued.month:02d}{issued.year % 100:02d}{serial:04d}"


# Pontianak Selatan (61.71.01) and its kelurahan, for hand-written cases.
KEC = "617101"


def parent(name: str, born: dt.date, female: bool, serial: int, job: str = "Petani",
           income: str = INCOME[2], kec: str = KEC) -> Parent:
    return Parent(name, born.year, job, income, nik(kec, born, female, serial))


def family(name: str, ayah: Parent | None, ibu: Parent | None, serial: int, rombel: str = "3A",
           desa: str = "Benua Melayu Laut", hp: str = "081234500000", **more) -> Pupil:
    return Pupil(name, rombel, "Jl. Tanjungpura No. 5", "1", "2", "Karya", desa, "Kec. Pontianak Selatan", hp,
                 no_kk(KEC, dt.date(2015, 3, 9), serial), ayah, ibu, **more)


_JOBS = (("Petani", 24), ("Nelayan", 8), ("Pedagang Kecil", 12), ("Buruh", 14), ("Wiraswasta", 8),
         ("Peternak", 3), ("Lainnya", 6), ("Karyawan Swasta", 8), ("PNS/TNI/Polri", 3), ("Tidak bekerja", 2),
         ("Pensiunan", 1), ("Tenaga Kerja Indonesia", 1), ("Sudah Meninggal", 2))
_MOTHER_JOBS = (("Lainnya", 40), ("Petani", 15), ("Pedagang Kecil", 15), ("Tidak bekerja", 15), ("Buruh", 8),
                ("Wiraswasta", 5), ("Sudah Meninggal", 2))
_MEN = ("AHMAD", "BUDI", "HERMAN", "JUNAIDI", "SAMSUDIN", "YOHANES", "ANTONIUS", "SYARIF", "ABDUL RAHMAN", "HENDRA",
        "MARKUS", "DARMAWAN", "RUSDI", "SUPARDI", "TOMAS")
_WOMEN = ("SITI AMINAH", "NURHAYATI", "MARIA", "SRI WAHYUNI", "RAHMAWATI", "YULIANA", "FATIMAH", "ROSMINI",
          "HALIMAH", "KARTINI", "THERESIA", "NURLELA", "SUMIATI")
_CHILDREN = ("RIZKI", "PUTRI", "FAJAR", "NABILA", "DIMAS", "SALSABILA", "ANDI", "NUR", "BAYU", "AISYAH")


def make_pupils(regions, count: int, seed: int = 1, kabupaten: str = "6171", today: dt.date | None = None,
                siblings: float = 0.12) -> list[Pupil]:
    """``count`` pupil rows of one school in ``kabupaten``: families with both parents (some with a
    deceased father and a wali), siblings sharing parents, Dapodik's own occupations and brackets."""
    rng = random.Random(seed)
    today = today or dt.date(2026, 7, 14)
    villages = [d for kec in regions.children(kabupaten) for d in regions.children(kec.code)]
    out: list[Pupil] = []
    serial = 0
    while len(out) < count:
        serial += 1
        desa = rng.choice(villages)
        kec = desa.code[:6]
        kec_name = regions.name(kec)
        dad_born = today - dt.timedelta(days=rng.randint(30 * 365, 55 * 365))
        mum_born = today - dt.timedelta(days=rng.randint(25 * 365, 50 * 365))
        dad_job = rng.choices(*zip(*_JOBS))[0]
        mum_job = rng.choices(*zip(*_MOTHER_JOBS))[0]
        surname = rng.choice(("", " SAPUTRA", " HIDAYAT", " SIREGAR", " WIJAYA", " PRATAMA"))
        ayah = Parent(rng.choice(_MEN) + surname, dad_born.year, dad_job, rng.choice(INCOME[:4]) if dad_job not in (
            "Sudah Meninggal", "Tidak bekerja") else "Tidak Berpenghasilan", nik(kec, dad_born, False, serial))
        ibu = Parent(rng.choice(_WOMEN), mum_born.year, mum_job, rng.choice(INCOME[:3] + INCOME[6:]),
                     nik(kec, mum_born, True, serial))
        wali = None
        if dad_job == "Sudah Meninggal":
            uncle = today - dt.timedelta(days=rng.randint(30 * 365, 60 * 365))
            wali = Parent(rng.choice(_MEN) + " BIN " + rng.choice(_MEN), uncle.year, "Petani", INCOME[1],
                          nik(kec, uncle, False, 5000 + serial))
        hp = "08" + rng.choice(("12", "13", "21", "52", "53")) + "".join(rng.choice("0123456789") for _ in range(8))
        children = 2 if rng.random() < siblings else 1
        for child in range(min(children, count - len(out))):
            out.append(Pupil(
                f"{rng.choice(_CHILDREN)} {rng.choice(_CHILDREN)}{surname}".strip() + ("" if child == 0 else " II"),
                f"{rng.randint(1, 6)}{rng.choice('ABC')}", f"Jl. Parit Haji No. {rng.randint(1, 90)}",
                str(rng.randint(1, 12)), str(rng.randint(1, 6)), rng.choice(("Karya", "Sungai Bulan", "-")),
                desa.name, f"Kec. {kec_name}", hp if rng.random() < 0.8 else "",
                no_kk(kec, dt.date(2010 + serial % 12, 1 + serial % 12, 1 + serial % 27), serial), ayah, ibu, wali,
                sex=rng.choice("LP")))
    return out


def _group_cells(p: Parent | None) -> list:
    if p is None:
        return ["", "", "", "", "", ""]
    return [p.name, p.year, p.education, p.job, p.income, p.nik]


def _pupil_cells(number: int, p: Pupil) -> list:
    before = [number, p.name, f"{1000 + number}", p.sex, f"00{number:08d}", "Pontianak", "2015-05-03",
              f"6171014305150{number % 1000:03d}", "Islam", p.street, p.rt, p.rw, p.dusun, p.desa, p.kecamatan,
              "78121", "Bersama orang tua", "Jalan kaki", p.telepon, p.hp, "", "", "Tidak", ""]
    after = [p.rombel, "", "", "Tidak", "", "", "", "", "", "", "", "Tidak", "", "Tidak ada", "", 1, 0, 0, p.no_kk,
             25, 125, 0, 1, 1]
    return before + _group_cells(p.ayah) + _group_cells(p.ibu) + _group_cells(p.wali) + after


def write_dapodik_xlsx(path: Path, pupils: list[Pupil], school: str = "SD NEGERI 12 PONTIANAK",
                       kabupaten_line: str = "Kecamatan Kec. Pontianak Selatan, Kabupaten Kota Pontianak, "
                                             "Provinsi Prov. Kalimantan Barat",
                       footer: bool = True) -> Path:
    """The export as Dapodik writes it: data from row 7, headers merged over rows 5 and 6."""
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "Daftar Peserta Didik"
    sheet["A1"] = "Daftar Peserta Didik"
    if school:
        sheet["A2"] = school
    if kabupaten_line:
        sheet["A3"] = kabupaten_line
    sheet["A4"] = "Tanggal Unduh: 2026-07-14 09:12:44"
    sheet["C4"] = "Pengunduh: operator@sdn12.sch.id"
    column = 1
    for header in BEFORE:
        sheet.cell(5, column, header)
        sheet.merge_cells(start_row=5, start_column=column, end_row=6, end_column=column)
        column += 1
    for group in GROUPS:
        sheet.cell(5, column, group)
        sheet.merge_cells(start_row=5, start_column=column, end_row=5, end_column=column + 5)
        for offset, sub in enumerate(GROUP):
            sheet.cell(6, column + offset, sub)
        column += 6
    for header in AFTER:
        sheet.cell(5, column, header)
        sheet.merge_cells(start_row=5, start_column=column, end_row=6, end_column=column)
        column += 1
    text_columns = {i + 1 for i, h in enumerate(BEFORE) if h in ("NIK", "HP", "Telepon", "NISN")}
    text_columns |= {len(BEFORE) + 6 * g + 6 for g in range(3)}
    text_columns.add(len(BEFORE) + 18 + AFTER.index("No KK") + 1)
    for number, pupil in enumerate(pupils, start=1):
        row = 6 + number
        for col, value in enumerate(_pupil_cells(number, pupil), start=1):
            if value == "" or value is None:
                continue
            cell = sheet.cell(row, col, value)
            if col in text_columns:
                cell.number_format = "@"
    if footer:
        last = 6 + len(pupils)
        sheet.cell(last + 2, 2, "Mengetahui,")
        sheet.cell(last + 3, 2, "Kepala Sekolah SD NEGERI 12 PONTIANAK")
        sheet.cell(last + 6, 2, "Dra. HJ. RUSMINAH")
        sheet.cell(last + 7, 2, "NIP. 196805121990032004")
    for col in range(1, column):
        sheet.column_dimensions[get_column_letter(col)].width = 14
    wb.save(path)
    return path


FLAT_HEADERS = ("No", "Nama Siswa", "Rombel", "Alamat", "RT", "RW", "Dusun", "Kelurahan", "Kecamatan", "HP", "No KK",
                "Nama Ayah", "Tahun Lahir Ayah", "Pekerjaan Ayah", "Penghasilan Ayah", "NIK Ayah",
                "Nama Ibu Kandung", "Tahun Lahir Ibu", "Pekerjaan Ibu", "Penghasilan Ibu", "NIK Ibu",
                "Nama Wali", "Pekerjaan Wali", "Penghasilan Wali", "NIK Wali")


def write_flat_xlsx(path: Path, pupils: list[Pupil], title: str = "DATA ORANG TUA SISWA SDN 12") -> Path:
    """A hand-made copy: one header row, a parent's facts side by side (``Nama Ayah``, ``NIK Ayah``…)."""
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append([title])
    sheet.append(list(FLAT_HEADERS))
    for number, p in enumerate(pupils, start=1):
        a = p.ayah or Parent("", None, "", "", "")
        i = p.ibu or Parent("", None, "", "", "")
        w = p.wali or Parent("", None, "", "", "")
        sheet.append([number, p.name, p.rombel, p.street, p.rt, p.rw, p.dusun, p.desa, p.kecamatan, p.hp, p.no_kk,
                      a.name, a.year, a.job, a.income, a.nik, i.name, i.year, i.job, i.income, i.nik,
                      w.name, w.job, w.income, w.nik])
    wb.save(path)
    return path


def with_ayah(pupil: Pupil, **changes) -> Pupil:
    return replace(pupil, ayah=replace(pupil.ayah, **changes))

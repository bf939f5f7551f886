"""Realistic, valid synthetic enrollments for trying the app and for benchmarks."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from desktop.domain.enrollment import Asnaf, Funding, Occupation, Relationship, Sex
from desktop.domain.regions import Level
from desktop.domain.text import MONTHS_ID
from desktop.domain.actors import Actor
from desktop.services.enrollment import enroll_many
from desktop.services.schools import add_school, list_schools
from desktop.services.workspace import Workspace
from desktop.storage import workers

# Rough shares of informal work among Kalbar's vulnerable workers (farming and plantations first).
_OCCUPATIONS = [
    (Occupation.FARMER, 24), (Occupation.SMALLHOLDER, 16), (Occupation.FISHER, 8),
    (Occupation.FARM_LABOURER, 10), (Occupation.DAY_LABOURER, 10), (Occupation.STREET_VENDOR, 10),
    (Occupation.MOTORBIKE_TAXI, 5), (Occupation.CONSTRUCTION, 5), (Occupation.DOMESTIC, 4),
    (Occupation.LIVESTOCK, 2), (Occupation.DRIVER, 2), (Occupation.CRAFTSPERSON, 1),
    (Occupation.TAILOR, 1), (Occupation.SCAVENGER, 1), (Occupation.OTHER, 1),
]
_OTHER_JOBS = ["Penyadap karet", "Pengumpul madu", "Penambang pasir", "Pembuat tikar"]
_MOBILE_PREFIXES = ["811", "812", "813", "821", "822", "823", "852", "853", "851", "857", "858",
                    "856", "895", "896", "897", "898", "899", "877", "878", "881", "882", "888"]
_SCHOOL_LEVELS = ["SD", "SMP", "SMA", "SMK", "MI", "MTs"]
_STREETS = ["Jl. Merdeka", "Jl. Pahlawan", "Jl. Sungai Raya", "Jl. Trans Kalimantan", "Gg. Melati",
            "Jl. Tanjungpura", "Jl. Ahmad Yani", "Dusun Sungai Bulan", "Dusun Karya Tani", "Jl. Parit Haji"]


def _phone(rng: random.Random) -> str:
    return "0" + rng.choice(_MOBILE_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(8))


def make_workers(ws: Workspace, count: int, seed: int | None = None,
                 taken: set[str] | None = None) -> list[dict[str, str]]:
    """``count`` valid raw enrollments (as the form or JSON would give them)."""
    from faker import Faker

    rng = random.Random(seed)
    fake = Faker("id_ID")
    fake.seed_instance(seed if seed is not None else rng.randrange(1 << 30))
    taken = set() if taken is None else taken
    regions = ws.regions
    kabupaten = regions.kabupaten()
    villages = {k.code: [d for d in regions.all(Level.DESA) if d.code.startswith(k.code)] for k in kabupaten}
    occupations, weights = zip(*_OCCUPATIONS, strict=True)
    schools = list_schools(ws)
    today = ws.today
    out: list[dict[str, str]] = []
    while len(out) < count:
        kab = rng.choice(kabupaten)
        desa = rng.choice(villages[kab.code])
        sex = rng.choice([Sex.MALE, Sex.FEMALE])
        age_days = rng.randint((ws.policy.min_age + 3) * 366, (ws.policy.max_age - 1) * 365)
        born = today - dt.timedelta(days=age_days)
        # Most were first registered in their own kecamatan; a few came from elsewhere in Kalbar.
        nik_place = desa.code[:6] if rng.random() < 0.85 else rng.choice(villages[rng.choice(kabupaten).code]).code[:6]
        day = born.day + (40 if sex is Sex.FEMALE else 0)
        nik = f"{nik_place}{day:02d}{born.month:02d}{born.year % 100:02d}{rng.randint(1, 9999):04d}"
        if nik in taken:
            continue
        taken.add(nik)
        first = fake.first_name_male() if sex is Sex.MALE else fake.first_name_female()
        last = fake.last_name_male() if sex is Sex.MALE else fake.last_name_female()
        name = f"{first} {last}" if rng.random() < 0.8 else first
        occupation = rng.choices(occupations, weights)[0]
        married = rng.random() < 0.7
        heir_rel = Relationship.SPOUSE if married else rng.choice([Relationship.PARENT, Relationship.SIBLING,
                                                                  Relationship.CHILD])
        heir_sex_female = (sex is Sex.MALE) if heir_rel is Relationship.SPOUSE else rng.random() < 0.5
        heir_first = fake.first_name_female() if heir_sex_female else fake.first_name_male()
        record = {
            "nik": nik, "full_name": name, "birth_place": regions.get(nik_place[:4]).short_name,
            "birth_date": born.isoformat(), "sex": sex.value,
            "address": f"{rng.choice(_STREETS)} No. {rng.randint(1, 150)}, RT {rng.randint(1, 12):03d}"
                       f"/RW {rng.randint(1, 8):03d}",
            "kabupaten_code": kab.code, "kecamatan_code": desa.code[:6], "desa_code": desa.code,
            "phone": _phone(rng) if rng.random() < 0.92 else "",
            "occupation": occupation.value,
            "occupation_other": rng.choice(_OTHER_JOBS) if occupation is Occupation.OTHER else "",
            "monthly_income": str(rng.randrange(500_000, 3_000_001, 50_000)),
            "heir_name": f"{heir_first} {fake.last_name_female() if heir_sex_female else fake.last_name_male()}", "heir_relationship": heir_rel.value,
            "heir_phone": _phone(rng) if rng.random() < 0.5 else "",
            "funding_source": Funding.BAZNAS_ZAKAT.value,
            "asnaf": Asnaf.FAKIR.value if rng.random() < 0.3 else Asnaf.MISKIN.value,
        }
        local_schools = [s for s in schools if s.kabupaten_code == kab.code]
        if local_schools and rng.random() < 0.35:
            school = rng.choice(local_schools)
            record.update(school_npsn=school.npsn, pupil_name=f"{fake.first_name()} {name.split()[-1]}",
                          pupil_class=str(rng.randint(1, 6)) if school.level in ("SD", "MI") else
                          rng.choice(["VII", "VIII", "IX", "X", "XI", "XII"]))
        out.append(record)
    return out


def ensure_demo_schools(ws: Workspace, seed: int | None = None) -> None:
    """Two synthetic schools per kabupaten/kota (NPSN 69xxxxxx, a range no real school uses here)."""
    rng = random.Random(seed)
    existing = {s.npsn for s in list_schools(ws)}
    for index, kab in enumerate(ws.regions.kabupaten()):
        kecamatan = ws.regions.children(kab.code)
        for number in range(2):
            npsn = f"69{index:02d}{number:04d}"
            if npsn in existing:
                continue
            level = _SCHOOL_LEVELS[(index + number) % len(_SCHOOL_LEVELS)]
            place = rng.choice(kecamatan).name
            add_school(ws, npsn, f"{level} NEGERI {number + 1} {place}", level, kab.code,
                       coordinator="Koordinator " + place.title())


def add_demo_workers(ws: Workspace, count: int, actor: Actor, seed: int | None = None,
                     progress: Callable[[int, int], None] | None = None, batch: int = 5000) -> int:
    ensure_demo_schools(ws, seed)
    with ws.read() as tx:
        taken = workers.all_niks(tx)
    rng = random.Random(seed)
    done = 0
    while done < count:
        size = min(batch, count - done)
        raws = make_workers(ws, size, seed=rng.randrange(1 << 30), taken=taken)
        done += len(enroll_many(ws, raws, actor).records)
        if progress:
            progress(done, count)
    return done


_OCCUPATION_AS_TYPED = {
    "farmer": ("Petani", "TANI", "petani sawah"), "smallholder": ("Petani Karet", "Pekebun", "noreh"),
    "fisher": ("Nelayan", "nelayan tradisional"), "livestock_farmer": ("Peternak",),
    "street_vendor": ("Pedagang", "Pedagang Kaki Lima", "jualan"), "motorbike_taxi": ("Ojek", "Tukang Ojek"),
    "driver": ("Sopir", "Supir"), "day_labourer": ("Buruh Harian Lepas", "Buruh", "serabutan"),
    "farm_labourer": ("Buruh Tani",), "construction_worker": ("Tukang Bangunan", "Kuli Bangunan"),
    "domestic_worker": ("PRT", "Pembantu Rumah Tangga"), "craftsperson": ("Pengrajin",),
    "tailor": ("Penjahit",), "scavenger": ("Pemulung",), "other": ("Penambang Emas Rakyat",),
}
_RELATIONSHIP_AS_TYPED = {"spouse": ("Istri", "Suami", "ISTRI"), "child": ("Anak", "anak kandung"),
                          "parent": ("Ibu", "Ayah", "Orang Tua"), "sibling": ("Saudara", "Kakak"),
                          "other": ("Keponakan",)}


def make_parent_rows(ws: Workspace, count: int, seed: int | None = None,
                     dates_as_text: bool = False) -> list[list[object]]:
    """``count`` parents as a school coordinator types them, in the import template's columns.

    Names, regions and occupations are written the many ways people write them (``Kab. Sambas``,
    ``SAMBAS``, ``Ojek``, ``Laki-laki``); every row is valid once read.
    """
    rng = random.Random(seed)
    rows = []
    for raw in make_workers(ws, count, seed=seed):
        born = dt.date.fromisoformat(raw["birth_date"])
        kab = ws.regions.get(raw["kabupaten_code"])
        short = kab.name.removeprefix("Kabupaten ")
        kab_text = rng.choice([kab.name, short.upper(), short, f"Kab. {short}"]) if kab.name.startswith(
            "Kabupaten") else rng.choice([kab.name, kab.name.upper()])
        if dates_as_text:
            born_cell = rng.choice([born.strftime("%d/%m/%Y"), born.strftime("%d-%m-%Y"), born.isoformat(),
                                    f"{born.day} {MONTHS_ID[born.month - 1]} {born.year}"])
        else:
            born_cell = born
        sex = raw["sex"] if rng.random() < 0.6 else {"L": "Laki-laki", "P": "Perempuan"}[raw["sex"]]
        rows.append([
            raw["nik"], raw["full_name"] if rng.random() < 0.7 else "  " + raw["full_name"].lower() + " ",
            raw["birth_place"], born_cell, sex, raw["address"],
            ws.regions.name(raw["desa_code"]), ws.regions.name(raw["kecamatan_code"]), kab_text,
            raw["phone"], rng.choice(_OCCUPATION_AS_TYPED[raw["occupation"]]), int(raw["monthly_income"]),
            raw["heir_name"], rng.choice(_RELATIONSHIP_AS_TYPED[raw["heir_relationship"]]),
            fake_pupil(rng, raw["full_name"]), f"{rng.randint(1, 6)}{rng.choice('ABC')}",
        ])
    return rows


def fake_pupil(rng: random.Random, parent: str) -> str:
    given = ("Aisyah", "Rizki", "Putri", "Fajar", "Nabila", "Dimas", "Salsabila", "Andi", "Nur", "Bayu")
    return f"{rng.choice(given)} {parent.split()[-1]}".upper()

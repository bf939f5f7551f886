"""Makes the database in this folder and what the commands read from it, with the code of the commit
named in README.md (before the one data path, issue 27). Run from a checkout of that commit:

    LINDUNG_TODAY=2026-12-01 python tests/data/before-one-path/make.py OUTDIR

Every write path of that day's code leaves rows here: the form's bulk enrollment (`enroll`), `demo`, an
import with a school, `edit`, `delete`, a BPJS submission, BPJS's answer (activations and a refusal),
a BAZNAS payment, the batch's invoice, the credit refunded, BAZNAS's distribution record, a draft-free
audit log. ``expected.json`` is what the read commands printed then.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

OUT = Path(sys.argv[1]).resolve()
DB = OUT / "lindung.sqlite3"
NPSN = "30100001"


def lindung(*args: str, json_out: bool = False):
    proc = subprocess.run([sys.executable, "-m", "desktop", "--db", str(DB), *args], capture_output=True,
                          text=True, env={**os.environ, "LINDUNG_TODAY": "2026-12-01"})
    if proc.returncode != 0:
        raise SystemExit(f"{args}: {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return json.loads(proc.stdout) if json_out else proc.stdout


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    lindung("school", "add", NPSN, "--name", "SD Negeri 01 Sungai Raya", "--level", "SD", "--kabupaten", "6112")
    lindung("demo", "--workers", "12", "--seed", "27")
    one = {"nik": "6171014508900001", "full_name": "Siti Aminah", "birth_place": "Pontianak",
           "birth_date": "05-08-1990", "sex": "P", "address": "Jl. Merdeka No. 1", "kabupaten_code": "6171",
           "kecamatan_code": "617101", "desa_code": "6171011002", "phone": "0812-3456-7890",
           "occupation": "street_vendor", "monthly_income": "1.500.000", "heir_name": "Ahmad Fauzi",
           "heir_relationship": "spouse", "heir_phone": ""}
    (OUT / "one.json").write_text(json.dumps(one))
    lindung("enroll", str(OUT / "one.json"))
    (OUT / "one.json").unlink()
    rows = [["NIK Orang Tua", "Nama Orang Tua", "Tempat Lahir", "Tgl Lahir", "L/P", "Alamat", "Desa", "Kec.",
             "Kabupaten", "No HP", "Pekerjaan Orang Tua", "Penghasilan", "Ahli Waris", "Hubungan", "Nama Siswa",
             "Kelas"],
            ["6101011203850002", "BUDI SANTOSO", "Sambas", "12/03/1985", "L", "Dusun Karya", "Dalam Kaum",
             "Sambas", "Kab. Sambas", "081345678901", "Ojek", "1,5 juta", "Sri Wahyuni", "Istri", "Bayu", "3"],
            ["6101015507900003", "RINA MARLINA", "Sambas", "15-07-1990", "P", "Dusun Karya", "Durian",
             "Sambas", "sambas", "0813 1111 2222", "Petani", "900000", "Joko", "suami", "Putri", "2B"]]
    with open(OUT / "parents.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    lindung("import", str(OUT / "parents.csv"), "--school", NPSN)
    (OUT / "parents.csv").unlink()
    records = lindung("list", "--json", json_out=True)
    by_name = {r["full_name"]: r for r in records}
    (OUT / "edit.json").write_text(json.dumps({"phone": "081298765432", "address": "Jl. Merdeka No. 9"}))
    lindung("edit", by_name["SITI AMINAH"]["registration_no"], str(OUT / "edit.json"))
    (OUT / "edit.json").unlink()
    gone = sorted(r["registration_no"] for r in records if r["full_name"] != "SITI AMINAH")[0]
    lindung("delete", gone, "--reason", "data ganda")
    batch = lindung("bpjs", "export", str(OUT / "ajuan.xlsx"), "--json", json_out=True)["batch"]
    (OUT / "ajuan.xlsx").unlink()
    submitted = [r for r in lindung("list", "--json", "--batch", batch, json_out=True)]
    submitted.sort(key=lambda r: r["registration_no"])
    with open(OUT / "jawaban.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["NIK", "Nama", "No KPJ", "Tanggal Kepesertaan", "Keterangan"])
        for index, record in enumerate(submitted):
            if index == 0:
                writer.writerow([record["nik"], record["full_name"], "", "", "NIK tidak valid"])
            else:
                writer.writerow([record["nik"], record["full_name"], f"2612{index:07d}", "01-12-2026", ""])
    lindung("bpjs", "import", str(OUT / "jawaban.csv"))
    (OUT / "jawaban.csv").unlink()
    lindung("payment", "add", "--months", "12", "--batch", batch, "--reference", "TRF-1", "--amount", "2600000")
    lindung("report", "contributions", str(OUT / "tagihan.pdf"), "--batch", batch)
    (OUT / "tagihan.pdf").unlink()
    lindung("payment", "refund", "--reference", "RF-TRF-1")
    lindung("report", "baznas", str(OUT / "baznas.xlsx"), "--from", "01-11-2026", "--to", "31-12-2026")
    (OUT / "baznas.xlsx").unlink()
    expected = {
        "list": lindung("list", "--json", json_out=True),
        "deleted": lindung("list", "--json", "--status", "deleted", json_out=True),
        "show": {r["registration_no"]: lindung("show", r["registration_no"], "--json", json_out=True)
                 for r in records},
        "documents": lindung("report", "documents", "--json", json_out=True),
        "balance": lindung("payment", "balance", "--json", json_out=True),
        "answers": lindung("bpjs", "answers", "--json", json_out=True),
        "schools": lindung("school", "list", "--json", json_out=True),
        "audit": lindung("audit", "--json", "--limit", "1000", json_out=True),
        "verify": lindung("audit", "--verify"),
        "settings": lindung("settings", "show"),
    }
    (OUT / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True))


main()

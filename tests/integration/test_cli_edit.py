"""`lindung edit REGNO FILE.json`: scripted corrections through the window's rules, all or nothing."""

import json

import pytest

from tests.conftest import make_raw
from tests.integration.test_cli import errors, run

# A second person: a man born 17-08-1980 in Pontianak Selatan.
OTHER_NIK = "6171011708800003"
# The same birth date and sex as make_raw()'s NIK (05-08-1980, woman: day + 40), another serial.
SAME_DATE_NIK = "6171014508800009"


@pytest.fixture
def db(tmp_path):
    return tmp_path / "edit.sqlite3"


def enroll(db, tmp_path, **overrides) -> str:
    source = tmp_path / f"enroll-{overrides.get('nik', 'first')}.json"
    source.write_text(json.dumps(make_raw(**overrides)), encoding="utf-8")
    proc = run(db, "enroll", str(source))
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()[0]


def show(db, regno, env=None) -> dict:
    proc = run(db, "show", regno, "--json", env=env)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def edit(db, tmp_path, regno, changes, env=None, user=None):
    source = tmp_path / "changes.json"
    source.write_text(json.dumps(changes) if not isinstance(changes, str) else changes, encoding="utf-8")
    return run(db, *(("--user", user) if user else ()), "edit", regno, str(source), env=env)


def problem_lines(proc, regno) -> dict[str, str]:
    """stderr's ``REGNO, field: message`` lines as field -> message."""
    found = {}
    for line in proc.stderr.splitlines():
        if line.startswith(f"{regno}, "):
            field, message = line[len(regno) + 2:].split(": ", 1)
            found[field] = message
    return found


def test_a_partial_edit_changes_only_what_the_file_names(db, tmp_path):
    regno = enroll(db, tmp_path)
    before = show(db, regno)
    proc = edit(db, tmp_path, regno, {"phone": "0813 1111 2222", "monthly_income": "2.000.000"})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"{regno} diubah: phone, monthly_income."
    assert "2222" not in proc.stdout + proc.stderr                     # field names only, never the values
    after = show(db, regno)
    assert after["phone"] == "+6281311112222" and after["monthly_income"] == 2_000_000
    assert after["revision"] == before["revision"] + 1
    bookkeeping = {"phone", "monthly_income", "revision", "updated_at", "updated_by"}
    assert {k: v for k, v in after.items() if k not in bookkeeping} == \
           {k: v for k, v in before.items() if k not in bookkeeping}


def test_show_json_given_back_unchanged_changes_nothing(db, tmp_path):
    regno = enroll(db, tmp_path)
    before = show(db, regno)
    proc = edit(db, tmp_path, regno, before)                           # every key, identity fields included
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"{regno}: tidak ada yang berubah."
    assert show(db, regno) == before


def test_the_window_warnings_are_shown_and_the_edit_kept(db, tmp_path):
    regno = enroll(db, tmp_path)
    proc = edit(db, tmp_path, regno, {"phone": None})
    assert proc.returncode == 0, proc.stderr
    assert f"peringatan: {regno}, phone: Tanpa No. HP" in proc.stderr
    assert show(db, regno)["phone"] is None


def test_an_invalid_value_changes_nothing_and_names_each_reason(db, tmp_path):
    regno = enroll(db, tmp_path)
    before = show(db, regno)
    proc = edit(db, tmp_path, regno, {"phone": "12", "birth_date": "31-02-1980", "address": "Jl. Baru No. 1"})
    assert proc.returncode == 1
    problems = problem_lines(proc, regno)
    assert set(problems) == {"phone", "birth_date"}
    assert "digit" in problems["phone"]
    assert proc.stderr.strip().splitlines()[-1] == f"lindung: {regno} tidak diubah: 2 masalah; tidak ada yang disimpan."
    assert show(db, regno) == before                                   # the valid address was not saved either


def test_unknown_keys_are_named_and_nothing_is_saved(db, tmp_path):
    regno = enroll(db, tmp_path)
    before = show(db, regno)
    proc = edit(db, tmp_path, regno, {"telepon": "0813 1111 2222", "kabupaten_name": "Kota Pontianak",
                                      "address": "Jl. Baru No. 1"})
    assert proc.returncode == 1
    problems = problem_lines(proc, regno)
    assert set(problems) == {"telepon", "kabupaten_name"}
    assert all("tidak dikenal" in message for message in problems.values())
    assert show(db, regno) == before


IDENTITY_CHANGES = {   # key: (a different value, what the refusal says)
    "id": ("00000000-0000-0000-0000-000000000000", "ID peserta tidak dapat diubah"),
    "registration_no": ("AAAAAA-000001-1", "No. Registrasi tidak dapat diubah"),
    "device_id": ("laptop-lain", "Laptop pendaftar tidak dapat diubah"),
    "enrolled_by": ("budi", "Pendaftar tidak dapat diubah"),
    "enrolled_at": ("2020-01-01T00:00:00Z", "Waktu pendaftaran tidak dapat diubah"),
    "kpj_number": ("12345678901", "No. KPJ"),
    "deleted_reason": ("salah ketik", "lindung delete"),
    "deleted_at": ("2020-01-01T00:00:00Z", "lindung delete"),
    "revision": (7, "sudah diubah sejak dibaca"),
    "school_name": ("SD Negeri 1", "ubah school_npsn"),
}


def test_identity_fields_cannot_be_changed(db, tmp_path):
    regno = enroll(db, tmp_path)
    before = show(db, regno)
    changes = {key: value for key, (value, _) in IDENTITY_CHANGES.items()}
    proc = edit(db, tmp_path, regno, changes | {"address": "Jl. Baru No. 1"})
    assert proc.returncode == 1
    problems = problem_lines(proc, regno)
    assert set(problems) == set(IDENTITY_CHANGES)                       # each one named, with its reason
    for key, (_, fragment) in IDENTITY_CHANGES.items():
        assert fragment in problems[key], key
    assert show(db, regno) == before


def test_identity_fields_given_with_their_own_values_are_fine(db, tmp_path):
    regno = enroll(db, tmp_path)
    before = show(db, regno)
    same = {k: before[k] for k in ("id", "device_id", "enrolled_by", "enrolled_at", "revision", "kpj_number",
                                   "deleted_at", "deleted_reason")}
    proc = edit(db, tmp_path, regno, same | {"registration_no": regno.replace("-", "").lower(),
                                             "address": "Jl. Baru No. 1"})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"{regno} diubah: address."


def test_an_old_show_json_is_refused_as_stale(db, tmp_path):
    regno = enroll(db, tmp_path)
    stale = show(db, regno)
    assert edit(db, tmp_path, regno, {"address": "Jl. Baru No. 1"}).returncode == 0
    proc = edit(db, tmp_path, regno, stale | {"phone": "0813 1111 2222"})
    assert proc.returncode == 1
    problems = problem_lines(proc, regno)
    assert list(problems) == ["revision"]                              # not also updated_at / updated_by
    assert show(db, regno)["address"] == "Jl. Baru No. 1"


def test_a_nik_another_live_record_holds_is_refused(db, tmp_path):
    first = enroll(db, tmp_path)
    second = enroll(db, tmp_path, nik=OTHER_NIK, birth_date="17-08-1980", sex="L", full_name="Budi Santoso")
    before = show(db, second)
    proc = edit(db, tmp_path, second, {"nik": make_raw()["nik"], "birth_date": "05-08-1980", "sex": "P"})
    assert proc.returncode == 1
    problems = problem_lines(proc, second)
    assert list(problems) == ["nik"]
    assert f"sudah terdaftar atas nama SITI AMINAH (No. Registrasi {first})" in problems["nik"]
    assert show(db, second) == before


def test_a_nik_change_keeps_birth_date_and_sex_unless_given(db, tmp_path):
    regno = enroll(db, tmp_path)
    before = show(db, regno)
    # A NIK that agrees with the kept birth date and sex: only the NIK changes.
    proc = edit(db, tmp_path, regno, {"nik": SAME_DATE_NIK})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"{regno} diubah: nik."
    assert SAME_DATE_NIK not in proc.stdout + proc.stderr
    after = show(db, regno)
    assert after["nik"] == SAME_DATE_NIK
    assert (after["birth_date"], after["sex"]) == (before["birth_date"], before["sex"])
    # A NIK that contradicts them: the window's errors, and nothing re-derived or saved.
    proc = edit(db, tmp_path, regno, {"nik": OTHER_NIK})
    assert proc.returncode == 1
    problems = problem_lines(proc, regno)
    assert set(problems) == {"birth_date", "sex"}
    assert "tidak cocok dengan NIK" in problems["birth_date"] and "tidak cocok dengan NIK" in problems["sex"]
    assert show(db, regno) == after
    # Given together, they are saved together.
    proc = edit(db, tmp_path, regno, {"nik": OTHER_NIK, "birth_date": "17-08-1980", "sex": "L"})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"{regno} diubah: nik, birth_date, sex."


def test_changes_can_come_from_standard_input(db, tmp_path):
    regno = enroll(db, tmp_path)
    proc = run(db, "edit", regno, "-", stdin=json.dumps({"occupation": "farmer"}))
    assert proc.returncode == 0, proc.stderr
    assert show(db, regno)["occupation"] == "farmer"


def test_a_file_that_is_not_an_object_is_refused_plainly(db, tmp_path):
    regno = enroll(db, tmp_path)
    before = show(db, regno)
    for content, fragment in (('[{"phone": "0813 1111 2222"}]', "satu objek JSON"),
                              ('"phone"', "satu objek JSON"),
                              ("{bukan json", "bukan JSON")):
        proc = edit(db, tmp_path, regno, content)
        assert proc.returncode == 1, content
        assert errors(proc).count("\n") == 1 and fragment in errors(proc), content
    assert show(db, regno) == before


def test_hostile_values_get_reasons_not_a_traceback(db, tmp_path):
    regno = enroll(db, tmp_path)
    before = show(db, regno)
    proc = edit(db, tmp_path, regno, {"full_name": ["x"], "monthly_income": {}, "birth_date": 5, "sex": None,
                                      "coverage_end": True})
    assert proc.returncode == 1
    assert {"full_name", "monthly_income", "birth_date", "sex"} <= set(problem_lines(proc, regno))
    assert show(db, regno) == before


def test_an_edit_is_audited_like_the_window_edits(db, tmp_path):
    regno = enroll(db, tmp_path)
    assert edit(db, tmp_path, regno, {"phone": "0813 1111 2222", "occupation": "farmer"}).returncode == 0
    entries = json.loads(run(db, "audit", "--action", "edit", "--json").stdout)
    assert [(e["action"], e["subject"]) for e in entries] == [("edit", regno)]
    assert entries[0]["details"] == {"phone": "(diubah)", "occupation": ["street_vendor", "farmer"]}
    assert "2222" not in json.dumps(entries)


def test_a_deleted_record_is_not_edited(db, tmp_path):
    regno = enroll(db, tmp_path)
    assert run(db, "delete", regno, "--reason", "Salah input data").returncode == 0
    proc = edit(db, tmp_path, regno, {"address": "Jl. Baru No. 1"})
    assert proc.returncode != 0 and "sudah dihapus" in proc.stderr
    assert show(db, regno)["address"] != "Jl. Baru No. 1"


def test_roles_apply_as_in_the_window(db, tmp_path):
    env = {"LINDUNG_NEW_PASSWORD": "kebun-karet-relawan-7"}
    assert run(db, "user", "add", "admin", "--role", "admin", env=env).returncode == 0
    signed = env | {"LINDUNG_PASSWORD": "kebun-karet-relawan-7"}
    for name, role in (("ani", "volunteer"), ("budi", "volunteer"), ("cetak", "printer")):
        created = run(db, "--user", "admin", "user", "add", name, "--role", role, env=signed)
        assert created.returncode == 0, created.stderr
    source = tmp_path / "one.json"
    source.write_text(json.dumps(make_raw()), encoding="utf-8")
    enrolled = run(db, "--user", "ani", "enroll", str(source), env=signed)
    assert enrolled.returncode == 0, enrolled.stderr
    regno = enrolled.stdout.splitlines()[0]
    changes = {"address": "Jl. Baru No. 1"}

    proc = edit(db, tmp_path, regno, changes, env=signed, user="budi")
    assert proc.returncode == 3
    assert "didaftarkan oleh ani" in proc.stderr and proc.stderr.count("\n") == 1
    proc = edit(db, tmp_path, regno, changes | {"telepon": "1"}, env=signed, user="cetak")
    assert proc.returncode == 3
    assert "Petugas cetak tidak dapat mengubah" in proc.stderr and "telepon" not in proc.stderr
    admin_show = run(db, "--user", "admin", "show", regno, "--json", env=signed)
    assert json.loads(admin_show.stdout)["address"] == make_raw()["address"]   # the refused edits saved nothing
    proc = edit(db, tmp_path, regno, changes, env=signed, user="ani")
    assert proc.returncode == 0, proc.stderr

    shown = run(db, "--user", "admin", "audit", "--action", "edit", "--json", env=signed)
    assert [(e["actor"], e["subject"]) for e in json.loads(shown.stdout)] == [("ani", regno)]

"""The hub believes nothing a laptop claims that its own rules cannot prove (issue 24): crafted requests with
real laptop credentials against the real hub process, on SQLite and PostgreSQL.

Each test here reproduces a finding of an outside attack on the earlier hub and failed there."""

from __future__ import annotations

import copy
import datetime as dt
import json
import threading

import httpx

from tests.hub.test_membership import as_json, ok, write_answer
from tests.hub.test_sync import _token_and_ops, laptop, listed, run, sync
from tests.integration.test_cli import errors

STAMP = "2026-12-01T08:00:00Z"


def push(hub, token, *ops):
    answer = httpx.post(hub.url + "/v1/push", headers={"Authorization": f"Bearer {token}"}, json={"ops": list(ops)},
                        timeout=60)
    assert answer.status_code == 200, answer.text
    return answer.json()["results"]


def op(op_id, record, base=0):
    return {"op_id": op_id, "base_revision": base, "record": record}


def held(hub):
    return {r["id"]: r for r in hub.records()}


def active_batch(tmp_path, hub, workers=3, seed=81, months=12, name="cabang"):
    """A branch laptop whose workers were submitted, answered active by BPJS and paid, all synced."""
    branch = laptop(tmp_path, name, hub, workers=workers, seed=seed, role="admin")
    batch = as_json(run(branch, "bpjs", "export", str(tmp_path / f"{name}.xlsx"), "--json"))["batch"]
    records = sorted(listed(branch).values(), key=lambda r: r["registration_no"])
    rows = [(i + 1, r["nik"], r["full_name"], f"26{seed:03d}{i:06d}", dt.date(2026, 12, 5), "OK")
            for i, r in enumerate(records)]
    write_answer(tmp_path / f"{name}-jawaban.xlsx", rows)
    assert as_json(run(branch, "bpjs", "import", str(tmp_path / f"{name}-jawaban.xlsx"), "--json"))["activated"] == workers
    ok(run(branch, "payment", "add", "--batch", batch, "--months", str(months), "--reference", f"TRF-{name}"))
    sync(branch)
    return branch, batch


def test_coverage_and_status_follow_only_from_the_events_at_the_hub(hub, tmp_path):
    volunteer = laptop(tmp_path, "relawan", hub, workers=1, seed=80, role="volunteer")
    token, ops = _token_and_ops(volunteer)
    forged = dict(ops[0]["record"], coverage_start="2026-01-01", coverage_end="2099-12-31")
    [answer] = push(hub, token, op("no-events", forged))
    assert answer["status"] == "rejected" and "coverage_start: tidak sesuai" in " ".join(answer["errors"])
    assert held(hub) == {}

    branch, _batch = active_batch(tmp_path, hub)
    before = held(hub)
    target = next(iter(before.values()))
    assert target["status"] == "active" and target["coverage_end"] == "2027-12-04"
    token, _ops = _token_and_ops(branch)
    base = target["revision"]
    emptied = {k: v for k, v in target.items() if k != "revision"} | {"lifecycle": [], "coverage_end": "2099-12-31"}
    rewritten = copy.deepcopy(emptied) | {"lifecycle": copy.deepcopy(target["lifecycle"])}
    paid = next(e for e in rewritten["lifecycle"] if e["type"] == "paid")
    paid["months"] = 60
    answers = push(hub, token, op("emptied", emptied, base), op("rewritten", rewritten, base))
    assert [a["status"] for a in answers] == ["rejected", "rejected"]
    assert all("hanya boleh ditambah" in " ".join(a["errors"]) for a in answers)
    # Appending a payment without its coverage following: refused even from the branch.
    more = copy.deepcopy({k: v for k, v in target.items() if k != "revision"})
    more["lifecycle"].append({"type": "paid", "at": STAMP, "by": "x", "payment": "BY-X-1", "months": 60})
    [answer] = push(hub, token, op("unproven", more, base))
    assert answer["status"] == "rejected" and "coverage_end: tidak sesuai" in " ".join(answer["errors"])
    assert held(hub) == before

    # A printer's laptop prints what the events prove.
    printer = laptop(tmp_path, "pencetak", hub, role="printer")
    sync(printer)
    assert {r["coverage_end"] for r in listed(printer).values()} == {"2027-12-04"}


def test_every_date_is_bounded_and_refused_with_a_reason(hub, tmp_path):
    branch = laptop(tmp_path, "cabang", hub, workers=2, seed=82, role="admin")
    token, ops = _token_and_ops(branch)
    events = [{"type": "submitted", "at": STAMP, "by": "x", "batch": "AJ-X-1", "months": 12},
              {"type": "activated", "at": STAMP, "by": "x", "kpj": "26120000777", "start": "9999-12-01"}]
    far = dict(ops[0]["record"], lifecycle=events, status="active", kpj_number="26120000777",
               coverage_start="9999-12-01")
    stamped = dict(ops[1]["record"], enrolled_at="9999-12-01T00:00:00Z")
    answers = push(hub, token, op("far", far), op("stamped", stamped))      # was HTTP 500
    assert [a["status"] for a in answers] == ["rejected", "rejected"]
    assert "tanggal kepesertaan 9999-12-01 tidak masuk akal" in " ".join(answers[0]["errors"])
    assert "enrolled_at" in " ".join(answers[1]["errors"])

    # On the laptop: a BPJS answer row dated 31-12-9999 is reported; the others are applied.
    batch = as_json(run(branch, "bpjs", "export", str(tmp_path / "ajuan.xlsx"), "--json"))["batch"]
    records = sorted(listed(branch).values(), key=lambda r: r["registration_no"])
    write_answer(tmp_path / "jawaban.xlsx", [(1, records[0]["nik"], "", "26120000001", "31-12-9999", ""),
                                            (2, records[1]["nik"], "", "26120000002", "05-12-2026", "")])
    result = as_json(run(branch, "bpjs", "import", str(tmp_path / "jawaban.xlsx"), "--json"))
    assert result["activated"] == 1 and "tiga bulan setelah hari ini" in result["unknown"][0]["reason"]
    assert result["unknown"][0]["value"] == "31-12-9999"
    paid = as_json(run(branch, "payment", "add", "--batch", batch, "--months", "12", "--json"))
    assert paid["records"] == 2
    assert sync(branch).startswith("pushed 2,")


def test_one_live_holder_per_kpj_at_the_hub_even_at_once(hub, tmp_path):
    def proven(record, kpj):
        events = [{"type": "submitted", "at": STAMP, "by": "x", "batch": "AJ-X-1", "months": 12},
                  {"type": "activated", "at": STAMP, "by": "x", "kpj": kpj, "start": "2026-12-05"}]
        return dict(record, lifecycle=events, status="active", kpj_number=kpj, coverage_start="2026-12-05")

    rounds = 6
    a = laptop(tmp_path, "a", hub, workers=rounds + 1, seed=83, role="admin")
    b = laptop(tmp_path, "b", hub, workers=rounds, seed=84, role="admin")
    (token_a, ops_a), (token_b, ops_b) = _token_and_ops(a), _token_and_ops(b)
    first = push(hub, token_a, op("a-first", proven(ops_a[-1]["record"], "26120009999")))
    [second] = push(hub, token_b, op("b-second", proven(ops_b[-1]["record"], "26120009999")))
    assert first[0]["status"] == "accepted"
    assert second["status"] == "rejected" and "sudah dipegang peserta lain" in " ".join(second["errors"])
    # Two laptops pushing the same new KPJ at the same moment: exactly one holds it, every round.
    for n in range(rounds - 1):
        kpj = f"2612100{n:04d}"
        answers, start = {}, threading.Barrier(2)

        def send(name, token, record):
            start.wait()
            answers[name] = push(hub, token, op(f"{name}-{n}", proven(record, kpj)))[0]["status"]

        threads = [threading.Thread(target=send, args=("a", token_a, ops_a[n]["record"])),
                   threading.Thread(target=send, args=("b", token_b, ops_b[n]["record"]))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(answers.values()) == ["accepted", "rejected"], answers
    holders = [r for r in hub.records() if r.get("kpj_number") and r["status"] != "deleted"]
    assert len(holders) == len({r["kpj_number"] for r in holders}) == rounds


def test_review_settles_fields_never_the_membership(sqlite_hub, tmp_path):
    hub = sqlite_hub
    branch, _batch = active_batch(tmp_path, hub, workers=2, seed=85)
    reviewer = laptop(tmp_path, "tinjau", hub, role="admin", review=True)
    other = laptop(tmp_path, "lain", hub, role="admin")
    sync(reviewer), sync(other)
    target = sorted(listed(branch).values(), key=lambda r: r["registration_no"])[0]
    ok(run(branch, "edit", target["registration_no"], "-", stdin=json.dumps({"phone": "0813 1111 0001"})))
    ok(run(other, "edit", target["registration_no"], "-", stdin=json.dumps({"phone": "0813 2222 0002"})))
    sync(branch)
    assert ", conflicts 1," in sync(other)
    token, _ = _token_and_ops(reviewer)
    auth = {"Authorization": f"Bearer {token}"}
    review = httpx.get(hub.url + "/v1/review", headers=auth).json()
    conflict = review["conflicts"][0]
    settled = dict(conflict["incoming"])
    settled["lifecycle"] = settled["lifecycle"] + [
        {"type": "paid", "at": STAMP, "by": "x", "payment": "BY-X-9", "months": 60}]
    settled["coverage_end"] = "2032-12-04"
    answer = httpx.post(f"{hub.url}/v1/conflicts/{conflict['id']}/resolve", headers=auth,
                        json={"record": settled, "revision": conflict["hub"]["revision"], "by": "Koordinator"})
    assert answer.status_code == 200, answer.text
    stored = held(hub)[target["id"]]
    assert stored["phone"] == settled["phone"]                            # the fields the reviewer chose …
    assert stored["lifecycle"] == conflict["hub"]["lifecycle"]            # … never the membership
    assert stored["coverage_end"] == "2027-12-04"


def test_deleting_a_submitted_or_active_record_reaches_the_hub(hub, tmp_path):
    branch, _batch = active_batch(tmp_path, hub, workers=3, seed=86)
    submitted = laptop(tmp_path, "cabang2", hub, workers=2, seed=87, role="admin")
    as_json(run(submitted, "bpjs", "export", str(tmp_path / "dua.xlsx"), "--json"))
    sync(submitted)
    for db in (branch, submitted):
        for record in listed(db).values():
            if record["device_id"] == next(iter(listed(db).values()))["device_id"] and record["status"] != "deleted":
                ok(run(db, "delete", record["registration_no"], "--reason", "Pindah ke luar Kalimantan Barat"))
    assert sync(branch).startswith("pushed 3,") and sync(submitted).startswith("pushed 2,")
    stored = hub.records()
    assert len(stored) == 5 and {r["status"] for r in stored} == {"deleted"}
    # Its history stays: the events, the KPJ it had and the coverage BAZNAS paid for.
    assert all(r["lifecycle"] and r["deleted_reason"] == "Pindah ke luar Kalimantan Barat" for r in stored)
    assert sum(1 for r in stored if r["kpj_number"]) == 3


def test_a_transfer_is_recorded_once_on_a_laptop_and_across_laptops(hub, tmp_path):
    branch, batch = active_batch(tmp_path, hub, workers=3, seed=88, name="cabang")
    again = run(branch, "payment", "add", "--batch", batch, "--months", "12", "--reference", "TRF-cabang")
    assert again.returncode != 0 and "sudah dicatat sebagai pembayaran BY-" in errors(again)
    # A second branch laptop that pulled first: the same transfer is refused there too.
    second = laptop(tmp_path, "cabang-2", hub, role="admin")
    sync(second)
    repeat = run(second, "payment", "add", "--batch", batch, "--months", "12", "--reference", "TRF-cabang")
    assert repeat.returncode != 0 and "sudah dicatat sebagai pembayaran BY-" in errors(repeat)
    coverage = {r["id"]: r["coverage_end"] for r in hub.records()}
    assert set(coverage.values()) == {"2027-12-04"}
    # Crafted: another payment naming the same transfer for the same batch is refused by the hub.
    token, _ = _token_and_ops(second)
    target = next(iter(held(hub).values()))
    record = {k: v for k, v in target.items() if k != "revision"}
    record["lifecycle"] = record["lifecycle"] + [{"type": "paid", "at": STAMP, "by": "x", "payment": "BY-OTHER-0001",
                                                  "months": 12, "reference": "TRF-cabang"}]
    record["coverage_end"] = "2028-12-04"
    [answer] = push(hub, token, op("twice", record, target["revision"]))
    assert answer["status"] == "rejected" and "sudah dicatat sebagai pembayaran" in " ".join(answer["errors"])
    assert {r["id"]: r["coverage_end"] for r in hub.records()} == coverage


def test_no_laptop_changes_or_learns_of_a_record_outside_its_people(hub, tmp_path):
    from tests.hub.test_scope import Laptop

    source = laptop(tmp_path, "cabang", hub, workers=12, seed=89, role="admin")
    sync(source)
    records = hub.records()
    area = records[0]["kecamatan_code"]
    outside = next(r for r in records if r["kecamatan_code"] != area)
    edit = {k: v for k, v in outside.items() if k != "revision"} | {"phone": "0813 9999 0001"}
    missing = dict(edit, id="00000000-0000-4000-8000-000000000000")
    answers = {}
    for role in ("admin", "volunteer"):
        scoped = Laptop(tmp_path, hub, f"{role}-wilayah", "--area", area, role=role)
        token, _ = _token_and_ops(scoped.path)
        # An admin laptop with an area is the branch for that area only; and to any laptop a record outside
        # its people answers exactly as one the hub does not hold.
        answers[role] = [{k: v for k, v in a.items() if k != "op_id"}
                         for a in push(hub, token, op(f"{role}-out", edit, outside["revision"]),
                                       op(f"{role}-none", missing, outside["revision"]))]
        assert answers[role][0] == answers[role][1] == {"status": "rejected", "errors": [
            "data ini belum ada di hub (base_revision harus 0)"]}, answers
    assert held(hub)[outside["id"]] == outside


def test_the_hub_takes_no_more_credit_from_a_worker_than_came_for_them(hub, tmp_path):
    branch, _batch = active_batch(tmp_path, hub, workers=1, seed=82, name="kredit")
    [target] = held(hub).values()
    token, _ops = _token_and_ops(branch)
    came = next(e for e in target["lifecycle"] if e["type"] == "paid")["amount"]
    base = {k: v for k, v in target.items() if k != "revision"}

    def moving(amount, op_id):
        record = copy.deepcopy(base)
        record["lifecycle"].append({"type": "credit_used", "at": STAMP, "by": "x", "amount": amount,
                                    "refund": "RF-X-0001"})
        return op(op_id, record, target["revision"])

    [answer] = push(hub, token, moving(came + 1, "too-much"))
    assert answer["status"] == "rejected"
    assert "kredit yang dipakai melebihi uang yang dibayar" in " ".join(answer["errors"])
    assert held(hub)[target["id"]]["lifecycle"] == target["lifecycle"]
    [answer] = push(hub, token, moving(came, "all-of-it"))      # within the bound: the months become owed
    assert answer["status"] in ("applied", "accepted"), answer

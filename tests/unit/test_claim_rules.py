"""What is due on the day of a death or an accident: coverage from the record's events, the benefit and
its amount from dated rules with their sources, deadlines, gaps that cost benefits, who claims, and
what to bring."""

import csv
import datetime as dt
import shutil

import pytest

from desktop.domain import claims
from desktop.domain.claims import (ACCIDENT, DEATH, ILLNESS, JKK, JKM, Incident, NoRule, Person, claimant, gap_risks,
                                   judge, membership_on, parse_claim_rules)
from desktop.services import claim_rules as rules_file
from desktop.services.claim_rules import CLAIM_RULES_CSV, read_claim_rules, shipped_claim_rules
from desktop.services.errors import ServiceError

D = dt.date
RULES = shipped_claim_rules()
ANSWER = "0123456789abcdef0123456789abcdef"


def ev(kind, at="2025-12-20", **fields):
    return {"type": kind, "at": f"{at}T08:00:00Z", "by": "admin", **fields}


def record(start="2026-01-01", months=12, income=1_000_000, renewals=()):
    """Submitted, paid ``months`` before BPJS's answer, active from ``start``; each renewal is
    (months, from-day or None, recorded day)."""
    events = [ev("submitted", batch="AJ-ABCDEF-0001", months=months, income=income),
              ev("paid", payment="BY-1", months=months, amount=16_800 * months),
              ev("activated", kpj="26010000001", start=start, answer=ANSWER)]
    for number, (more, restart, at) in enumerate(renewals, 2):
        extra = {"from": restart} if restart else {}
        events.append(ev("paid", at=at, payment=f"BY-{number}", months=more, amount=16_800 * more, **extra))
    return events


def death(day, at_work=False):
    return Incident(DEATH, day, at_work, place="Desa Sungai Ambawang", what="meninggal", reported_by="kader")


def accident(day, at_work=True, kind=ACCIDENT):
    return Incident(kind, day, at_work, place="kebun karet", what="jatuh dari pohon karet", reported_by="kader")


def nth_day(start, n):
    """The n-th day of membership (day 1 is the start)."""
    return start + dt.timedelta(days=n - 1)


# --- JKM: the first 3 months ------------------------------------------------------------------------

def test_a_death_on_the_89th_and_90th_day_of_membership_leaves_10_million_and_on_the_91st_42_million():
    events = record(start="2026-01-01")        # Jan + Feb + Mar 2026 = 90 days
    start = D(2026, 1, 1)
    for n, amount in ((89, 10_000_000), (90, 10_000_000), (91, 42_000_000)):
        judgement = judge(events, death(nth_day(start, n)), RULES)
        assert (judgement.covered, judgement.benefit, judgement.amount) == (True, JKM, amount), n
    assert nth_day(start, 91) == D(2026, 4, 1)
    assert "Rp 10.000.000" in judge(events, death(D(2026, 3, 31)), RULES).why
    assert "penuh mulai 01-04-2026" in judge(events, death(D(2026, 3, 31)), RULES).why
    assert "Rp 42.000.000" in judge(events, death(D(2026, 4, 1)), RULES).why


def test_the_three_months_are_calendar_months_as_coverage_counts_them():
    # From 1 March, three months are 92 days: the 91st day (30 May) is still in the first three.
    events = record(start="2026-03-01")
    assert judge(events, death(D(2026, 5, 30)), RULES).amount == 10_000_000
    assert judge(events, death(D(2026, 5, 31)), RULES).amount == 10_000_000
    assert judge(events, death(D(2026, 6, 1)), RULES).amount == 42_000_000


def test_on_the_day_coverage_ends_covered_and_the_day_after_not():
    events = record(start="2026-01-01", months=12)
    last = judge(events, death(D(2026, 12, 31)), RULES)
    assert (last.covered, last.benefit, last.amount) == (True, JKM, 42_000_000)
    after = judge(events, death(D(2027, 1, 1)), RULES)
    assert (after.covered, after.benefit, after.amount) == (False, None, None)
    assert "perlindungan berakhir 31-12-2026" in after.why
    assert after.report("K-1") == {"claim": "K-1", "covered": False, "benefit": None, "amount": None,
                                   "why": after.why}
    assert {w.field for w in after.warnings} == {"jkm_months", "scholarship"}


def test_a_renewal_gap_restarts_the_three_months_and_a_renewal_without_one_does_not():
    gap = record(start="2026-01-01", months=6, renewals=[(12, "2026-08-01", "2026-08-01")])
    joined = record(start="2026-01-01", months=6, renewals=[(12, None, "2026-06-20")])
    # In the gap: not covered.
    assert judge(gap, death(D(2026, 7, 15)), RULES).covered is False
    assert judge(joined, death(D(2026, 7, 15)), RULES).amount == 42_000_000
    # The renewed run's first three months: 1 August to 31 October.
    for day, amount in ((D(2026, 8, 1), 10_000_000), (D(2026, 10, 31), 10_000_000), (D(2026, 11, 1), 42_000_000)):
        judgement = judge(gap, death(day), RULES)
        assert (judgement.covered, judgement.amount) == (True, amount), day
        assert judge(joined, death(day), RULES).amount == 42_000_000, day
    in_gap = judge(gap, death(D(2026, 8, 1)), RULES)
    assert "Ada jeda perlindungan" in " ".join(w.message for w in in_gap.warnings)
    assert "sejak 01-08-2026" in in_gap.why
    assert not judge(joined, death(D(2026, 8, 1)), RULES).warnings


def test_not_covered_before_bpjs_answers_nor_once_the_answer_is_undone():
    submitted = record()[:2]
    judgement = judge(submitted, death(D(2026, 2, 1)), RULES)
    assert (judgement.covered, judgement.benefit) == (False, None) and "belum menjadi peserta aktif" in judgement.why
    undone = record() + [ev("answer_undone", answer=ANSWER, file="jawaban.xlsx")]
    assert judge(undone, death(D(2026, 2, 1)), RULES).covered is False
    before_start = judge(record(start="2026-01-10"), death(D(2026, 1, 9)), RULES)
    assert before_start.covered is False and "baru mulai 10-01-2026" in before_start.why


def test_a_payment_recorded_after_the_death_that_covers_it_is_flagged():
    late = record(start="2026-01-01", months=3, renewals=[(3, None, "2026-04-20")])
    judgement = judge(late, death(D(2026, 4, 10)), RULES)
    assert judgement.amount == 42_000_000
    assert [w.field for w in judgement.warnings] == ["coverage"]
    assert "20-04-2026" in judgement.warnings[0].message
    assert not judge(late, death(D(2026, 3, 10)), RULES).warnings


# --- JKM: the scholarship -----------------------------------------------------------------------------

def test_scholarship_from_the_third_anniversary_not_the_day_before():
    events = record(start="2026-01-01", months=48)
    before = judge(events, death(D(2028, 12, 31)), RULES)
    on = judge(events, death(D(2029, 1, 1)), RULES)
    assert (before.scholarship_eligible, before.membership.contribution_months) == (False, 35)
    assert (on.scholarship_eligible, on.scholarship_children, on.membership.contribution_months) == (True, 2, 36)
    assert "paling banyak 2 anak" in on.why and "kurang dari 36 bulan" in before.why


def test_a_gap_delays_the_scholarship_by_its_months():
    # 12 months, a gap of 2 months (January and February 2027), then 36 more.
    events = record(start="2026-01-01", months=12, renewals=[(36, "2027-03-01", "2027-03-01")])
    assert judge(events, death(D(2029, 1, 1)), RULES).scholarship_eligible is False
    assert judge(events, death(D(2029, 2, 28)), RULES).scholarship_eligible is False
    assert judge(events, death(D(2029, 3, 1)), RULES).scholarship_eligible is True
    risks = gap_risks(events, D(2029, 1, 1), RULES)
    assert [r.field for r in risks] == ["scholarship"]
    assert "masa iur 34 bulan" in risks[0].message


# --- JKK ---------------------------------------------------------------------------------------------

def test_an_accident_at_work_is_jkk_with_its_deadlines_and_away_from_work_nothing_is_due():
    events = record(start="2026-01-01")
    at_work = judge(events, accident(D(2026, 5, 10)), RULES)
    assert (at_work.covered, at_work.benefit, at_work.amount) == (True, JKK, None)
    assert "dinilai BPJS" in at_work.why
    report, lapse = at_work.deadlines
    assert (report.kind, report.day, lapse.kind, lapse.day) == ("report", D(2026, 5, 12), "lapse", D(2031, 5, 9))
    assert "12-05-2026" in report.message and "09-05-2031" in lapse.message
    assert "PP 82/2019" in lapse.source and "2 x 24 jam" in report.source
    assert not lapse.passed(D(2031, 5, 9)) and lapse.passed(D(2031, 5, 10))
    assert report.passed(D(2026, 5, 13)) and not report.passed(D(2026, 5, 12))
    away = judge(events, accident(D(2026, 5, 10), at_work=False), RULES)
    assert (away.covered, away.benefit, away.amount, away.deadlines) == (True, None, None, ())
    illness = judge(events, accident(D(2026, 5, 10), kind=ILLNESS), RULES)
    assert illness.benefit == JKK and claims.claim_type(illness, accident(D(2026, 5, 10), kind=ILLNESS)) == "jkk"


def test_a_death_at_work_is_jkk_48_times_the_declared_bracket_assessed_by_bpjs():
    events = record(start="2026-01-01", income=2_000_000)
    judgement = judge(events, death(D(2026, 2, 1), at_work=True), RULES)
    assert (judgement.benefit, judgement.amount, judgement.known_part) == (JKK, None, 96_000_000)
    assert "48 × Rp 2.000.000 = Rp 96.000.000" in judgement.why
    assert judgement.scholarship_eligible is None
    # A submission from before brackets were recorded: the default bracket, as the ledger prices it.
    old = [dict(e) for e in events]
    del old[0]["income"]
    assert judge(old, death(D(2026, 2, 1), at_work=True), RULES).known_part == 48_000_000
    # The same death away from work is JKM, in the first three months.
    assert judge(events, death(D(2026, 2, 1)), RULES).amount == 10_000_000


def test_the_rule_in_force_on_the_incidents_day_applies_and_a_day_before_the_first_is_refused():
    events = record(start="2019-01-01", months=60)
    old = judge(events, accident(D(2019, 12, 1)), RULES)
    new = judge(events, accident(D(2019, 12, 2)), RULES)
    assert old.deadlines[1].day == D(2021, 11, 30) and "PP 44/2015" in old.deadlines[1].source
    assert new.deadlines[1].day == D(2024, 12, 1) and "PP 82/2019" in new.deadlines[1].source
    with pytest.raises(NoRule) as refused:
        judge(events, death(D(2019, 6, 1)), RULES)
    assert refused.value.message.startswith("Aturan klaim jkm_full_after_months baru berlaku sejak 02-12-2019")
    early = record(start="2015-03-01", months=12)
    with pytest.raises(NoRule, match="sejak 01-07-2015; kejadian tanggal 01-05-2015"):
        judge(early, accident(D(2015, 5, 1)), RULES)


# --- coverage gaps that cost benefits ----------------------------------------------------------------

def test_gap_risks_about_to_lapse_lapsed_and_renewed_after_a_gap():
    events = record(start="2026-01-01", months=12)
    assert gap_risks(events, D(2026, 11, 30), RULES) == []
    soon = gap_risks(events, D(2026, 12, 10), RULES)
    assert [r.field for r in soon] == ["jkm_months", "scholarship"] and "31-12-2026" in soon[0].message
    assert [r.field for r in gap_risks(events, D(2027, 2, 1), RULES)] == ["jkm_months", "scholarship"]
    renewed = record(start="2026-01-01", months=12, renewals=[(12, "2027-03-01", "2027-03-01")])
    after_gap = gap_risks(renewed, D(2027, 4, 1), RULES)
    assert [r.field for r in after_gap] == ["jkm_months"] and "01-06-2027" in after_gap[0].message
    assert gap_risks(renewed, D(2027, 6, 1), RULES) == []        # three months since the restart
    assert gap_risks(record()[:2], D(2026, 6, 1), RULES) == []   # never covered: nothing to lose yet
    member = membership_on(renewed, D(2027, 6, 1))
    assert (member.gaps, member.unbroken_months, member.contribution_months) == (1, 3, 15)


# --- who claims --------------------------------------------------------------------------------------

def test_the_heir_on_the_record_claims_else_the_legal_order():
    heir = Person("SITI", "sibling", "081234567890")
    family = [Person("BUDI", "in_law"), Person("ANI", "child", "081311112222"),
              Person("RUDI", "grandchild"), Person("WATI", "spouse", able=False), Person("ALI", "parent")]
    chosen = claimant(heir, family)
    assert chosen.person == heir and "Anak didahulukan" in chosen.warnings[0].message
    unable = Person("SITI", "sibling", able=False)
    assert claimant(unable, family).person.name == "ANI"
    assert claimant(unable, family).person.phone == "081311112222"
    assert claimant(unable, family[:1] + family[2:]).person.name == "ALI"
    assert claimant(unable, [Person("BUDI", "in_law"), Person("RUDI", "grandchild")]).person.name == "RUDI"
    assert claimant(unable, [Person("BUDI", "in_law"), Person("YUNI", "named")]).person.name == "BUDI"
    assert claimant(None, [Person("X", "sibling"), Person("Y", "in_law")]).person.name == "X"
    nobody = claimant(unable, [Person("WATI", "spouse", able=False)])
    assert nobody.person is None and "Balai Harta Peninggalan" in nobody.reason.message
    assert claimant(Person("WATI", "spouse"), family).warnings == ()


# --- the documents -----------------------------------------------------------------------------------

def test_each_claim_has_its_checklist_with_indonesian_labels():
    events = record(start="2026-01-01")
    jkm = judge(events, death(D(2026, 6, 1)), RULES)
    assert claims.claim_type(jkm, death(D(2026, 6, 1))) == "jkm"
    assert [d.key for d in claims.checklist("jkm")] == [
        "kpj_card", "ktp_worker", "ktp_heir", "death_certificate", "family_card", "heirship_letter",
        "marriage_book", "heir_savings_book"]
    jkk_death = judge(events, death(D(2026, 6, 1), at_work=True), RULES)
    kind = claims.claim_type(jkk_death, death(D(2026, 6, 1), at_work=True))
    assert kind == "jkk_death" and {"accident_report", "heirship_letter"} <= {d.key for d in claims.checklist(kind)}
    assert {"accident_report", "medical_papers", "worker_savings_book"} <= {d.key for d in claims.checklist("jkk")}
    assert "heir_savings_book" not in {d.key for d in claims.checklist("jkk")}
    assert claims.claim_type(judge(events, death(D(2027, 6, 1)), RULES), death(D(2027, 6, 1))) is None
    assert claims.checklist("jkm")[6].when == "bila ahli waris suami/istri"
    assert claims.checklist("jkm")[0].label == "Kartu peserta BPJS Ketenagakerjaan (KPJ)"
    assert claims.checklist("jkk")[-1].label == "Buku tabungan atas nama peserta"


def test_an_incident_is_checked_before_it_is_recorded():
    today = D(2026, 6, 1)
    assert claims.incident_problems(death(D(2026, 5, 31)), today) == []
    fields = {p.field for p in claims.incident_problems(
        Incident("flood", D(2026, 6, 2), False, reported_by=" "), today)}
    assert fields == {"kind", "day", "reported_by"}
    assert [p.field for p in claims.incident_problems(accident(D(2026, 5, 1), False, ILLNESS), today)] == ["at_work"]
    assert [p.field for p in claims.incident_problems(death(D(2014, 12, 31)), today)] == ["day"]


# --- the data file -----------------------------------------------------------------------------------

def with_rows(tmp_path, *rows):
    copy = tmp_path / "claim_rules.csv"
    shutil.copyfile(CLAIM_RULES_CSV, copy)
    with copy.open("a", encoding="utf-8") as handle:
        handle.writelines(row + "\n" for row in rows)
    return copy


def test_the_shipped_rules_carry_their_dates_and_sources():
    assert {rule.name for rule in RULES.rules} == set(claims.RULES)
    assert all(rule.source for rule in RULES.rules)
    assert (RULES.value("jkm_total", D(2019, 12, 2)), RULES.value("jkm_early_total", D(2026, 1, 1))) == (
        42_000_000, 10_000_000)
    assert RULES.rule("jkm_total", D(2026, 1, 1)).source.startswith("PP 82/2019")
    assert [RULES.value("scholarship_after_months", day) for day in (D(2019, 12, 1), D(2019, 12, 2))] == [60, 36]
    assert RULES.value("jkk_death_income_multiple", D(2015, 7, 1)) == 48
    with pytest.raises(NoRule):
        RULES.rule("jkk_death_income_multiple", D(2015, 6, 30))


def test_a_new_row_applies_from_its_first_day(tmp_path):
    after = read_claim_rules(with_rows(tmp_path, "jkm_total,2028-01-01,,50000000,PP 99/2027 Pasal 34"))
    events = record(start="2026-01-01", months=36)
    assert judge(events, death(D(2027, 12, 31)), after).amount == 42_000_000
    newer = judge(events, death(D(2028, 1, 1)), after)
    assert newer.amount == 50_000_000 and "PP 99/2027 Pasal 34" in [r.source for r in newer.rules]
    assert judge(events, death(D(2028, 1, 1)), RULES).amount == 42_000_000


@pytest.mark.parametrize(("row", "reason"), [
    ("jkm_bonus,2028-01-01,,1,PP 1", "aturan \"jkm_bonus\" tidak dikenal"),
    ("jkm_total,2028-01-01,,50000000,", "sumbernya"),
    ("jkm_total,01-01-2028,,50000000,PP 1", "bukan tanggal bertulis TTTT-BB-HH"),
    ("jkm_total,2028-02-30,,50000000,PP 1", "bukan tanggal"),
    ("jkm_total,2019-12-02,,50000000,PP 1", "berlaku mulai tanggal yang sama"),
    ("jkm_total,2028-01-01,2027-01-01,50000000,PP 1", "last_day sebelum first_day"),
    ("jkk_report_hours,2030-01-01,,0,PP 1", "harus bilangan bulat 1 sampai"),
    ("jkk_report_hours,2030-01-01,,abc,PP 1", "harus bilangan bulat"),
    ("jkk_report_hours,2030-01-01", "harus 5 kolom"),
])
def test_a_malformed_row_is_refused_with_its_line(tmp_path, row, reason):
    with pytest.raises(ServiceError) as refused:
        read_claim_rules(with_rows(tmp_path, row))
    assert "claim_rules.csv salah di baris 13" in refused.value.message and reason in refused.value.message


def test_a_rule_that_ends_leaves_no_day_without_one_and_none_is_missing():
    with CLAIM_RULES_CSV.open(newline="", encoding="utf-8") as handle:
        header, *rows = list(csv.reader(handle))
    ended = [row if row[0] != "jkm_total" else [row[0], row[1], "2030-12-31", *row[3:]] for row in rows]
    with pytest.raises(claims.ClaimRulesError, match="setelah 2030-12-31 tidak ada jkm_total"):
        parse_claim_rules([header, *ended])
    with pytest.raises(claims.ClaimRulesError, match="tidak ada baris jkk_report_hours"):
        parse_claim_rules([header, *(row for row in rows if row[0] != "jkk_report_hours")])
    with pytest.raises(claims.ClaimRulesError, match="kepala kolom"):
        parse_claim_rules([["kind", "first_month"]])
    assert len(parse_claim_rules([header, *rows]).rules) == len(rows)


def test_an_unreadable_file_is_a_clear_message_and_the_shipped_file_is_read_once(tmp_path, monkeypatch):
    with pytest.raises(ServiceError, match="claim_rules.csv tidak dapat dibaca"):
        read_claim_rules(tmp_path / "claim_rules.csv")
    monkeypatch.setattr(rules_file, "CLAIM_RULES_CSV", tmp_path / "claim_rules.csv")
    assert shipped_claim_rules() is RULES          # cached: the shipped file is not read again

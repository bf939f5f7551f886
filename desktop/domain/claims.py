"""What is due when a covered worker dies or has a work accident, judged on the day it happened.

The figures and time limits are dated rules with their source (``resources/claims/claim_rules.csv``, read
by ``desktop.services.claim_rules``; no file I/O here). A row is ``rule, first_day, last_day, value,
source``; of the rows of a rule in force on the incident's day, the one beginning last wins; a day before
a rule's first row cannot be judged (``NoRule``). The rules:

- ``jkm_total``: JKM in rupiah for a death not caused by work (death benefit, periodic benefit paid at
  once and funeral costs);
- ``jkm_early_total``: what JKM pays instead when a BPU member dies within the first
  ``jkm_full_after_months`` months of membership;
- ``scholarship_after_months`` / ``scholarship_children``: JKM's scholarship needs that many months of
  contributions, for up to that many children;
- ``jkk_death_income_multiple``: a death at work pays that many times the declared income (plus funeral
  and periodic benefits BPJS assesses);
- ``jkk_report_hours``: a work accident is reported to BPJS within that many hours;
- ``jkk_claim_lapse_years``: the right to claim JKK lapses that many years after the accident (or the
  diagnosis of a work-related illness).

**Coverage** is what the record's events say (``lifecycle.derive``, replayed event by event, gives every
span of days the payments bought; spans that follow one another without a day between them make one
unbroken **run**). A worker is covered on a day inside a run.

**Membership, as read here.** The 3-month condition counts the *unbroken* membership up to the day: the
months since the first day of the run that holds the day; a renewal after a gap starts it again (BPJS
speaks of "masa kepesertaan ... secara aktif"). Months are calendar months as coverage counts them
(``text.add_months``): the first 3 months of a run starting on S are the days S .. add_months(S, 3) - 1,
exactly what 3 monthly contributions buy; a death from add_months(S, 3) on has 3 full months behind it.
From 1 January that is days 1 to 90 of membership (Rp 10 million) and day 91 on (Rp 42 million).
The scholarship's 3 years are *contributions* ("masa iur"): the full months of every run before the day,
added up, so a gap does not start them again but its months do not count; with no gap the anniversary
add_months(S, 36) is the first day it is reached, the day before is not.

**Deadlines.** A work accident (or the diagnosis of a work-related illness) on day D is reported by
D + 2 days (2 × 24 hours from the hour it happened, which the record does not hold); the right to claim
JKK is lost once ``jkk_claim_lapse_years`` have passed: the last day to claim is the day before the
anniversary. JKM has no claim deadline for a member who was active.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.domain import lifecycle
from desktop.domain.contributions import BRACKET_DEFAULT, submitted_bracket
from desktop.domain.messages import QT_TRANSLATE_NOOP, Problem, warning
from desktop.domain.rule_rows import RuleRowError
from desktop.domain.text import add_months, format_date, format_rupiah

CONTEXT = "Claims"

# --- the rules file --------------------------------------------------------------------------------

COLUMNS = ("rule", "first_day", "last_day", "value", "source")
# rule -> the largest value that can be meant (a figure beyond is a typing error)
RULES: dict[str, int] = {
    "jkm_total": 10**10,
    "jkm_early_total": 10**10,
    "jkm_full_after_months": 120,
    "scholarship_after_months": 600,
    "scholarship_children": 20,
    "jkk_death_income_multiple": 1_000,
    "jkk_report_hours": 24 * 365,
    "jkk_claim_lapse_years": 100,
}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ClaimRulesError(RuleRowError):
    """A malformed row of the claim rules file."""


class NoRule(ValueError):
    """An incident on a day before the first row of a rule it needs: it cannot be judged."""

    template = QT_TRANSLATE_NOOP("Claims", "Aturan klaim {rule} baru berlaku sejak {first}; kejadian tanggal "
                                           "{day} tidak dapat dinilai. Tanyakan ke kantor cabang BPJS Ketenagakerjaan.")

    def __init__(self, rule: str, day: dt.date, first: dt.date | None) -> None:
        self.params = {"rule": rule, "day": format_date(day), "first": format_date(first) if first else "-"}
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)


@dataclass(frozen=True)
class Rule:
    name: str
    first_day: dt.date
    last_day: dt.date | None     # None: still in force
    value: int
    source: str
    row: int

    def in_force(self, day: dt.date) -> bool:
        return self.first_day <= day and (self.last_day is None or day <= self.last_day)


@dataclass(frozen=True)
class ClaimRules:
    rules: tuple[Rule, ...]

    def rule(self, name: str, day: dt.date) -> Rule:
        """The row of ``name`` in force on ``day`` (of several, the one beginning last); ``NoRule`` before
        the first."""
        best: Rule | None = None
        for rule in self.rules:
            if rule.name == name and rule.in_force(day) and (best is None or rule.first_day > best.first_day):
                best = rule
        if best is None:
            firsts = [rule.first_day for rule in self.rules if rule.name == name]
            raise NoRule(name, day, min(firsts) if firsts else None)
        return best

    def value(self, name: str, day: dt.date) -> int:
        return self.rule(name, day).value


def _day_of(text: str, row: int, column: str) -> dt.date:
    try:
        if not _DAY.match(text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ClaimRulesError(row, f"{column} \"{text}\" bukan tanggal bertulis TTTT-BB-HH (mis. 2019-12-02).") from None


def parse_claim_rules(rows: Iterable[Sequence[str]]) -> ClaimRules:
    """The rules of ``rows`` as read from the CSV file, its header first (blank rows skipped), each row
    checked: a malformed row, two rows of a rule beginning the same day, a day left without a rule after
    one ends, or a rule missing altogether, is refused with its line number."""
    lines = iter(rows)
    header = [cell.strip().lower() for cell in next(lines, [])]
    if tuple(header[:len(COLUMNS)]) != COLUMNS:
        raise ClaimRulesError(1, "kepala kolom harus " + ",".join(COLUMNS) + ".")
    rules: list[Rule] = []
    for number, cells in enumerate(lines, start=2):
        cells = [cell.strip() for cell in cells]
        if not any(cells):
            continue
        if len(cells) < len(COLUMNS):
            raise ClaimRulesError(number, f"harus {len(COLUMNS)} kolom ({','.join(COLUMNS)}), ada {len(cells)}.")
        name, first_text, last_text, value_text, source = cells[:len(COLUMNS)]
        if name not in RULES:
            raise ClaimRulesError(number, f"aturan \"{name}\" tidak dikenal: {', '.join(RULES)}.")
        if not source:
            raise ClaimRulesError(number, "sumbernya (peraturan dan pasalnya) tidak ditulis.")
        if not value_text.isdigit() or not 1 <= int(value_text) <= RULES[name]:
            raise ClaimRulesError(number, f"nilai \"{value_text}\" harus bilangan bulat 1 sampai {RULES[name]}.")
        first = _day_of(first_text, number, "first_day")
        last = _day_of(last_text, number, "last_day") if last_text else None
        if last is not None and last < first:
            raise ClaimRulesError(number, "last_day sebelum first_day.")
        for other in rules:
            if other.name == name and other.first_day == first:
                raise ClaimRulesError(number, f"{name} baris {other.row} berlaku mulai tanggal yang sama.")
        rules.append(Rule(name, first, last, int(value_text), source, number))
    for name in RULES:
        if not any(rule.name == name for rule in rules):
            raise ClaimRulesError(1, f"tidak ada baris {name}.")
    for rule in rules:       # no day without a rule after one ends
        if rule.last_day is not None:
            after = rule.last_day + dt.timedelta(days=1)
            if not any(other.name == rule.name and other.in_force(after) for other in rules):
                raise ClaimRulesError(rule.row, f"setelah {rule.last_day.isoformat()} tidak ada {rule.name} yang berlaku.")
    return ClaimRules(tuple(rules))


# --- the incident ---------------------------------------------------------------------------------

DEATH, ACCIDENT, ILLNESS = lifecycle.DEATH, lifecycle.ACCIDENT, lifecycle.ILLNESS
KINDS = lifecycle.INCIDENT_KINDS
KIND_LABELS = {
    DEATH: QT_TRANSLATE_NOOP("Claims", "Meninggal dunia"),
    ACCIDENT: QT_TRANSLATE_NOOP("Claims", "Kecelakaan kerja"),
    ILLNESS: QT_TRANSLATE_NOOP("Claims", "Penyakit akibat kerja"),
}
MAX_TEXT = 500


@dataclass(frozen=True)
class Incident:
    """A death, an accident or a work-related illness (``day``: the day of the death or accident, or of
    the illness's diagnosis). ``at_work``: it happened in the course of work (or the illness comes from
    it)."""

    kind: str
    day: dt.date
    at_work: bool
    place: str = ""
    what: str = ""            # what happened, in the reporter's words
    reported_by: str = ""


def incident_problems(incident: Incident, today: dt.date) -> list[Problem]:
    """Why an incident cannot be recorded as given (Indonesian messages, field named)."""
    problems: list[Problem] = []
    if incident.kind not in KINDS:
        problems.append(Problem("kind", QT_TRANSLATE_NOOP("Claims", "Jenis kejadian harus meninggal, kecelakaan, atau penyakit akibat kerja.")))
    if incident.day > today:
        problems.append(Problem("day", QT_TRANSLATE_NOOP("Claims", "Tanggal kejadian {day} belum lewat. Periksa tanggalnya."),
                                {"day": format_date(incident.day)}))
    elif incident.day < lifecycle.EARLIEST_DAY:
        problems.append(Problem("day", QT_TRANSLATE_NOOP("Claims", "Tanggal kejadian {day} sebelum program BPU berjalan. Periksa tanggalnya."),
                                {"day": format_date(incident.day)}))
    if incident.kind == ILLNESS and not incident.at_work:
        problems.append(Problem("at_work", QT_TRANSLATE_NOOP("Claims", "Penyakit dicatat hanya bila akibat kerja (JKK).")))
    for name in ("place", "what", "reported_by"):
        if len(getattr(incident, name)) > MAX_TEXT:
            problems.append(Problem(name, QT_TRANSLATE_NOOP("Claims", "Isian ini paling panjang {limit} huruf."), {"limit": MAX_TEXT}))
    if not incident.reported_by.strip():
        problems.append(Problem("reported_by", QT_TRANSLATE_NOOP("Claims", "Tulis siapa yang melaporkan kejadian ini.")))
    return problems


# --- coverage from the events ---------------------------------------------------------------------

@dataclass(frozen=True)
class Span:
    """Days of coverage one event bought (an activation: the months paid before it; a payment: its
    months), and the day that event was recorded."""

    begins: dt.date
    ends: dt.date
    recorded: dt.date | None


@dataclass(frozen=True)
class Run:
    """Unbroken coverage: spans following one another without a day between them."""

    begins: dt.date
    ends: dt.date
    spans: tuple[Span, ...]

    def holds(self, day: dt.date) -> bool:
        return self.begins <= day <= self.ends


def coverage_spans(events: Sequence[Mapping[str, Any]]) -> list[Span]:
    """The spans of days the record's events bought, in order: ``lifecycle.derive`` replayed after each
    event (events of an undone answer left out, as derive leaves them), each change of coverage end one
    span."""
    undone = lifecycle.undone_answers(events)
    kept = [e for e in events if not (undone and e.get("type") != lifecycle.UNDONE and e.get("answer") in undone)]
    spans: list[Span] = []
    end: dt.date | None = None
    paid_on: dt.date | None = None      # the day the last payment was recorded
    for index, event in enumerate(kept):
        kind = event.get("type")
        if kind == lifecycle.PAID:
            paid_on = lifecycle.stamp_day(event.get("at"))
        elif kind != lifecycle.ACTIVATED:
            continue        # only a payment or an activation moves the coverage end
        state = lifecycle.derive(kept[:index + 1])
        if state.coverage_end is None or state.coverage_end == end or state.coverage_start is None:
            continue
        if kind == lifecycle.PAID:
            begins = lifecycle.paid_begin(state.coverage_start, end, event)
        else:           # the activation of months paid before BPJS's answer (recorded when they were paid)
            begins = state.coverage_start
        if state.coverage_end >= begins:
            spans.append(Span(begins, state.coverage_end, paid_on))
        end = state.coverage_end
    return spans


def coverage_runs(events: Sequence[Mapping[str, Any]]) -> list[Run]:
    runs: list[Run] = []
    for span in coverage_spans(events):
        if runs and span.begins <= runs[-1].ends + dt.timedelta(days=1):
            last = runs[-1]
            runs[-1] = Run(last.begins, max(last.ends, span.ends), last.spans + (span,))
        else:
            runs.append(Run(span.begins, span.ends, (span,)))
    return runs


def months_between(begins: dt.date, day: dt.date) -> int:
    """Full months from ``begins`` to the day before ``day`` (``add_months(begins, n) <= day``)."""
    if day <= begins:
        return 0
    months = (day.year - begins.year) * 12 + day.month - begins.month
    while months > 0 and add_months(begins, months) > day:
        months -= 1
    return months


@dataclass(frozen=True)
class Membership:
    """A worker's membership as it stood on ``day``."""

    day: dt.date
    run: Run | None                  # the unbroken coverage holding the day (None: not covered)
    runs: tuple[Run, ...]
    unbroken_months: int             # full months of ``run`` before the day
    contribution_months: int         # full months of every run before the day ("masa iur")

    @property
    def covered(self) -> bool:
        return self.run is not None

    @property
    def gaps(self) -> int:
        """Gaps before the day (runs that began before it, less one)."""
        return max(0, sum(1 for run in self.runs if run.begins <= self.day) - 1)


def membership_on(events: Sequence[Mapping[str, Any]], day: dt.date) -> Membership:
    runs = tuple(coverage_runs(events))
    run = next((r for r in runs if r.holds(day)), None)
    contributed = sum(months_between(r.begins, min(day, r.ends + dt.timedelta(days=1))) for r in runs if r.begins < day)
    return Membership(day, run, runs, months_between(run.begins, day) if run else 0, contributed)


# --- the judgement --------------------------------------------------------------------------------

JKM, JKK = "JKM", "JKK"
REPORT, LAPSE = "report", "lapse"


@dataclass(frozen=True)
class Deadline:
    kind: str                 # REPORT (to BPJS, 2 x 24 hours) or LAPSE (the last day to claim JKK)
    day: dt.date              # the last day
    template: str
    params: dict[str, object] = field(default_factory=dict, compare=False, hash=False)
    source: str = ""

    @property
    def message(self) -> str:
        return self.template.format(**self.params)

    def passed(self, today: dt.date) -> bool:
        return today > self.day


@dataclass(frozen=True)
class Judgement:
    covered: bool
    benefit: str | None                 # JKM, JKK, or None (nothing is due)
    amount: int | None                  # rupiah; None where BPJS assesses it
    reasons: tuple[Problem, ...]        # why, in order (templates in context "Claims")
    deadlines: tuple[Deadline, ...] = ()
    scholarship_eligible: bool | None = None   # None: not a JKM death (BPJS assesses JKK's)
    scholarship_children: int = 0
    warnings: tuple[Problem, ...] = ()
    rules: tuple[Rule, ...] = ()        # the rules applied, with their sources
    membership: Membership | None = None
    known_part: int | None = None       # JKK death: 48 x the declared income (the rest BPJS assesses)

    @property
    def why(self) -> str:
        return " ".join(reason.message for reason in self.reasons)

    def report(self, claim: object = None) -> dict[str, Any]:
        """What ``lindung claim report`` prints."""
        return {"claim": claim, "covered": self.covered, "benefit": self.benefit, "amount": self.amount,
                "why": self.why}


def _why(template: str, **params: object) -> Problem:
    return Problem("why", template, params)


def judge(events: Sequence[Mapping[str, Any]], incident: Incident, rules: ClaimRules,
          default_bracket: int = BRACKET_DEFAULT) -> Judgement:
    """What is due for ``incident`` on a record with ``events``, judged on the incident's day.
    ``default_bracket``: the declared income of a worker submitted before brackets were recorded (as the
    ledger prices them). ``NoRule`` for a day before a rule it needs."""
    day = incident.day
    membership = membership_on(events, day)
    jkm = incident.kind == DEATH and not incident.at_work
    # The 3-month and 3-year conditions are JKM's: a gap matters to a death away from work.
    warnings = gap_risks(events, day, rules, membership=membership, soon_days=0) if jkm else []
    if membership.run is not None:
        late = [span for span in membership.run.spans if span.begins <= day and span.recorded and span.recorded > day]
        if late:
            warnings.append(warning("coverage", QT_TRANSLATE_NOOP(
                "Claims", "Pembayaran yang menanggung tanggal kejadian dicatat sesudahnya ({recorded}); BPJS dapat menolaknya."),
                recorded=format_date(late[0].recorded)))
    if not membership.covered:
        return Judgement(False, None, None, (_not_covered(events, day),), warnings=tuple(warnings),
                         membership=membership)
    covered = _why(QT_TRANSLATE_NOOP("Claims", "Tertanggung pada {day} (perlindungan {begins} s.d. {ends})."),
                   day=format_date(day), begins=format_date(membership.run.begins), ends=format_date(membership.run.ends))
    if jkm:
        return _jkm(membership, covered, rules, tuple(warnings))
    if not incident.at_work:
        return Judgement(True, None, None, (covered, _why(QT_TRANSLATE_NOOP(
            "Claims", "Kejadian di luar pekerjaan yang tidak menyebabkan kematian tidak ditanggung JKK maupun JKM."))),
            warnings=tuple(warnings), membership=membership)
    return _jkk(events, incident, membership, covered, rules, default_bracket, tuple(warnings))


def _not_covered(events: Sequence[Mapping[str, Any]], day: dt.date) -> Problem:
    state = lifecycle.derive(events)
    if state.coverage_start is None:
        return _why(QT_TRANSLATE_NOOP("Claims", "Tidak tertanggung pada {day}: belum menjadi peserta aktif BPJS Ketenagakerjaan (belum ada KPJ atau iuran)."),
                    day=format_date(day))
    runs = coverage_runs(events)
    before = [run for run in runs if run.ends < day]
    if before:
        return _why(QT_TRANSLATE_NOOP("Claims", "Tidak tertanggung pada {day}: perlindungan berakhir {ends} dan belum diperpanjang pada tanggal itu."),
                    day=format_date(day), ends=format_date(before[-1].ends))
    return _why(QT_TRANSLATE_NOOP("Claims", "Tidak tertanggung pada {day}: perlindungan baru mulai {begins}."),
                day=format_date(day), begins=format_date(runs[0].begins if runs else state.coverage_start))


def _jkm(membership: Membership, covered: Problem, rules: ClaimRules, warnings: tuple[Problem, ...]) -> Judgement:
    day = membership.day
    assert membership.run is not None
    after = rules.rule("jkm_full_after_months", day)
    total, early = rules.rule("jkm_total", day), rules.rule("jkm_early_total", day)
    school, children = rules.rule("scholarship_after_months", day), rules.rule("scholarship_children", day)
    full_from = add_months(membership.run.begins, after.value)
    if day >= full_from:
        paid, reason = total, _why(QT_TRANSLATE_NOOP(
            "Claims", "Meninggal bukan akibat kerja setelah {months} bulan kepesertaan (sejak {begins}): JKM {amount}."),
            months=after.value, begins=format_date(membership.run.begins), amount=format_rupiah(total.value))
    else:
        paid, reason = early, _why(QT_TRANSLATE_NOOP(
            "Claims", "Meninggal bukan akibat kerja dalam {months} bulan pertama kepesertaan (sejak {begins}; penuh mulai {full}): JKM {amount}."),
            months=after.value, begins=format_date(membership.run.begins), full=format_date(full_from),
            amount=format_rupiah(early.value))
    eligible = membership.contribution_months >= school.value
    scholarship = _why(QT_TRANSLATE_NOOP("Claims", "Masa iur {months} bulan: beasiswa untuk paling banyak {children} anak."),
                       months=membership.contribution_months, children=children.value) if eligible else _why(
        QT_TRANSLATE_NOOP("Claims", "Masa iur {months} bulan, kurang dari {needed} bulan: tidak ada beasiswa."),
        months=membership.contribution_months, needed=school.value)
    return Judgement(True, JKM, paid.value, (covered, reason, scholarship), scholarship_eligible=eligible,
                     scholarship_children=children.value if eligible else 0, warnings=warnings,
                     rules=(after, paid, school, children), membership=membership)


def _jkk(events: Sequence[Mapping[str, Any]], incident: Incident, membership: Membership, covered: Problem,
         rules: ClaimRules, default_bracket: int, warnings: tuple[Problem, ...]) -> Judgement:
    day = incident.day
    hours, lapse = rules.rule("jkk_report_hours", day), rules.rule("jkk_claim_lapse_years", day)
    report_by = day + dt.timedelta(days=hours.value // 24)   # whole days: the record holds no hour
    last_claim = add_months(day, 12 * lapse.value) - dt.timedelta(days=1)
    deadlines = (
        Deadline(REPORT, report_by, QT_TRANSLATE_NOOP(
            "Claims", "Laporkan kecelakaan ke BPJS Ketenagakerjaan (atau klinik PLKK) paling lambat {hours} jam sejak kejadian: {day}."),
            {"hours": hours.value, "day": format_date(report_by)}, hours.source),
        Deadline(LAPSE, last_claim, QT_TRANSLATE_NOOP(
            "Claims", "Hak menuntut JKK gugur setelah {years} tahun: ajukan paling lambat {day}."),
            {"years": lapse.value, "day": format_date(last_claim)}, lapse.source))
    applied: tuple[Rule, ...] = (hours, lapse)
    known: int | None = None
    if incident.kind == DEATH:
        multiple = rules.rule("jkk_death_income_multiple", day)
        bracket = submitted_bracket(events, default_bracket)
        known = multiple.value * bracket
        reason = _why(QT_TRANSLATE_NOOP(
            "Claims", "Meninggal akibat kecelakaan kerja: JKK membayar {multiple} × penghasilan yang dilaporkan "
                      "({multiple} × {income} = {known}) ditambah biaya pemakaman dan santunan berkala; jumlahnya dinilai BPJS."),
            multiple=multiple.value, income=format_rupiah(bracket), known=format_rupiah(known))
        applied += (multiple,)
    else:
        reason = _why(QT_TRANSLATE_NOOP(
            "Claims", "Kecelakaan atau penyakit akibat kerja: JKK menanggung perawatan sesuai kebutuhan medis dan "
                      "santunan selama tidak mampu bekerja; jumlahnya dinilai BPJS."))
    return Judgement(True, JKK, None, (covered, reason), deadlines=deadlines, warnings=warnings, rules=applied,
                     membership=membership, known_part=known)


# --- coverage gaps that cost benefits -------------------------------------------------------------

SOON_DAYS = 30


def gap_risks(events: Sequence[Mapping[str, Any]], day: dt.date, rules: ClaimRules,
              soon_days: int = SOON_DAYS, membership: Membership | None = None) -> list[Problem]:
    """Whether, on ``day``, a lapse or a past gap threatens the 3-month (full JKM) or the 3-year
    (scholarship) condition; each threat a warning whose field names it (``jkm_months`` or
    ``scholarship``). ``soon_days``: coverage ending within that many days counts as about to lapse.
    Nothing for a worker never covered."""
    membership = membership or membership_on(events, day)
    if not membership.runs:
        return []
    after = rules.value("jkm_full_after_months", day)
    needed = rules.value("scholarship_after_months", day)
    risks: list[Problem] = []
    run = membership.run
    if run is None:
        ended = [r for r in membership.runs if r.ends < day]
        if ended:
            risks.append(warning("jkm_months", QT_TRANSLATE_NOOP(
                "Claims", "Perlindungan berakhir {ends}. Bila diperpanjang sesudah jeda, {months} bulan pertama dihitung "
                          "ulang: kematian di masa itu hanya mendapat santunan terbatas."), ends=format_date(ended[-1].ends), months=after))
            if membership.contribution_months < needed:
                risks.append(warning("scholarship", QT_TRANSLATE_NOOP(
                    "Claims", "Masa iur baru {months} dari {needed} bulan untuk beasiswa; bulan tanpa perlindungan tidak dihitung."),
                    months=membership.contribution_months, needed=needed))
        return risks
    if run.ends < day + dt.timedelta(days=soon_days):
        risks.append(warning("jkm_months", QT_TRANSLATE_NOOP(
            "Claims", "Perlindungan berakhir {ends}. Perpanjang sebelum tanggal itu: jeda membuat {months} bulan pertama dihitung ulang."),
            ends=format_date(run.ends), months=after))
        if membership.contribution_months < needed:
            risks.append(warning("scholarship", QT_TRANSLATE_NOOP(
                "Claims", "Masa iur baru {months} dari {needed} bulan untuk beasiswa: jeda menundanya."),
                months=membership.contribution_months, needed=needed))
    if membership.gaps:
        first = membership.runs[0].begins
        if membership.unbroken_months < after <= months_between(first, day):
            risks.append(warning("jkm_months", QT_TRANSLATE_NOOP(
                "Claims", "Ada jeda perlindungan: kepesertaan dihitung ulang sejak {begins}, santunan kematian penuh baru mulai {full}."),
                begins=format_date(run.begins), full=format_date(add_months(run.begins, after))))
        if membership.contribution_months < needed <= months_between(first, day):
            risks.append(warning("scholarship", QT_TRANSLATE_NOOP(
                "Claims", "Ada jeda perlindungan: masa iur {months} bulan, belum {needed} bulan untuk beasiswa walau sudah terdaftar sejak {first}."),
                months=membership.contribution_months, needed=needed, first=format_date(first)))
    return risks


# --- who claims -----------------------------------------------------------------------------------

SPOUSE, CHILD, PARENT, GRANDCHILD, GRANDPARENT, SIBLING, IN_LAW, NAMED = (
    "spouse", "child", "parent", "grandchild", "grandparent", "sibling", "in_law", "named")
# The legal order (PP 44/2015 Pasal 37 ayat (5); the same for JKM): widow/widower or children, then lineal
# blood relatives to the second degree, siblings, parents-in-law, the heir a will names. Within the first
# two steps the order of domain.md: spouse before children, parents before grandchildren and grandparents.
HEIR_ORDER = (SPOUSE, CHILD, PARENT, GRANDCHILD, GRANDPARENT, SIBLING, IN_LAW, NAMED)
HEIR_LABELS = {
    SPOUSE: QT_TRANSLATE_NOOP("Claims", "Suami/Istri"),
    CHILD: QT_TRANSLATE_NOOP("Claims", "Anak"),
    PARENT: QT_TRANSLATE_NOOP("Claims", "Orang tua"),
    GRANDCHILD: QT_TRANSLATE_NOOP("Claims", "Cucu"),
    GRANDPARENT: QT_TRANSLATE_NOOP("Claims", "Kakek/Nenek"),
    SIBLING: QT_TRANSLATE_NOOP("Claims", "Saudara kandung"),
    IN_LAW: QT_TRANSLATE_NOOP("Claims", "Mertua"),
    NAMED: QT_TRANSLATE_NOOP("Claims", "Ahli waris dalam wasiat"),
}
# The record's heir relationship (``enrollment.Relationship``) in the legal order; ``other`` is the heir
# the worker named.
_RECORD_RELATIONSHIP = {"spouse": SPOUSE, "child": CHILD, "parent": PARENT, "sibling": SIBLING, "other": NAMED}


@dataclass(frozen=True)
class Person:
    name: str
    relationship: str          # one of HEIR_ORDER (or the record's ``heir_relationship``)
    phone: str | None = None
    able: bool = True          # alive and able to claim


@dataclass(frozen=True)
class Claimant:
    person: Person | None      # None: no heir (Balai Harta Peninggalan)
    reason: Problem
    warnings: tuple[Problem, ...] = ()


def relationship_label(relationship: str) -> str:
    """The heir's relationship (the record's, or one of ``HEIR_ORDER``) as the legal order names it."""
    relationship = _RECORD_RELATIONSHIP.get(relationship, relationship)
    return HEIR_LABELS.get(relationship, relationship)


def _rank(person: Person) -> int:
    relationship = _RECORD_RELATIONSHIP.get(person.relationship, person.relationship)
    return HEIR_ORDER.index(relationship) if relationship in HEIR_ORDER else len(HEIR_ORDER)


def claimant(heir: Person | None, family: Sequence[Person]) -> Claimant:
    """Who claims: the heir on the record when able, else the first able family member in the legal order
    (those of one step in the order given); nobody: the Balai Harta Peninggalan. A family member ahead of
    the record's heir in the legal order is a warning (BPJS follows the letter of heirship)."""
    able = sorted((p for p in family if p.able and _rank(p) < len(HEIR_ORDER)), key=_rank)
    if heir is not None and heir.able:
        ahead = [p for p in able if _rank(p) < _rank(heir)]
        warnings = (warning("heir", QT_TRANSLATE_NOOP(
            "Claims", "Menurut urutan ahli waris, {relationship} didahulukan; BPJS mengikuti surat keterangan ahli waris."),
            relationship=HEIR_LABELS[HEIR_ORDER[_rank(ahead[0])]]),) if ahead else ()
        return Claimant(heir, _why(QT_TRANSLATE_NOOP("Claims", "Ahli waris yang tercatat mengajukan klaim.")), warnings)
    if able:
        chosen = able[0]
        return Claimant(chosen, _why(QT_TRANSLATE_NOOP(
            "Claims", "Ahli waris yang tercatat tidak dapat mengajukan; menurut urutan ahli waris: {relationship}."),
            relationship=HEIR_LABELS[HEIR_ORDER[_rank(chosen)]]))
    return Claimant(None, _why(QT_TRANSLATE_NOOP(
        "Claims", "Tidak ada ahli waris yang dapat mengajukan: manfaat diserahkan ke Balai Harta Peninggalan.")))


# --- the documents --------------------------------------------------------------------------------

CLAIM_JKM, CLAIM_JKK_DEATH, CLAIM_JKK = "jkm", "jkk_death", "jkk"


@dataclass(frozen=True)
class Document:
    key: str
    label: str                 # Indonesian, context "Claims"
    when: str = ""             # the case it is needed in ("" always)


_DOC = {document.key: document for document in (
    Document("kpj_card", QT_TRANSLATE_NOOP("Claims", "Kartu peserta BPJS Ketenagakerjaan (KPJ)")),
    Document("ktp_worker", QT_TRANSLATE_NOOP("Claims", "KTP peserta")),
    Document("ktp_heir", QT_TRANSLATE_NOOP("Claims", "KTP ahli waris")),
    Document("death_certificate", QT_TRANSLATE_NOOP("Claims", "Akta kematian atau surat keterangan kematian")),
    Document("family_card", QT_TRANSLATE_NOOP("Claims", "Kartu Keluarga (KK)")),
    Document("heirship_letter", QT_TRANSLATE_NOOP("Claims", "Surat keterangan ahli waris dari desa/kelurahan")),
    Document("marriage_book", QT_TRANSLATE_NOOP("Claims", "Buku nikah"),
             QT_TRANSLATE_NOOP("Claims", "bila ahli waris suami/istri")),
    Document("heir_savings_book", QT_TRANSLATE_NOOP("Claims", "Buku tabungan atas nama ahli waris")),
    Document("accident_report", QT_TRANSLATE_NOOP("Claims", "Laporan kecelakaan kerja (formulir BPJS tahap I)")),
    Document("chronology", QT_TRANSLATE_NOOP("Claims", "Kronologi kejadian dengan saksi, diketahui kepala desa")),
    Document("medical_papers", QT_TRANSLATE_NOOP("Claims", "Surat keterangan dokter dan rincian biaya perawatan")),
    Document("police_report", QT_TRANSLATE_NOOP("Claims", "Surat keterangan kepolisian"),
             QT_TRANSLATE_NOOP("Claims", "bila kecelakaan lalu lintas")),
    Document("worker_savings_book", QT_TRANSLATE_NOOP("Claims", "Buku tabungan atas nama peserta")),
)}
_HEIR_PAPERS = ("kpj_card", "ktp_worker", "ktp_heir", "death_certificate", "family_card", "heirship_letter",
                "marriage_book", "heir_savings_book")
_ACCIDENT_PAPERS = ("accident_report", "chronology", "medical_papers", "police_report")
CHECKLISTS: dict[str, tuple[Document, ...]] = {
    CLAIM_JKM: tuple(_DOC[key] for key in _HEIR_PAPERS),
    CLAIM_JKK_DEATH: tuple(_DOC[key] for key in _HEIR_PAPERS + _ACCIDENT_PAPERS),
    CLAIM_JKK: tuple(_DOC[key] for key in ("kpj_card", "ktp_worker") + _ACCIDENT_PAPERS + ("worker_savings_book",)),
}


def claim_type(judgement: Judgement, incident: Incident) -> str | None:
    """The checklist a judgement calls for (None: nothing is due)."""
    if judgement.benefit == JKM:
        return CLAIM_JKM
    if judgement.benefit == JKK:
        return CLAIM_JKK_DEATH if incident.kind == DEATH else CLAIM_JKK
    return None


def checklist(kind: str) -> tuple[Document, ...]:
    return CHECKLISTS[kind]


# --- a claim's progress, from the record's events -----------------------------------------------

STATE_LABELS = {
    lifecycle.REPORTED: QT_TRANSLATE_NOOP("Claims", "Dilaporkan"),
    lifecycle.DOCUMENTS_COMPLETE: QT_TRANSLATE_NOOP("Claims", "Dokumen lengkap"),
    lifecycle.CLAIM_SUBMITTED: QT_TRANSLATE_NOOP("Claims", "Diajukan ke BPJS"),
    lifecycle.CLAIM_PAID: QT_TRANSLATE_NOOP("Claims", "Dibayar"),
    lifecycle.CLAIM_REFUSED: QT_TRANSLATE_NOOP("Claims", "Ditolak"),
}
# Who the claim waits on, in each open state.
WAITS_ON = {
    lifecycle.REPORTED: QT_TRANSLATE_NOOP("Claims", "keluarga dan relawan: kumpulkan dokumen"),
    lifecycle.DOCUMENTS_COMPLETE: QT_TRANSLATE_NOOP("Claims", "kantor cabang: ajukan ke BPJS"),
    lifecycle.CLAIM_SUBMITTED: QT_TRANSLATE_NOOP("Claims", "BPJS Ketenagakerjaan: pembayaran"),
}


@dataclass(frozen=True)
class ClaimState:
    """One claim as a record's events tell it."""

    claim: str
    incident: Incident
    reported_at: dt.date | None     # the day it was reported
    state: str
    since: dt.date | None           # the day it reached that state
    documents: frozenset[str]       # keys of the papers seen
    amount: int | None = None       # paid
    paid_on: dt.date | None = None
    reason: str | None = None       # refused

    @property
    def open(self) -> bool:
        return self.state not in lifecycle.CLAIM_FINAL


def claims_of(events: Sequence[Mapping[str, Any]]) -> list[ClaimState]:
    """The claims of a record's events, in the order they were reported (events ``lifecycle.event_problems``
    admitted)."""
    found: dict[str, dict[str, Any]] = {}
    for event in events:
        claim, kind = event.get("claim"), event.get("type")
        at = lifecycle.stamp_day(event.get("at"))
        if kind == lifecycle.INCIDENT and claim not in found:
            day = lifecycle._day(event.get("day"))
            if day is None:
                continue
            found[claim] = {"claim": claim, "incident": Incident(
                str(event.get("kind")), day, bool(event.get("at_work")), str(event.get("place") or ""),
                str(event.get("what") or ""), str(event.get("reported_by") or "")),
                "reported_at": at, "state": lifecycle.REPORTED, "since": at, "documents": frozenset()}
        elif kind == lifecycle.CLAIM and claim in found:
            held = found[claim]
            held["documents"] = held["documents"] | frozenset(event.get("documents") or ())
            if event.get("state") in lifecycle.CLAIM_STATES:
                held.update(state=event["state"], since=at)
                if event["state"] == lifecycle.CLAIM_PAID:
                    held.update(amount=event.get("amount"), paid_on=lifecycle._day(event.get("date")))
                elif event["state"] == lifecycle.CLAIM_REFUSED:
                    held["reason"] = event.get("reason")
    return [ClaimState(**values) for values in found.values()]

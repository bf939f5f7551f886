"""A record's life after enrollment, as the events that happened to it.

``enrolled`` (on a laptop) → ``submitted`` (in a batch sent to BPJS Ketenagakerjaan) → ``active`` (BPJS
returned a KPJ number and a membership start date) or ``refused`` (BPJS gave a reason: fix the data and
submit again) → coverage runs for the months BAZNAS paid → renewed (paid again) or ``ended``.

A record carries its events (``lifecycle``, a JSON list, oldest first) and every laptop and the hub derive
the same status, KPJ number and coverage dates from them: nothing of it is typed by hand. ``ended`` is
not stored: an active record whose coverage end has passed is ended on that day (``effective_status``).

Event shapes (all carry ``at`` (UTC ISO 8601) and ``by`` (user name)):
- ``{"type": "submitted", "batch": "…", "months": N, "income": RP}`` (``income``: the bracket sent to BPJS,
  which prices the worker's JKK; absent from submissions made before it was recorded)
- ``{"type": "activated", "kpj": "11 digits", "start": "YYYY-MM-DD", "file": "…", "answer": "<id>"}``
- ``{"type": "refused", "reason": "…", "data": "<fingerprint of the data refused>", "file": "…", "answer": "<id>"}``
  (``answer`` names the application of one BPJS answer file: every event it added carries the same id)
- ``{"type": "paid", "payment": "…", "months": N, "amount": RP, "paid": RP, "fund": "zakat|infak|sedekah",
  "from": "YYYY-MM-DD" (optional)}`` (``amount``: owed for the worker when recorded; ``paid``: the worker's
  share of the transfer when its amount was entered, else absent (the amount owed was paid); no ``fund``:
  recorded before funds were, zakat). ``desktop.domain.ledger`` allocates it to worker-months.
- ``{"type": "credit_used", "amount": RP, "payment": "…"}`` or ``{…, "refund": "…"}``: BAZNAS's credit held
  in this record's ledger (money paid for months no one received) moved to a later payment for other
  workers (whose ``paid`` events carry it in ``paid`` and say how much in ``credit``) or returned to
  BAZNAS (a refund, a numbered document). Never more than the money that came for the record.
- ``{"type": "paid_share", "payment": "…", "paid": RP}``: the record's share of a transfer recorded before
  the ledger kept shares (a payment whose amount differed from what was owed), appended once by the
  migration that brought such payments into the ledger; it stands for that payment's ``paid``.
- ``{"type": "answer_undone", "answer": "<id>", "file": "…", "reason": "…" (optional)}``: the branch took
  back one application of an answer file (applied by mistake, or misread). Events are facts and stay: the
  record's events carrying that id are passed over wherever this event stands, so the record is what it
  was before that answer (submitted again; months paid meanwhile wait for the next activation), and a
  later answer applies as if the undone one had never been read. It names an id an earlier event of the
  record carries, once; nothing carries an id after it is undone.
- ``{"type": "incident", "claim": "<id>", "kind": "death|accident|illness", "day": "YYYY-MM-DD",
  "at_work": bool, "place": "…", "what": "…", "reported_by": "…"}``: a death, a work accident or a
  work-related illness (``day``: of the diagnosis), reported by anyone who may see the record; it opens
  the claim ``<id>`` (``uuid4().hex``) that ``desktop.domain.claims`` judges. A **death** makes the record
  ``deceased``: no payment or renewal is made for it again, and its coverage ends with the month of
  coverage the death fell in (``kept_months``: the ledger credits the money of later months).
- ``{"type": "claim", "claim": "<id>", "state": "documents_complete|submitted|paid|refused" (optional),
  "documents": ["key", …] (optional: papers seen), "amount": RP, "date": "YYYY-MM-DD" (paid),
  "reason": "…" (refused)}``: the claim's progress, forward only (reported → documents complete →
  submitted to BPJS → paid or refused, which end it). Ticking documents and ``documents_complete`` are
  anyone's who may see the record (``branch_only``); submitted, paid and refused are the branch's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from desktop.domain.text import add_months

SUBMITTED, ACTIVATED, REFUSED, PAID = "submitted", "activated", "refused", "paid"
UNDONE = "answer_undone"
CREDIT_USED, PAID_SHARE = "credit_used", "paid_share"
INCIDENT, CLAIM = "incident", "claim"
EVENT_TYPES = (SUBMITTED, ACTIVATED, REFUSED, PAID, UNDONE, CREDIT_USED, PAID_SHARE, INCIDENT, CLAIM)
# Events judged against the record's earlier ones (the answers they name, the money they move, the
# incident a claim follows).
_JUDGED_WITH_EARLIER = (UNDONE, CREDIT_USED, PAID_SHARE, INCIDENT, CLAIM)
DECEASED = "deceased"
DEATH, ACCIDENT, ILLNESS = "death", "accident", "illness"
INCIDENT_KINDS = (DEATH, ACCIDENT, ILLNESS)
# A claim's states, in order; the last two end it. ``reported`` is the incident itself.
REPORTED, DOCUMENTS_COMPLETE, CLAIM_SUBMITTED, CLAIM_PAID, CLAIM_REFUSED = (
    "reported", "documents_complete", "submitted", "paid", "refused")
CLAIM_STATES = (REPORTED, DOCUMENTS_COMPLETE, CLAIM_SUBMITTED, CLAIM_PAID, CLAIM_REFUSED)
CLAIM_FINAL = (CLAIM_PAID, CLAIM_REFUSED)
MAX_DOCUMENTS = 30
DOCUMENT_KEY = re.compile(r"^[a-z_]{1,40}$")
ANSWER_ID = re.compile(r"^[0-9a-f]{32}$")     # one application of an answer file (uuid4().hex)
MAX_REASON = 500
# The record keys that follow from the events: only the branch changes them (through events).
DERIVED_KEYS = ("status", "kpj_number", "coverage_start", "coverage_end")
LIFECYCLE_KEYS = ("lifecycle",) + DERIVED_KEYS
KPJ = re.compile(r"^\d{11}$")
MAX_MONTHS = 60
MAX_EVENTS = 500
MAX_AMOUNT = 10**12              # rupiah: far above any payment for one worker, far below any overflow
# A day a membership event can plausibly name: BPJS Ketenagakerjaan's programmes for informal (BPU)
# workers began with its full operation in 2015, and nothing is paid or answered more than a year ahead.
# The bounds keep every date the coverage maths touches far from the calendar's ends (year 9999).
EARLIEST_DAY = dt.date(2015, 1, 1)
DAYS_AHEAD = 366
# When an event was recorded: a laptop's clock may run a little ahead of the hub's, never a year.
STAMP_AHEAD = dt.timedelta(days=2)


@dataclass(frozen=True)
class State:
    status: str                      # enrolled, submitted, active, refused, deceased
    kpj_number: str | None
    coverage_start: dt.date | None   # the KPJ membership start date
    coverage_end: dt.date | None     # last day covered by the months paid (None: nothing paid yet)
    batch: str | None                # the last submission batch
    refusal: str | None              # BPJS's reason, while refused
    refused_data: str | None         # fingerprint of the data BPJS refused
    months_paid: int

    def values(self) -> dict[str, Any]:
        """The derived record keys as JSON gives them."""
        return {"status": self.status, "kpj_number": self.kpj_number,
                "coverage_start": self.coverage_start.isoformat() if self.coverage_start else None,
                "coverage_end": self.coverage_end.isoformat() if self.coverage_end else None}


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def undone_answers(events: Sequence[Mapping[str, Any]]) -> set[str]:
    """The answer ids the events take back (``answer_undone``)."""
    return {str(e.get("answer")) for e in events if e.get("type") == UNDONE}


def derive(events: Sequence[Mapping[str, Any]]) -> State:
    """The state the events lead to (events in the order they happened); the events of an answer taken
    back (``answer_undone``) count for nothing."""
    status, kpj, start, end, batch, reason, refused_data = "enrolled", None, None, None, None, None, None
    pool = 0          # months paid before BPJS's answer: coverage starts with the KPJ start date
    months_paid = 0
    undone = undone_answers(events)
    bought: list[tuple[dt.date, int]] = []     # (first day, months) of each span of coverage bought
    for event in events:
        kind = event.get("type")
        if undone and kind != UNDONE and event.get("answer") in undone:
            continue
        if kind == SUBMITTED:
            if status in ("enrolled", "refused"):
                if status == "refused":
                    pool = 0     # paid for the refused submission: credit (ledger), never coverage twice
                status, batch, reason = "submitted", event.get("batch"), None
        elif kind == ACTIVATED:
            if status != "active":
                status, kpj, start, reason = "active", event.get("kpj"), _day(event.get("start")), None
                if pool and start is not None:
                    end = add_months(start, pool) - dt.timedelta(days=1)
                    bought.append((start, pool))
                pool = 0
        elif kind == REFUSED:
            if status == "submitted":
                status, reason, refused_data = "refused", event.get("reason"), event.get("data")
        elif kind == PAID:
            months = int(event.get("months") or 0)
            months_paid += months
            if start is None:
                pool += months
            else:
                begin = paid_begin(start, end, event)
                bought.append((begin, months))
                end = add_months(begin, months) - dt.timedelta(days=1)
    died = death_day(events)
    if died is not None:
        status = DECEASED
        if end is not None:      # coverage ends with the month of coverage the death fell in
            ends = [add_months(begin, kept) - dt.timedelta(days=1) for begin, months in bought
                    if (kept := kept_months(begin, months, died))]
            end = max(ends) if ends else None
    return State(status, kpj, start, end, batch, reason, refused_data, months_paid)


def death_day(events: Sequence[Mapping[str, Any]]) -> dt.date | None:
    """The day of the worker's death, when an incident reports one."""
    for event in events:
        if event.get("type") == INCIDENT and event.get("kind") == DEATH:
            day = _day(event.get("day"))
            if day is not None:
                return day
    return None


def kept_months(begin: dt.date, months: int, died: dt.date) -> int:
    """Of ``months`` months of coverage from ``begin`` (counted as ``derive`` counts them), how many
    begin on or before the day of the death: the months after the one it fell in buy nothing."""
    kept = 0
    while kept < months and add_months(begin, kept) <= died:
        kept += 1
    return kept


def branch_only(event: Mapping[str, Any]) -> bool:
    """Whether only the branch's laptops may append ``event``: everything but an incident and a claim's
    documents (ticked, or complete), which whoever may see the record reports."""
    if event.get("type") == INCIDENT:
        return False
    return not (event.get("type") == CLAIM and event.get("state") in (None, DOCUMENTS_COMPLETE))


def paid_begin(start: dt.date, end: dt.date | None, event: Mapping[str, Any]) -> dt.date:
    """The first day a ``paid`` event buys for a record covered from ``start`` through ``end`` (None:
    nothing bought yet): the day after the last covered one, or the day coverage restarts (``from``)
    when it had run out."""
    begin = end + dt.timedelta(days=1) if end is not None else start
    restart = _day(event.get("from"))
    return restart if restart is not None and restart > begin else begin


def paid_end(start: dt.date, end: dt.date | None, event: Mapping[str, Any]) -> dt.date:
    """The last day covered after a ``paid`` event appended to an active record covered from ``start``
    through ``end``: what ``derive`` gives for that record's events and this one."""
    return add_months(paid_begin(start, end, event), int(event.get("months") or 0)) - dt.timedelta(days=1)


def effective_status(status: str, coverage_end: dt.date | None, today: dt.date) -> str:
    """``ended`` for an active record whose coverage ran out before ``today``."""
    if status == "active" and coverage_end is not None and coverage_end < today:
        return "ended"
    return status


def loads(text: str | None) -> list[dict[str, Any]]:
    if not text:
        return []
    try:
        value = orjson.loads(text)  # a branch's ledger reads some 60,000 of these: a third of json's time
    except orjson.JSONDecodeError:
        value = json.loads(text)    # what orjson refuses and json reads (integers beyond 64 bits)
    return value if isinstance(value, list) else []


def dumps_event(event: Mapping[str, Any]) -> str:
    """One event as ``dumps`` writes it inside its list."""
    try:
        return orjson.dumps(event, option=orjson.OPT_SORT_KEYS).decode()
    except TypeError:
        return json.dumps(event, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def append_text(text: str | None, event_text: str) -> str:
    """Stored events (``dumps``) with one more (``dumps_event``), without reading them all: a payment for a
    whole branch appends to some 60,000 records."""
    if not text or not text.startswith("[{") or not text.endswith("}]"):
        held = loads(text)
        return "[" + ",".join([*(dumps_event(e) for e in held), event_text]) + "]"
    return text[:-1] + "," + event_text + "]"


def last_of(text: str | None, kind: str) -> dict[str, Any] | None:
    """The last event of type ``kind`` in stored events (``dumps``), read without parsing the others: in
    their text (sorted keys) an event ends with its ``type``, and an event of these kinds holds no ``{``
    (a payment for a whole branch reads some 60,000 submissions this way). Anything else is read whole."""
    if not text:
        return None
    end = text.rfind(f'"type":"{kind}"}}')
    if end < 0:
        return None
    start = text.rfind("{", 0, end)
    try:
        event = orjson.loads(text[start:end + len(kind) + 10])
    except orjson.JSONDecodeError:
        event = None
    if isinstance(event, dict) and event.get("type") == kind:
        return event
    return next((e for e in reversed(loads(text)) if isinstance(e, dict) and e.get("type") == kind), None)


def dumps(events: Sequence[Mapping[str, Any]]) -> str:
    """Compact JSON with sorted keys: orjson writes the same text as Python's encoder here (a payment for a
    whole branch writes some 60,000), which writes what orjson cannot (integers beyond 64 bits)."""
    try:
        return orjson.dumps(list(events), option=orjson.OPT_SORT_KEYS).decode()
    except TypeError:
        return json.dumps(list(events), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# The enrollment fields BPJS reads: a refused record is ready again once one of them changed.
_DATA_KEYS = ("nik", "no_kk", "full_name", "birth_place", "birth_date", "sex", "address", "kabupaten_code",
              "kecamatan_code", "desa_code", "phone", "occupation", "occupation_other", "monthly_income",
              "heir_name", "heir_relationship", "heir_phone")


def fingerprint(record: Mapping[str, Any]) -> str:
    """A short digest of the data a submission sends (same on every laptop and the hub)."""
    values = []
    for key in _DATA_KEYS:
        value = record.get(key)
        if isinstance(value, dt.date):
            value = value.isoformat()
        values.append("" if value is None else str(value))
    return hashlib.sha256("\x1f".join(values).encode("utf-8")).hexdigest()[:16]


def fixed_since_refusal(state: State, record: Mapping[str, Any]) -> bool:
    return state.status == "refused" and state.refused_data != fingerprint(record)


def plausible_day(day: dt.date, today: dt.date) -> bool:
    """Whether ``day`` can be a membership date (a KPJ start, the day coverage restarts)."""
    return EARLIEST_DAY <= day <= today + dt.timedelta(days=DAYS_AHEAD)


def stamp_day(value: Any) -> dt.date | None:
    if not isinstance(value, str) or not 10 <= len(value) <= 32:
        return None
    try:
        return dt.datetime.fromisoformat(value.removesuffix("Z")).date()
    except ValueError:
        return None


def event_problems(events: Any, today: dt.date | None = None,
                   earlier: Sequence[Mapping[str, Any]] = ()) -> list[str]:
    """Why a record's ``lifecycle`` is not a sound list of events (messages in Indonesian). With
    ``today``, every date in them must also be plausible on that day (``plausible_day``). ``earlier``:
    the record's events before these (already held), which the answers they take back may name."""
    if not isinstance(events, list):
        return ["lifecycle: harus berupa daftar peristiwa"]
    if len(events) > MAX_EVENTS:
        return [f"lifecycle: lebih dari {MAX_EVENTS} peristiwa"]
    problems = []
    references: dict[str, str] = {}
    answers: set[str] = set()          # the answer ids the events so far carry
    undone: set[str] = set()
    money = _Money()                   # what came for the record and what left it, so far
    claims = _Claims()                 # the incidents reported so far and where their claims stand
    # The earlier events matter only to some events (a payment for a branch skips the scan).
    if any(needs_earlier(e) for e in events):
        for event in earlier:
            if event.get("answer") is not None:
                (undone if event.get("type") == UNDONE else answers).add(str(event["answer"]))
            money.add(event)
            claims.add(event)
    for index, event in enumerate(events, 1):
        if not isinstance(event, dict) or event.get("type") not in EVENT_TYPES:
            problems.append(f"lifecycle {index}: jenis peristiwa tidak dikenal")
            continue
        at = stamp_day(event.get("at"))
        if at is None or not isinstance(event.get("by"), str):
            problems.append(f"lifecycle {index}: waktu atau pelaku tidak sah")
        elif today is not None and not EARLIEST_DAY <= at <= today + STAMP_AHEAD:
            problems.append(f"lifecycle {index}: waktu peristiwa {event['at'][:10]} tidak masuk akal")
        kind = event["type"]
        if kind == ACTIVATED:
            start = _day(event.get("start"))
            if not KPJ.match(str(event.get("kpj") or "")) or start is None:
                problems.append(f"lifecycle {index}: nomor KPJ (11 digit) dan tanggal kepesertaan wajib")
            elif today is not None and not plausible_day(start, today):
                problems.append(f"lifecycle {index}: tanggal kepesertaan {start.isoformat()} tidak masuk akal")
        if kind == PAID:
            months = event.get("months")
            if not isinstance(months, int) or isinstance(months, bool) or not 1 <= months <= MAX_MONTHS:
                problems.append(f"lifecycle {index}: jumlah bulan dibayar harus 1 sampai {MAX_MONTHS}")
            for key in ("amount", "paid"):      # owed for the worker; their share of the transfer
                amount = event.get(key)
                if amount is not None and (not isinstance(amount, int) or isinstance(amount, bool)
                                           or not 0 <= amount <= MAX_AMOUNT):
                    problems.append(f"lifecycle {index}: jumlah rupiah tidak sah")
            if event.get("from") is not None:
                restart = _day(event.get("from"))
                if restart is None or (today is not None and not plausible_day(restart, today)):
                    problems.append(f"lifecycle {index}: tanggal mulai pembayaran tidak sah")
            reference = str(event.get("reference") or "").strip()
            if reference:
                payment = str(event.get("payment") or "")
                if references.setdefault(reference, payment) != payment:
                    problems.append(f"lifecycle {index}: transfer {reference[:40]} sudah dicatat sebagai pembayaran "
                                    f"{references[reference]}")
        if kind in (CREDIT_USED, PAID_SHARE):
            problems += money.problems(index, event)
        elif kind == PAID:
            money.add(event)
        if kind in (INCIDENT, CLAIM):
            problems += claims.problems(index, event, today)
        if kind == REFUSED and not str(event.get("reason") or "").strip():
            problems.append(f"lifecycle {index}: alasan penolakan wajib")
        if kind == SUBMITTED and not str(event.get("batch") or "").strip():
            problems.append(f"lifecycle {index}: nomor batch wajib")
        problems += _answer_problems(index, event, answers, undone)
    return problems


def needs_earlier(event: Any) -> bool:
    """Whether ``event`` is judged against the record's earlier events (``event_problems``' ``earlier``)."""
    return isinstance(event, dict) and (event.get("answer") is not None or event.get("type") in _JUDGED_WITH_EARLIER)


def _rupiah(value: Any, least: int = 0) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and least <= value <= MAX_AMOUNT:
        return value
    return None


class _Money:
    """The money a record's events brought and moved, as ``event_problems`` walks them: a record never
    gives away more than came for it, and a payment's share is stated once. (How much of it bought
    months is the ledger's business, which needs the dated rates; a move beyond the record's credit
    shows there as months owed, never as money that did not exist.)"""

    def __init__(self) -> None:
        self.came = 0
        self.left = 0
        self.payments: dict[str, int] = {}        # payment -> the record's money from it
        self.shared: set[str] = set()             # payments whose share a paid_share stated

    def add(self, event: Mapping[str, Any]) -> None:
        kind = event.get("type")
        if kind == PAID:
            from_transfer = _rupiah(event.get("paid"))
            value = from_transfer if from_transfer is not None else (_rupiah(event.get("amount")) or 0)
            self.came += value
            self.payments[str(event.get("payment") or "")] = value
            if from_transfer is not None:
                self.shared.add(str(event.get("payment") or ""))
        elif kind == PAID_SHARE:
            payment = str(event.get("payment") or "")
            value = _rupiah(event.get("paid")) or 0
            self.came += value - self.payments.get(payment, 0)
            self.payments[payment] = value
            self.shared.add(payment)
        elif kind == CREDIT_USED:
            self.left += _rupiah(event.get("amount")) or 0

    def problems(self, index: int, event: Mapping[str, Any]) -> list[str]:
        kind = event["type"]
        if kind == CREDIT_USED:
            amount = _rupiah(event.get("amount"), least=1)
            targets = [key for key in ("payment", "refund") if event.get(key) is not None]
            if targets != ["payment"] and targets != ["refund"] or not isinstance(event[targets[0]], str) \
                    or not 1 <= len(event[targets[0]]) <= 24:
                return [f"lifecycle {index}: kredit dipakai untuk satu pembayaran atau satu pengembalian"]
            if amount is None:
                return [f"lifecycle {index}: jumlah rupiah tidak sah"]
            if self.left + amount > self.came:
                return [f"lifecycle {index}: kredit yang dipakai melebihi uang yang dibayar untuk peserta ini"]
        else:
            payment = str(event.get("payment") or "")
            if _rupiah(event.get("paid")) is None:
                return [f"lifecycle {index}: jumlah rupiah tidak sah"]
            if payment not in self.payments or payment in self.shared or self.left:
                # (before any credit left the record: a share is what came, not what remains)
                return [f"lifecycle {index}: bagian transfer hanya sekali untuk pembayaran yang tercatat"]
        self.add(event)
        return []


def _text(value: Any, required: bool = False) -> bool:
    """Whether ``value`` is a sound free text of an event (at most ``MAX_REASON`` characters)."""
    return isinstance(value, str) and len(value) <= MAX_REASON and (not required or bool(value.strip()))


class _Claims:
    """The incidents and claims a record's events hold, as ``event_problems`` walks them: a claim
    follows its incident and moves forward only, an incident is not dated after it was reported (nor
    after ``today``), and a worker dies once."""

    def __init__(self) -> None:
        self.states: dict[str, str] = {}          # claim id -> its state
        self.days: dict[str, dt.date] = {}        # claim id -> the incident's day
        self.died = False

    def add(self, event: Mapping[str, Any]) -> None:
        claim = str(event.get("claim") or "")
        if event.get("type") == INCIDENT:
            self.states[claim] = REPORTED
            day = _day(event.get("day"))
            if day is not None:
                self.days[claim] = day
            self.died = self.died or event.get("kind") == DEATH
        elif event.get("type") == CLAIM and event.get("state") in CLAIM_STATES and claim in self.states:
            self.states[claim] = event["state"]

    def problems(self, index: int, event: Mapping[str, Any], today: dt.date | None) -> list[str]:
        problems = []
        claim = event.get("claim")
        if not isinstance(claim, str) or not ANSWER_ID.match(claim):
            return [f"lifecycle {index}: kode klaim tidak sah"]
        if event["type"] == INCIDENT:
            day, at = _day(event.get("day")), stamp_day(event.get("at"))
            if claim in self.states:
                problems.append(f"lifecycle {index}: klaim {claim[:8]} sudah dilaporkan")
            if event.get("kind") not in INCIDENT_KINDS:
                problems.append(f"lifecycle {index}: jenis kejadian harus death, accident atau illness")
            elif event.get("kind") == DEATH and self.died:
                problems.append(f"lifecycle {index}: kematian peserta ini sudah dilaporkan")
            if not isinstance(event.get("at_work"), bool):
                problems.append(f"lifecycle {index}: at_work harus true atau false")
            elif event.get("kind") == ILLNESS and not event["at_work"]:
                problems.append(f"lifecycle {index}: penyakit dicatat hanya bila akibat kerja")
            # A day later than the report (a day of grace: Kalimantan's day begins 7 hours before UTC's).
            if day is None or day < EARLIEST_DAY or (at is not None and day > at + dt.timedelta(days=1)) \
                    or (today is not None and day > today + dt.timedelta(days=1)):
                problems.append(f"lifecycle {index}: tanggal kejadian tidak sah atau belum lewat")
            if not all(_text(event.get(key), key == "reported_by") for key in ("place", "what", "reported_by")):
                problems.append(f"lifecycle {index}: tempat, kronologi dan pelapor berupa teks paling panjang "
                                f"{MAX_REASON} huruf (pelapor wajib)")
        else:
            problems += self._claim_problems(index, claim, event, today)
        if not problems:
            self.add(event)
        return problems

    def _claim_problems(self, index: int, claim: str, event: Mapping[str, Any], today: dt.date | None) -> list[str]:
        if claim not in self.states:
            return [f"lifecycle {index}: klaim {claim[:8]} tanpa laporan kejadian"]
        problems = []
        held, state = self.states[claim], event.get("state")
        if held in CLAIM_FINAL:
            problems.append(f"lifecycle {index}: klaim {claim[:8]} sudah selesai")
        elif state is not None and (state not in CLAIM_STATES[1:]
                                    or CLAIM_STATES.index(state) <= CLAIM_STATES.index(held)):
            problems.append(f"lifecycle {index}: status klaim hanya maju (dilaporkan, dokumen lengkap, "
                            f"diajukan, dibayar atau ditolak)")
        documents = event.get("documents")
        if documents is not None and (not isinstance(documents, list) or len(documents) > MAX_DOCUMENTS or not all(
                isinstance(key, str) and DOCUMENT_KEY.match(key) for key in documents)):
            problems.append(f"lifecycle {index}: daftar dokumen tidak sah")
        if state is None and not documents:
            problems.append(f"lifecycle {index}: pembaruan klaim tanpa status atau dokumen")
        if state == CLAIM_PAID:
            day = _day(event.get("date"))
            if _rupiah(event.get("amount"), least=1) is None:
                problems.append(f"lifecycle {index}: jumlah klaim dibayar tidak sah")
            if day is None or day < self.days.get(claim, EARLIEST_DAY) or \
                    (today is not None and day > today + dt.timedelta(days=1)):
                problems.append(f"lifecycle {index}: tanggal klaim dibayar tidak sah")
        elif any(event.get(key) is not None for key in ("amount", "date")):
            problems.append(f"lifecycle {index}: jumlah dan tanggal hanya untuk klaim dibayar")
        if state == CLAIM_REFUSED and not _text(event.get("reason"), required=True):
            problems.append(f"lifecycle {index}: alasan penolakan klaim wajib (paling panjang {MAX_REASON} huruf)")
        elif state != CLAIM_REFUSED and event.get("reason") is not None:
            problems.append(f"lifecycle {index}: alasan hanya untuk klaim ditolak")
        return problems


def _answer_problems(index: int, event: Mapping[str, Any], answers: set[str], undone: set[str]) -> list[str]:
    """An event's answer id: the shape of one, an undo only of an answer the record carries and only
    once, and no event for an answer already undone. ``answers`` and ``undone`` (the ids carried and
    undone so far) grow with the event."""
    kind, answer = event["type"], event.get("answer")
    if kind != UNDONE:
        if answer is None:
            return []
        if not isinstance(answer, str) or not ANSWER_ID.match(answer):
            return [f"lifecycle {index}: kode jawaban BPJS tidak sah"]
        answers.add(answer)
        return [f"lifecycle {index}: jawaban BPJS ini sudah diurungkan"] if answer in undone else []
    problems = []
    if not isinstance(answer, str) or not ANSWER_ID.match(answer):
        problems.append(f"lifecycle {index}: kode jawaban BPJS yang diurungkan tidak sah")
    elif answer in undone:
        problems.append(f"lifecycle {index}: jawaban BPJS ini sudah diurungkan")
    elif answer not in answers:
        problems.append(f"lifecycle {index}: jawaban BPJS yang diurungkan tidak ada pada data ini")
    for key in ("file", "reason"):
        value = event.get(key)
        if value is not None and (not isinstance(value, str) or len(value) > MAX_REASON):
            problems.append(f"lifecycle {index}: {key} pengurungan tidak sah")
    if isinstance(answer, str):
        undone.add(answer)
    return problems


def expected(events: Sequence[Mapping[str, Any]], held: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The derived keys a record with these events must carry. Without events: a new record is
    enrolled with no KPJ and no coverage; ``held``, the version already stored, keeps what it had if it
    is a record from before events existed (nothing is ever gained without an event)."""
    if events:
        return derive(events).values()
    if held is not None and not held.get("lifecycle"):
        return {key: held.get(key) or None for key in DERIVED_KEYS} | {
            "status": held.get("status") if held.get("status") != "deleted" else "enrolled"}
    return {"status": "enrolled", "kpj_number": None, "coverage_start": None, "coverage_end": None}


def mismatch(record: Mapping[str, Any], held: Mapping[str, Any] | None = None) -> list[str]:
    """Derived keys that do not follow from the record's events (empty: consistent). A deleted record
    keeps the facts of its events (its KPJ, its coverage) with the status ``deleted``."""
    want = expected(record.get("lifecycle") or [], held)
    wrong = []
    for key in DERIVED_KEYS:
        value = record.get(key) or None
        if key == "status" and value == "deleted":
            continue
        if value != (want[key] or None):
            wrong.append(key)
    return wrong


def appended(held: Sequence[Any], events: Sequence[Any]) -> list[Any] | None:
    """The events added after those already ``held``; None when any held event was removed or changed
    (events are facts: they are only ever appended)."""
    if len(events) < len(held) or list(events[:len(held)]) != list(held):
        return None
    return list(events[len(held):])

"""Who the programme may enrol, judged by the job a person is said to have: one rule for the enrollment
form, ``lindung enroll``, a plain list of parents, a Dapodik export and the hub alike.

BAZNAS pays JKK + JKM for *pekerja rentan* who work without a wage (Bukan Penerima Upah, BPU). So:

- a wage earner (PNS, TNI/Polri, ASN/PPPK, honorer, Karyawan Swasta, Karyawan BUMN/BUMD, Guru/Dosen PNS,
  village officials paid from the village budget, a pensioner, a migrant worker abroad) is not eligible:
  their employer (or the migrant workers' scheme) covers them;
- someone without work (Tidak bekerja, Ibu Rumah Tangga, Pelajar/Mahasiswa) has no work to insure against
  accidents: not eligible, unless they do work, and then that job is what should be written;
- a deceased person (Dapodik's ``Sudah Meninggal``) is not enrolled;
- a job that says nothing (Dapodik's ``Tidak dapat diterapkan``) must be asked for before enrolling;
- a job to confirm (``Pedagang Besar``: hardly vulnerable) is enrolled with a warning.

Every entry path calls ``judge_job``: the same words give the same verdict everywhere (the form and the
hub refuse with an error, an import marks the row not eligible or skipped with the same message).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from desktop.domain.messages import QT_TRANSLATE_NOOP, Problem, error, warning
from desktop.domain.text import fold_spaces

ELIGIBLE = "eligible"          # the job says nothing against enrolling
CONFIRM = "confirm"            # enrolled, with a warning to check the job
UNKNOWN = "unknown"            # no job named: ask for it (an error to correct)
NOT_ELIGIBLE = "not_eligible"  # a wage earner, or no work: not enrolled
SKIPPED = "skipped"            # deceased (or nobody named): not enrolled

_NOT_KEY = re.compile(r"[^0-9a-z]")
_WORD = re.compile(r"[a-z]+")


def job_key(text: str) -> str:
    """``Guru / Dosen PNS`` -> ``gurudosenpns`` (lower case, letters and digits only)."""
    return _NOT_KEY.sub("", fold_spaces(text).lower())


_DECEASED = frozenset({
    "sudahmeninggal", "meninggal", "meninggaldunia", "telahmeninggal", "almarhum", "almarhumah", "alm", "wafat",
    "sudahwafat", "mendiang"})
# No work to insure (a housewife, a pupil, someone out of work).
_NO_WORK = frozenset({
    "tidakbekerja", "belumbekerja", "tidakbekerjabelumbekerja", "belumtidakbekerja", "tidakbelumbekerja",
    "tidakbekerjabelum", "belumbekerjatidakbekerja", "iburumahtangga", "irt", "ibrt", "mengurusrumahtangga",
    "urusrumahtangga", "pelajar", "mahasiswa", "pelajarmahasiswa", "siswa", "pengangguran", "menganggur",
    "nganggur", "tidakadapekerjaan", "tidakpunyapekerjaan"})
# Wage earners as Dapodik, EMIS, the KTP and BPJS's own lists name them (whole texts).
_WAGE_EARNER = frozenset({
    "pns", "pnstnipolri", "pnstni", "tnipolri", "tni", "polri", "asn", "pppk", "pegawainegeri",
    "pegawainegerisipil", "aparatursipilnegara", "karyawan", "karyawanswasta", "pegawaiswasta", "karyawanbumn",
    "karyawanbumd", "karyawanbumnbumd", "pegawaibumn", "pegawaibumd", "karyawanhonorer", "pensiunan",
    "purnawirawan", "pensiunanpns", "gurudosenpns", "gurupns", "dosenpns", "guruasn", "dosenasn",
    "tenagakerjaindonesia", "tki", "tkw", "pekerjamigranindonesia", "pmi", "tentaranasionalindonesia",
    "kepolisian", "anggotatni", "anggotapolri", "anggotadpr", "anggotadprd", "pejabatnegara",
    "buruhmigran", "karyawanpabrik", "karyawanperusahaan", "pegawaiperusahaan", "pekerjaformal",
    "penerimaupah", "pu", "kepolisianri", "kepaladesa", "perangkatdesa", "sekretarisdesa", "lurah"})
# Single words that make a longer text a wage earner's ("Guru SD PNS", "Karyawan BUMN (PLN)").
_WAGE_WORDS = frozenset({"pns", "asn", "pppk", "tni", "polri", "kepolisian", "bumn", "bumd", "pensiunan",
                         "purnawirawan", "karyawan", "pegawai", "honorer"})
# Words that name no job at all.
_UNKNOWN = frozenset({
    "tidakdapatditerapkan", "tidakditerapkan", "tdkdapatditerapkan", "tidakdiketahui", "tidaktahu", "na",
    "tidakada", "tidakdiisi", "belumdiisi", "kosong", "x", "0", "00", "000"})
_TO_CONFIRM = frozenset({"pedagangbesar", "pengusaha", "pengusahabesar", "wiraswastabesar", "juragan"})


@dataclass(frozen=True)
class JobVerdict:
    """What the programme makes of a job as written: one of the kinds above and, but for ELIGIBLE, why."""

    kind: str
    problem: Problem | None = None


_OK = JobVerdict(ELIGIBLE)


_NO_WORK_KIND = "no_work"   # NOT_ELIGIBLE, for want of work (its own message)


def _kind(text: str, key: str) -> str:
    if not key:
        return UNKNOWN if text else ELIGIBLE   # "-", "?": a mark, not a job
    if not key.strip("0") or key in _UNKNOWN:
        return UNKNOWN
    if key in _DECEASED:
        return SKIPPED
    if key in _WAGE_EARNER:
        return NOT_ELIGIBLE
    if key in _NO_WORK:
        return _NO_WORK_KIND
    if key in _TO_CONFIRM:
        return CONFIRM
    words = set(_WORD.findall(text.lower()))
    if words & _DECEASED:
        return SKIPPED
    # ... but a casual day worker ("karyawan harian lepas") is paid by the day, without a wage earner's cover.
    if words & _WAGE_WORDS and not words & {"lepas", "harian", "serabutan"}:
        return NOT_ELIGIBLE
    if {"rumah", "tangga"} <= words and words & {"ibu", "mengurus", "urus"}:
        return _NO_WORK_KIND
    return ELIGIBLE


@functools.lru_cache(maxsize=4096)
def judge_job(text: str, field: str = "occupation") -> JobVerdict:
    """The verdict on a job as written (``PNS``, ``Ibu Rumah Tangga``, ``Guru/Dosen PNS``, ``Petani``).

    Names of eligible jobs (and anything unknown, which becomes "Lainnya" with its text) are ELIGIBLE.
    """
    text = fold_spaces(text)
    kind = _kind(text, job_key(text))
    if kind == ELIGIBLE:
        return _OK
    if kind == SKIPPED:
        return JobVerdict(kind, error(field, QT_TRANSLATE_NOOP(
            "Validation", "Sudah meninggal (pekerjaan tertulis \"{job}\"): tidak didaftarkan."), job=text))
    if kind == _NO_WORK_KIND:
        return JobVerdict(NOT_ELIGIBLE, error(field, QT_TRANSLATE_NOOP(
            "Validation", "Pekerjaan \"{job}\": tidak bekerja, jadi tidak ada pekerjaan yang dilindungi JKK; program "
                          "ini untuk pekerja rentan yang bekerja. Bila ia bekerja (mis. berdagang, bertani), tulis "
                          "pekerjaan itu."), job=text))
    if kind == NOT_ELIGIBLE:
        return JobVerdict(kind, error(field, QT_TRANSLATE_NOOP(
            "Validation", "Pekerjaan \"{job}\": penerima upah (pegawai, karyawan, pensiunan), bukan pekerja rentan "
                          "bukan penerima upah (BPU) yang dibiayai program ini; tidak didaftarkan."), job=text))
    if kind == UNKNOWN:
        return JobVerdict(kind, error(field, QT_TRANSLATE_NOOP(
            "Validation", "Pekerjaan \"{job}\" tidak menyebut pekerjaan apa pun. Tanyakan pekerjaannya (mis. petani, "
                          "nelayan, pedagang kecil), lalu isi kolom Pekerjaan."), job=text))
    return JobVerdict(kind, warning(field, QT_TRANSLATE_NOOP(
        "Validation", "Pekerjaan \"{job}\": pastikan ia pekerja rentan (penghasilan kecil, tanpa upah tetap) sebelum "
                      "didaftarkan; perbaiki pekerjaannya bila perlu."), job=text))


@dataclass(frozen=True)
class Verdict:
    """A person read from a file but not to be enrolled: skipped (deceased, empty) or not eligible."""

    status: str
    reason: Problem


def import_verdict(job: str) -> Verdict | None:
    """For a row of a list or a Dapodik export: the reason it is not enrolled at all (not eligible,
    deceased), else None (the row is checked; ``judge_job`` then adds its error or warning)."""
    verdict = judge_job(job)
    if verdict.kind in (NOT_ELIGIBLE, SKIPPED):
        return Verdict(verdict.kind, verdict.problem)
    return None


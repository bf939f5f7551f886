"""Local accounts: several volunteers may share one laptop.  Passwords are hashed with Argon2id."""

from __future__ import annotations

import datetime as dt
import enum
import functools
import hmac
import re
import threading
from dataclasses import dataclass

from desktop.domain.actors import ROLE_LABELS, SYSTEM, Actor, Role
from desktop.domain.clock import utcnow
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.text import fold_spaces
from desktop.paths import INDONESIAN_WORDS, REGIONS_CSV
from desktop.services import audit, keys, lockout
from desktop.services.errors import AuthenticationFailed, PermissionDenied, ServiceError
from desktop.services.workspace import Workspace
from desktop.storage import accounts as stored_accounts
from desktop.storage import schools
from desktop.storage import settings as stored_settings
from desktop.storage.accounts import AccountRecord

MIN_PASSWORD = 10   # for new passwords; accounts made with a shorter one still sign in
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
# Argon2 is imported by the functions that use it: every command asks has_accounts() first, and a
# command that only reads should not load it for that.


def load_for_sign_in() -> None:
    """Import what a sign-in uses (Argon2) ahead of time: the window does it while the password is typed."""
    _hasher()


@functools.cache
def _hasher():
    """Argon2id with the library's recommended parameters."""
    from argon2 import PasswordHasher

    return PasswordHasher()


def hash_password(secret: str) -> str:
    """The Argon2id hash (PHC string) of a password or a recovery code."""
    return _hasher().hash(secret)


# --- new passwords ----------------------------------------------------------------------------------
# Judged by zxcvbn's estimate of the guesses needed (repeats, sequences, keyboard walks, dates, words of
# its English lists and of Indonesian ones, the user's own names), refused below score 3 (fewer than about
# 10^8 guesses), with the reason in Indonesian.

MIN_SCORE = 3
# Words anyone guessing a Lindung password tries first, counted like the user's own names.
APP_WORDS = ("lindung", "bpjs", "baznas", "pontianak", "kalbar", "kalimantan", "kalimantanbarat", "ketenagakerjaan",
             "bpjamsostek", "jamsostek", "zakat", "mustahik", "relawan", "koordinator", "admin", "cabang")
_ESTIMATE_LENGTH = 72    # zxcvbn refuses longer; a longer password is judged by its start
_estimating = threading.Lock()   # zxcvbn keeps the user's words in a module global for the call

_REASONS = {
    "passwords": QT_TRANSLATE_NOOP(
        "Service", "Kata sandi terlalu umum: termasuk kata sandi yang paling sering dipakai orang. Gunakan tiga "
                   "atau empat kata yang tidak saling berhubungan, dipisah spasi atau tanda hubung."),
    "user_inputs": QT_TRANSLATE_NOOP(
        "Service", "Kata sandi mudah ditebak: memuat nama Anda, nama pengguna, atau kata yang dekat dengan "
                   "Lindung (mis. lindung, bpjs, baznas). Gunakan tiga atau empat kata yang tidak saling "
                   "berhubungan, dipisah spasi atau tanda hubung."),
    "dictionary": QT_TRANSLATE_NOOP(
        "Service", "Kata sandi mudah ditebak: terdiri dari kata atau nama yang umum, walau ditambah angka, tanda "
                   "baca atau huruf besar. Gunakan tiga atau empat kata yang tidak saling berhubungan, dipisah "
                   "spasi atau tanda hubung."),
    "l33t": QT_TRANSLATE_NOOP(
        "Service", "Kata sandi mudah ditebak: kata umum yang hurufnya diganti angka atau simbol (mis. 4 untuk a, "
                   "0 untuk o) atau dibalik tetap mudah ditebak. Gunakan tiga atau empat kata yang tidak saling "
                   "berhubungan, dipisah spasi atau tanda hubung."),
    "repeat": QT_TRANSLATE_NOOP(
        "Service", "Kata sandi mudah ditebak: huruf, angka atau kata yang diulang-ulang (mis. aaaa, 1111, "
                   "abcabc). Gunakan tiga atau empat kata yang tidak saling berhubungan, dipisah spasi atau tanda "
                   "hubung."),
    "sequence": QT_TRANSLATE_NOOP(
        "Service", "Kata sandi mudah ditebak: urutan huruf atau angka (mis. abcd, 1234, 9876). Gunakan tiga atau "
                   "empat kata yang tidak saling berhubungan, dipisah spasi atau tanda hubung."),
    "spatial": QT_TRANSLATE_NOOP(
        "Service", "Kata sandi mudah ditebak: deretan tombol yang berdampingan di papan ketik (mis. qwerty, asdf, "
                   "zxcv). Gunakan tiga atau empat kata yang tidak saling berhubungan, dipisah spasi atau tanda "
                   "hubung."),
    "date": QT_TRANSLATE_NOOP(
        "Service", "Kata sandi mudah ditebak: memuat tanggal atau tahun (mis. tanggal lahir). Gunakan tiga atau "
                   "empat kata yang tidak saling berhubungan, dipisah spasi atau tanda hubung."),
    "bruteforce": QT_TRANSLATE_NOOP(
        "Service", "Kata sandi terlalu mudah ditebak. Gunakan tiga atau empat kata yang tidak saling berhubungan, "
                   "dipisah spasi atau tanda hubung."),
}


@functools.cache
def _indonesian_words() -> tuple[str, ...]:
    """The shipped Indonesian words (most common first), then the words of Kalbar's place names and each
    name written as one word ("Sungai Raya": sungai, raya, sungairaya)."""
    import csv

    words: dict[str, None] = {}
    with open(INDONESIAN_WORDS, encoding="utf-8") as handle:
        words.update((line.strip(), None) for line in handle if line.strip() and not line.startswith("#"))
    with open(REGIONS_CSV, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            parts = re.findall(r"[a-z]+", row["nama"].lower())
            words.update((part, None) for part in parts if len(part) > 2)
            if len(parts) > 1:
                words["".join(parts)] = None
    return tuple(words)


@functools.cache
def _estimator():
    """zxcvbn, with the Indonesian words added to its dictionaries (once per process)."""
    from zxcvbn import matching, zxcvbn

    matching.add_frequency_lists({"indonesian": _indonesian_words()})
    return zxcvbn


def load_for_passwords() -> None:
    """Load what judging a new password needs (zxcvbn and its word lists, about 0.1 s) ahead of time."""
    _estimator()


_SEPARATORS = re.compile(r"[\s\-_.,/]+")


def _weakness(password: str, user_words: list[str]) -> str | None:
    """The reason a password is too easy to guess (a ``_REASONS`` template), or None. It is judged as
    typed and run together (without spaces and separators, each word's capital dropped) too: zxcvbn
    counts every gap between words as a guess of its own, so "Sungai Raya 2026" would pass where
    "sungairaya2026" does not."""
    estimate = _estimator()
    joined = "".join(word[:1].lower() + word[1:] for word in _SEPARATORS.split(password))
    candidates = {password[:_ESTIMATE_LENGTH], joined[:_ESTIMATE_LENGTH]}
    with _estimating:
        results = [estimate(candidate, user_inputs=user_words) for candidate in candidates if candidate]
    result = min(results, key=lambda r: r["guesses"])
    if result["score"] >= MIN_SCORE:
        return None
    matches = [m for m in result["sequence"] if m["pattern"] != "bruteforce"]
    if not matches:
        return _REASONS["bruteforce"]
    longest = max(matches, key=lambda m: len(m["token"]))   # what makes it guessable, as zxcvbn's own advice
    pattern = longest["pattern"]
    if pattern == "dictionary":
        if longest.get("l33t") or longest.get("reversed"):
            return _REASONS["l33t"]
        return _REASONS.get(longest.get("dictionary_name"), _REASONS["dictionary"])
    if pattern == "regex":   # zxcvbn's only regex: a recent year
        return _REASONS["date"]
    return _REASONS.get(pattern, _REASONS["bruteforce"])


def check_password(password: str, username: str = "", display_name: str = "") -> None:
    """Refuse a new password with the reason (in Indonesian): too short, the user name itself, or too
    easy to guess (zxcvbn's estimate, with Indonesian words and the user's own names)."""
    if len(password) < MIN_PASSWORD:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Kata sandi terlalu pendek: paling sedikit {n} karakter."),
                           n=MIN_PASSWORD)
    name = fold_spaces(username).lower()
    lowered = password.lower()
    if name and name in (lowered, _PADDING.sub("", lowered), lowered.replace(" ", "")):
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Kata sandi tidak boleh sama dengan nama pengguna."))
    user_words = [*APP_WORDS, name, *re.split(r"[\W_]+", name)]
    display = fold_spaces(display_name).lower()
    if display:
        user_words += [display, display.replace(" ", ""), *display.split()]
    reason = _weakness(password, [word for word in user_words if len(word) > 2])
    if reason is not None:
        raise ServiceError(reason)


# Digits and punctuation around a name ("relawan.sambas2024") do not make it another password.
_PADDING = re.compile(r"^[\W\d_]+|[\W\d_]+$")


def has_accounts(ws: Workspace) -> bool:
    with ws.read() as tx:
        return stored_accounts.any_account(tx)


def create_account(ws: Workspace, username: str, display_name: str, password: str, role: Role,
                   by: Actor | None = None, school_npsn: str | None = None) -> Actor:
    """Create an account; the first account on a laptop must be the admin."""
    username = fold_spaces(username).lower()
    display_name = fold_spaces(display_name) or username
    if not _USERNAME.match(username):
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Nama pengguna 2–32 huruf kecil, angka, titik, garis bawah atau tanda hubung."))
    check_password(password, username, display_name)
    with ws.write() as tx:
        count = stored_accounts.count(tx)
        if count == 0 and role is not Role.ADMIN:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Akun pertama harus akun admin."))
        if count and (by is None or not by.is_admin):
            raise PermissionDenied(QT_TRANSLATE_NOOP("Service", "Hanya admin yang dapat membuat akun."))
        if stored_accounts.get(tx, username) is not None:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Nama pengguna \"{name}\" sudah dipakai."), name=username)
        school_npsn = fold_spaces(school_npsn) or None
        if school_npsn is not None and schools.by_npsn(tx, school_npsn) is None:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Sekolah dengan NPSN {npsn} belum terdaftar."),
                               npsn=school_npsn)
        if role is Role.COORDINATOR and school_npsn is None:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Akun koordinator sekolah harus menyebut sekolahnya."))
        password_hash = _hasher().hash(password)
        stored_accounts.add(tx, AccountRecord(username, display_name, role.value, password_hash, True, utcnow(),
                                              school_npsn=school_npsn))
        audit.record(tx, ws, by or username, "create", f"akun {username}",
                     {"role": role.value, "school": school_npsn})
    # The database key, wrapped for this password: from now on the database opens with a sign-in.
    keys.set_account(ws.path, ws.key, username, password_hash)
    return Actor(username, display_name, role, school_npsn)


def _password_matches(password: str, password_hash: str, proof: keys.Proof | None, username: str) -> bool:
    """Whether ``password`` is the one ``password_hash`` (Argon2id) was made from. With the ``proof``
    of unlocking the database with this password, the raw hash it computed is compared with the
    stored one when salt and parameters are the same (the same computation, done once); otherwise
    Argon2 computes it."""
    from argon2.exceptions import InvalidHashError, VerificationError

    if proof is not None and proof.is_for(username, password):
        try:
            params, salt, raw = keys._parse_phc(password_hash)
        except (ValueError, KeyError):
            pass
        else:
            if params == proof.params and salt == proof.salt and len(raw) == len(proof.raw):
                return hmac.compare_digest(raw, proof.raw)
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def authenticate(ws: Workspace, username: str, password: str, now: dt.datetime | None = None,
                 proof: keys.Proof | None = None) -> Actor:
    """Sign in. Five wrong passwords in a row lock the name on this laptop for a growing while
    (services.lockout); a locked name is refused, even with the right password, until then.
    ``proof``: what ``keys.unlock_with_proof`` computed from this same password (see
    _password_matches)."""
    username = fold_spaces(username).lower()
    try:
        attempt = lockout.begin(ws.path, username, now)   # counted before the password is checked
    except lockout.AccountLocked:
        record_signin_failures(ws)
        raise
    known = False
    try:
        with ws.write() as tx:
            account = stored_accounts.get(tx, username)
            known = account is not None and account.active
            if not known:
                # Spend the same effort as a real check so timing does not reveal which names exist.
                _password_matches(password, _dummy_hash(), None, username)
                raise AuthenticationFailed(lockout.WRONG)
            password_hash = account.password_hash
            if not _password_matches(password, password_hash, proof, username):
                raise AuthenticationFailed(lockout.WRONG)
            attempt.succeeded()   # before anything is written: a lock set meanwhile refuses it still
            rehashed = _hasher().check_needs_rehash(password_hash)
            if rehashed:
                password_hash = _hasher().hash(password)
            stored_accounts.signed_in(tx, username, password_hash, utcnow())
            actor = _actor(account)
    except lockout.AccountLocked:
        record_signin_failures(ws)
        raise
    except AuthenticationFailed:
        error = attempt.failed(known)
        record_signin_failures(ws)
        raise error from None
    record_signin_failures(ws)   # wrong passwords typed while the database was still closed
    keyfile = keys.load(ws.path)
    if rehashed or keyfile is None or actor.username not in keyfile.accounts or keyfile.open_key is not None:
        # Keep the key file in step (after a rehash, or a key file written before this account).
        keys.set_account(ws.path, ws.key, actor.username, password_hash)
    return actor


# --- changing and resetting passwords -------------------------------------------------------------
# A password reset by an admin is temporary: the account must choose its own at its next sign-in
# (window and command line refuse everything else until then). The mark is a setting of this laptop.

MUST_CHANGE_PREFIX = "account.must_change."


def must_change_password(ws: Workspace, username: str) -> bool:
    """True when ``username``'s password was reset by an admin and not yet replaced by its own."""
    with ws.read() as tx:
        return stored_settings.get(tx, MUST_CHANGE_PREFIX + fold_spaces(username).lower()) is not None


def store_password(ws: Workspace, username: str, password: str, by: Actor | str, action: str,
                  details: dict, temporary: bool) -> None:
    """Check and store a new password for an active account, audited, and wrap the database key for it."""
    with ws.write() as tx:
        account = stored_accounts.get(tx, username, active=True)
        if account is None:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Akun \"{name}\" tidak ada di laptop ini."), name=username)
        check_password(password, username, account.display_name)
        if _password_matches(password, account.password_hash, None, username):
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Kata sandi baru harus berbeda dari kata sandi sekarang."))
        password_hash = _hasher().hash(password)
        stored_accounts.set_password_hash(tx, username, password_hash)
        if temporary:
            stored_settings.put_new(tx, MUST_CHANGE_PREFIX + username, "1")
        else:
            stored_settings.delete(tx, MUST_CHANGE_PREFIX + username)
        audit.record(tx, ws, by, action, f"akun {username}", details)
    keys.set_account(ws.path, ws.key, username, password_hash)
    lockout.forget(ws.path, username)


def reset_password(ws: Workspace, username: str, new_password: str, by: Actor) -> None:
    """An admin gives another account a temporary password; its owner must replace it at the next sign-in."""
    if not by.is_admin:
        raise PermissionDenied(QT_TRANSLATE_NOOP("Service", "Hanya admin yang dapat mengatur ulang kata sandi."))
    username = fold_spaces(username).lower()
    if username == by.username:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Untuk kata sandi Anda sendiri, pakai menu Akun → Ganti "
                                                        "kata sandi."))
    store_password(ws, username, new_password, by, "password_reset", {"must_change": True}, temporary=True)


def change_password(ws: Workspace, actor: Actor, new_password: str, old_password: str | None) -> None:
    """A user replaces their own password. ``old_password`` may be left out only right after signing in
    with a temporary one (an admin's reset), which must be replaced before anything else."""
    if old_password is None:
        if not must_change_password(ws, actor.username):
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Isi kata sandi lama."))
    else:
        with ws.read() as tx:
            account = stored_accounts.get(tx, actor.username, active=True)
        if account is None or not _password_matches(old_password, account.password_hash, None, actor.username):
            raise AuthenticationFailed(QT_TRANSLATE_NOOP("Service", "Kata sandi lama salah."))
    store_password(ws, actor.username, new_password, actor, "password_change", {}, temporary=False)


def record_signin_failures(ws: Workspace) -> int:
    """Write the wrong sign-ins queued by services.lockout to the audit log; returns how many."""
    events = lockout.take_events(ws.path)
    if not events:
        return 0
    try:
        with ws.write() as tx:
            for event in events:
                name = event.get("name")
                audit.record(tx, ws, audit.SYSTEM, "signin_failed",
                                f"akun {name}" if name else "akun tidak dikenal",
                                {"attempted_at": event.get("at"), "failures": event.get("failures"),
                                 "locked_minutes": event.get("locked_minutes")})
    except BaseException:
        lockout.requeue_events(ws.path, events)
        raise
    return len(events)


def _actor(account: AccountRecord) -> Actor:
    return Actor(account.username, account.display_name, Role(account.role), account.school_npsn)


def list_accounts(ws: Workspace) -> list[Actor]:
    with ws.read() as tx:
        return [_actor(account) for account in stored_accounts.active(tx)]


@functools.cache
def _dummy_hash() -> str:
    return _hasher().hash("lindung-dummy-password")


LOCK_KEY = "security.lock_minutes"
DEFAULT_LOCK_MINUTES = 10


def lock_minutes(ws: Workspace) -> int:
    """Minutes without input after which the window locks (0: never)."""
    with ws.read() as tx:
        value = stored_settings.get(tx, LOCK_KEY)
    return int(value) if value is not None else DEFAULT_LOCK_MINUTES


def set_lock_minutes(ws: Workspace, minutes: int, by: Actor) -> None:
    if not by.is_admin:
        raise PermissionDenied(QT_TRANSLATE_NOOP("Service", "Hanya admin yang dapat melakukan ini."))
    if not 0 <= minutes <= 240:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Kunci otomatis: 0 (mati) sampai 240 menit."))
    with ws.write() as tx:
        old = stored_settings.get(tx, LOCK_KEY)
        stored_settings.put(tx, LOCK_KEY, str(minutes))
        audit.record(tx, ws, by, "edit", "pengaturan kunci otomatis",
                     {"lock_minutes": [old if old is not None else str(DEFAULT_LOCK_MINUTES), str(minutes)]})

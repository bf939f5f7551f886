import pytest

from desktop.services import accounts
from desktop.services.accounts import Role
from desktop.services.errors import AuthenticationFailed, PermissionDenied, ServiceError
from desktop.storage.models import Account
from tests import ormdb


def test_first_account_must_be_admin_and_passwords_are_argon2(ws):
    assert not accounts.has_accounts(ws)
    with pytest.raises(ServiceError, match="admin"):
        accounts.create_account(ws, "rina", "Rina", "kapal-motor-admin-1", Role.VOLUNTEER)
    admin = accounts.create_account(ws, "Admin", "Admin Cabang", "kapal-motor-admin-1", Role.ADMIN)
    assert admin.username == "admin" and accounts.has_accounts(ws)
    with ormdb.session(ws) as session:
        stored = session.query(Account).one().password_hash
    assert stored.startswith("$argon2id$") and "kapal-motor-admin-1" not in stored


def test_sign_in_and_refusals(ws):
    admin = accounts.create_account(ws, "admin", "Admin", "kapal-motor-admin-1", Role.ADMIN)
    assert accounts.authenticate(ws, " ADMIN ", "kapal-motor-admin-1") == admin
    with pytest.raises(AuthenticationFailed, match="salah"):
        accounts.authenticate(ws, "admin", "salah-sandi")
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(ws, "tidakada", "kapal-motor-admin-1")


def test_only_admins_create_accounts(ws):
    admin = accounts.create_account(ws, "admin", "Admin", "kapal-motor-admin-1", Role.ADMIN)
    rina = accounts.create_account(ws, "rina", "Rina", "kapal-motor-rina-4", Role.VOLUNTEER, by=admin)
    with pytest.raises(PermissionDenied):
        accounts.create_account(ws, "budi", "Budi", "kapal-motor-budi-7", Role.VOLUNTEER, by=rina)
    with pytest.raises(ServiceError, match="sudah dipakai"):
        accounts.create_account(ws, "rina", "Rina 2", "kapal-motor-rina-4", Role.VOLUNTEER, by=admin)
    with pytest.raises(ServiceError, match="terlalu pendek: paling sedikit 10 karakter"):
        accounts.create_account(ws, "budi", "Budi", "pendek", Role.VOLUNTEER, by=admin)
    assert [a.username for a in accounts.list_accounts(ws)] == ["admin", "rina"]


def test_coordinator_accounts_name_their_school(ws):
    from desktop.services.schools import add_school

    admin = accounts.create_account(ws, "admin", "Admin", "kapal-motor-admin-1", Role.ADMIN)
    with pytest.raises(ServiceError, match="harus menyebut sekolahnya"):
        accounts.create_account(ws, "rina", "Rina", "kapal-motor-admin-1", Role.COORDINATOR, by=admin)
    with pytest.raises(ServiceError, match="belum terdaftar"):
        accounts.create_account(ws, "rina", "Rina", "kapal-motor-admin-1", Role.COORDINATOR, by=admin,
                                school_npsn="69800001")
    add_school(ws, "69800001", "SD Negeri 12", "SD", "6171")
    accounts.create_account(ws, "rina", "Rina", "kapal-motor-admin-1", Role.COORDINATOR, by=admin, school_npsn="69800001")
    assert accounts.authenticate(ws, "rina", "kapal-motor-admin-1").school_npsn == "69800001"


# --- password rules --------------------------------------------------------------------------------

REPEATS = "mudah ditebak: huruf, angka atau kata yang diulang-ulang"
SEQUENCE = "mudah ditebak: urutan huruf atau angka"
WORDS = "mudah ditebak: terdiri dari kata atau nama yang umum"
OWN_WORDS = "mudah ditebak: memuat nama Anda, nama pengguna, atau kata yang dekat dengan Lindung"
COMMON = "terlalu umum: termasuk kata sandi yang paling sering dipakai"
ADVICE = "Gunakan tiga atau empat kata yang tidak saling berhubungan"


@pytest.mark.parametrize(("password", "reason"), [
    ("pendek123", "terlalu pendek: paling sedikit 10 karakter"),
    ("aaaaaaaaaa", REPEATS),
    ("1111111111", REPEATS),
    ("          ", REPEATS),
    ("0123456789", SEQUENCE),
    ("abcdefghij", SEQUENCE),
    ("qwertyuiop", COMMON),
    ("asdfghjkl;'", "mudah ditebak: deretan tombol yang berdampingan di papan ketik"),
    ("Password123", COMMON),
    ("P@ssw0rd2024", "kata umum yang hurufnya diganti angka atau simbol"),
    ("Sungai Raya 2026", WORDS),          # Kalbar's places, however spaced and capitalised
    ("Kubu Raya 2025", WORDS),
    ("sungai-kakap-1999", WORDS),
    ("sayangku123", WORDS),
    ("pontianak123456", OWN_WORDS),
    ("2024pontianak", OWN_WORDS),
    ("kalimantan", OWN_WORDS),
    ("baznas-pontianak", OWN_WORDS),
    ("Rina Wati 1990", OWN_WORDS),         # the display name
    ("15081990sayang", "mudah ditebak: memuat tanggal atau tahun"),
    ("Relawan.Sambas", "tidak boleh sama dengan nama pengguna"),
])
def test_new_passwords_are_refused_with_the_reason_in_indonesian(ws, password, reason):
    admin = accounts.create_account(ws, "admin", "Admin", "kapal-motor-admin-1", Role.ADMIN)
    with pytest.raises(ServiceError) as refused:
        accounts.create_account(ws, "relawan.sambas", "Rina Wati", password, Role.VOLUNTEER, by=admin)
    assert reason in refused.value.message
    if "tidak boleh" not in reason and "terlalu pendek" not in reason:
        assert refused.value.message.endswith(ADVICE + ", dipisah spasi atau tanda hubung.")
    assert [a.username for a in accounts.list_accounts(ws)] == ["admin"]
    accounts.create_account(ws, "relawan.sambas", "Rina Wati", "kapal-motor-di-kapuas", Role.VOLUNTEER, by=admin)


def test_every_reason_is_indonesian_and_translatable():
    """zxcvbn's own advice is English: none of it reaches anyone, every reason is one of Lindung's."""
    reasons = set()
    for password in ("aaaaaaaaaa", "1111111111", "0123456789", "abcdefghij", " " * 10, "qwertyuiop",
                     "zxcvbnm,./", "P@ssw0rd2024", "Sungai Raya 2026", "pontianak123456", "15081990sayang",
                     "xq" * 6):
        with pytest.raises(ServiceError) as refused:
            accounts.check_password(password, "rina", "Rina")
        assert refused.value.template in accounts._REASONS.values()
        assert not any(word in refused.value.message for word in ("easy", "guess", "Avoid", "Add another"))
        reasons.add(refused.value.template)
    assert len(reasons) >= 6


@pytest.mark.parametrize("password", ["kapal motor di kapuas", "jendela biru mangga terbang", "Tikar pandan, 7 lembar!",
                                      "kebun-karet-relawan-7", "x" * 10 + "kapal motor di kapuas" * 4])
def test_strong_passphrases_are_accepted(password):
    accounts.check_password(password, "rina", "Rina Wati")


def test_the_first_admin_is_held_to_the_same_rules(ws):
    with pytest.raises(ServiceError, match="mudah ditebak"):
        accounts.create_account(ws, "admin", "Admin", "sayangku123", Role.ADMIN)
    assert not accounts.has_accounts(ws)


def test_the_dictionary_has_indonesian_words_names_and_kalbar_places():
    words = set(accounts._indonesian_words())
    assert {"bismillah", "sayangku", "rahasia", "indonesia", "merdeka", "siti", "aminah", "sungai", "raya",
            "sungairaya", "kuburaya", "singkawang", "sambas", "kakap"} <= words
    assert len(words) > 3000


def test_accounts_made_with_a_shorter_password_still_sign_in(ws):
    from argon2 import PasswordHasher

    from desktop.services import keys
    from desktop.domain.clock import utcnow

    old_hash = PasswordHasher().hash("lama1234")     # 8 characters: allowed when the account was made
    with ormdb.session(ws, write=True) as session:
        session.add(Account(username="lama", display_name="Akun Lama", role="admin", password_hash=old_hash,
                            active=True, created_at=utcnow()))
    keys.set_account(ws.path, ws.key, "lama", old_hash)
    assert keys.unlock(ws.path, "lama", "lama1234") == ws.key
    assert accounts.authenticate(ws, "lama", "lama1234").username == "lama"


# --- wrong passwords in a row ---------------------------------------------------------------------

def _wrong(ws, now, name="admin"):
    with pytest.raises(AuthenticationFailed) as caught:
        accounts.authenticate(ws, name, "salah-sandi", now=now)
    return caught.value


def test_five_wrong_sign_ins_lock_the_account_for_a_growing_while(ws):
    import datetime as dt

    from desktop.services import lockout

    accounts.create_account(ws, "admin", "Admin", "kapal-motor-admin-1", Role.ADMIN)
    start = dt.datetime(2026, 11, 24, 8, 0)
    for i in range(4):
        error = _wrong(ws, start + dt.timedelta(seconds=i))
        assert not isinstance(error, lockout.AccountLocked) and error.message == "Nama pengguna atau kata sandi salah."
    fifth = _wrong(ws, start + dt.timedelta(seconds=4))
    assert isinstance(fifth, lockout.AccountLocked)
    assert "5 kali salah" in fifth.message and "dikunci 1 menit" in fifth.message

    # Locked: the right password is refused too, unchecked, with how long to wait; every attempt counts,
    # but one refused does not lengthen the lock in force.
    with pytest.raises(lockout.AccountLocked, match="Coba lagi dalam 1 menit"):
        accounts.authenticate(ws, "admin", "kapal-motor-admin-1", now=start + dt.timedelta(seconds=30))
    assert lockout.state(ws.path, "admin") == lockout.State(6, start + dt.timedelta(minutes=1, seconds=4))

    # Each further wrong one doubles the wait: 4, 8, 16, then 30 minutes at most.
    at = start + dt.timedelta(seconds=4)
    for failures, minutes in ((7, 4), (8, 8), (9, 16), (10, 30), (11, 30)):
        at = lockout.state(ws.path, "admin").locked_until + dt.timedelta(seconds=1)
        error = _wrong(ws, at)
        assert f"{failures} kali salah" in error.message and f"dikunci {minutes} menit" in error.message
    with pytest.raises(lockout.AccountLocked, match="Coba lagi dalam 30 menit"):
        accounts.authenticate(ws, "admin", "kapal-motor-admin-1", now=at + dt.timedelta(seconds=1))

    # Once the wait is over the right password signs in, and the count starts again.
    later = at + dt.timedelta(minutes=30, seconds=1)
    assert accounts.authenticate(ws, "admin", "kapal-motor-admin-1", now=later).username == "admin"
    assert lockout.state(ws.path, "admin").failures == 0
    for i in range(4):
        assert not isinstance(_wrong(ws, later + dt.timedelta(seconds=i)), lockout.AccountLocked)
    assert accounts.authenticate(ws, "admin", "kapal-motor-admin-1", now=later + dt.timedelta(seconds=5))


def test_wrong_sign_ins_are_in_the_audit_log_and_unknown_names_are_not_written_down(ws):
    import datetime as dt

    from desktop.services import audit, lockout

    admin = accounts.create_account(ws, "admin", "Admin", "kapal-motor-admin-1", Role.ADMIN)
    start = dt.datetime(2026, 11, 24, 8, 0)
    for i in range(5):
        _wrong(ws, start + dt.timedelta(seconds=i))
    # A password typed into the name field: counted like a name, but kept nowhere in the clear.
    for i in range(5):
        error = _wrong(ws, start + dt.timedelta(seconds=i), name="kapal-motor-rahasia")
    assert isinstance(error, lockout.AccountLocked)   # unknown names lock too: the lock tells no one a name exists
    assert "kapal-motor-rahasia" not in lockout.state_path(ws.path).read_text()

    failed = [e for e in audit.entries(ws, admin) if e.action == "signin_failed"][::-1]
    assert [(e.actor, e.subject, e.details["failures"], e.details["locked_minutes"]) for e in failed] == \
        [("sistem", "akun admin", n, 1 if n == 5 else None) for n in range(1, 6)] + \
        [("sistem", "akun tidak dikenal", n, 1 if n == 5 else None) for n in range(1, 6)]
    assert failed[0].details["attempted_at"] == "2026-11-24T08:00:00Z"
    assert all("kapal-motor" not in e.subject + str(e.details) for e in audit.entries(ws, admin))
    assert audit.verify(ws, admin).intact


def test_the_lock_holds_before_the_encrypted_database_opens(tmp_path):
    """Signing in to a laptop with accounts unlocks its database: wrong passwords are counted there,
    and written to the audit log once the database opens."""
    import datetime as dt

    from desktop.services import audit, keys, lockout
    from desktop.services.workspace import Workspace

    path = tmp_path / "lindung.sqlite3"
    ws = Workspace(path)
    accounts.create_account(ws, "admin", "Admin", "kapal-motor-admin-1", Role.ADMIN)
    ws.close()
    start = dt.datetime(2026, 11, 24, 8, 0)
    for i in range(5):
        with pytest.raises(AuthenticationFailed):
            keys.unlock(path, " Admin ", "salah-sandi", now=start + dt.timedelta(seconds=i))
    with pytest.raises(lockout.AccountLocked, match="Coba lagi dalam 1 menit"):
        keys.unlock(path, "admin", "kapal-motor-admin-1", now=start + dt.timedelta(seconds=10))
    later = start + dt.timedelta(minutes=2)
    opened = Workspace(path, key=keys.unlock(path, "admin", "kapal-motor-admin-1", now=later))
    admin = accounts.authenticate(opened, "admin", "kapal-motor-admin-1", now=later)
    failed = [e for e in audit.entries(opened, admin) if e.action == "signin_failed"]
    assert len(failed) == 5 and lockout.pending_events(path) == []
    assert lockout.state(path, "admin").failures == 0
    opened.close()


def test_the_clock_is_the_workspace_clock(ws, monkeypatch):
    import datetime as dt

    from desktop.domain import clock
    from desktop.services import lockout

    accounts.create_account(ws, "admin", "Admin", "kapal-motor-admin-1", Role.ADMIN)
    now = [dt.datetime(2026, 11, 24, 8, 0)]
    monkeypatch.setattr(clock, "utcnow", lambda: now[0])
    for _ in range(5):
        _wrong(ws, None)
    assert lockout.state(ws.path, "admin").locked_until == dt.datetime(2026, 11, 24, 8, 1)
    with pytest.raises(lockout.AccountLocked):
        accounts.authenticate(ws, "admin", "kapal-motor-admin-1")
    now[0] += dt.timedelta(minutes=1, seconds=1)
    assert accounts.authenticate(ws, "admin", "kapal-motor-admin-1").username == "admin"

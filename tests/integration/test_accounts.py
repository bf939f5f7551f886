import pytest

from desktop.services import accounts
from desktop.services.accounts import Role
from desktop.services.errors import AuthenticationFailed, PermissionDenied, ServiceError
from desktop.storage.models import Account


def test_first_account_must_be_admin_and_passwords_are_argon2(ws):
    assert not accounts.has_accounts(ws)
    with pytest.raises(ServiceError, match="admin"):
        accounts.create_account(ws, "rina", "Rina", "rahasia-admin-1", Role.VOLUNTEER)
    admin = accounts.create_account(ws, "Admin", "Admin Cabang", "rahasia-admin-1", Role.ADMIN)
    assert admin.username == "admin" and accounts.has_accounts(ws)
    with ws.session() as session:
        stored = session.query(Account).one().password_hash
    assert stored.startswith("$argon2id$") and "rahasia-admin-1" not in stored


def test_sign_in_and_refusals(ws):
    admin = accounts.create_account(ws, "admin", "Admin", "rahasia-admin-1", Role.ADMIN)
    assert accounts.authenticate(ws, " ADMIN ", "rahasia-admin-1") == admin
    with pytest.raises(AuthenticationFailed, match="salah"):
        accounts.authenticate(ws, "admin", "salah-sandi")
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(ws, "tidakada", "rahasia-admin-1")


def test_only_admins_create_accounts(ws):
    admin = accounts.create_account(ws, "admin", "Admin", "rahasia-admin-1", Role.ADMIN)
    rina = accounts.create_account(ws, "rina", "Rina", "rahasia-rina-4", Role.VOLUNTEER, by=admin)
    with pytest.raises(PermissionDenied):
        accounts.create_account(ws, "budi", "Budi", "rahasia-budi-7", Role.VOLUNTEER, by=rina)
    with pytest.raises(ServiceError, match="sudah dipakai"):
        accounts.create_account(ws, "rina", "Rina 2", "rahasia-rina-4", Role.VOLUNTEER, by=admin)
    with pytest.raises(ServiceError, match="terlalu pendek: paling sedikit 10 karakter"):
        accounts.create_account(ws, "budi", "Budi", "pendek", Role.VOLUNTEER, by=admin)
    assert [a.username for a in accounts.list_accounts(ws)] == ["admin", "rina"]


def test_coordinator_accounts_name_their_school(ws):
    from desktop.services.schools import add_school

    admin = accounts.create_account(ws, "admin", "Admin", "rahasia-admin-1", Role.ADMIN)
    with pytest.raises(ServiceError, match="harus menyebut sekolahnya"):
        accounts.create_account(ws, "rina", "Rina", "rahasia-admin-1", Role.COORDINATOR, by=admin)
    with pytest.raises(ServiceError, match="belum terdaftar"):
        accounts.create_account(ws, "rina", "Rina", "rahasia-admin-1", Role.COORDINATOR, by=admin,
                                school_npsn="69800001")
    add_school(ws, "69800001", "SD Negeri 12", "SD", "6171")
    accounts.create_account(ws, "rina", "Rina", "rahasia-admin-1", Role.COORDINATOR, by=admin, school_npsn="69800001")
    assert accounts.authenticate(ws, "rina", "rahasia-admin-1").school_npsn == "69800001"

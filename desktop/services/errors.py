"""Errors a user can act on, each with an Indonesian message that the GUI may translate."""

from __future__ import annotations

from desktop.domain.messages import QT_TRANSLATE_NOOP, Problem

CONTEXT = "Service"


class ServiceError(Exception):
    """A refusal with a clear message (template in Indonesian plus parameters)."""

    def __init__(self, template: str, **params: object):
        self.template = template
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(**self.params) if self.params else self.template


class NotFound(ServiceError):
    pass


class DuplicateNik(ServiceError):
    def __init__(self, template: str, *, existing_id: str, **params: object):
        self.existing_id = existing_id
        super().__init__(template, **params)


class StaleRevision(ServiceError):
    pass


class PermissionDenied(ServiceError):
    pass


class AuthenticationFailed(ServiceError):
    pass


class ValidationFailed(ServiceError):
    """Some records did not pass the domain rules; ``failures`` maps record index to problems."""

    def __init__(self, failures: dict[int, list[Problem]]):
        self.failures = failures
        count = len(failures)
        super().__init__(QT_TRANSLATE_NOOP("Service", "{count} data tidak valid; tidak ada yang disimpan."), count=count)


class WriteFailed(ServiceError):
    """A file could not be written whole: a full disk, a read-only folder, a file open in another program."""


def write_failed(exc: OSError, target: object = None) -> WriteFailed:
    """What went wrong with writing ``target`` (else the file ``exc`` names), and what to do, in words."""
    import errno
    from pathlib import Path

    name = str(target or exc.filename or "")
    for suffix in (".tmp", ".pulih"):
        name = name.removesuffix(suffix)
    folder = str(Path(name).parent) if name else "."
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG):
        return WriteFailed(QT_TRANSLATE_NOOP("Service", "Disk penuh: {name} tidak dapat ditulis sampai selesai. "
                                                        "Kosongkan ruang di disk itu atau simpan ke disk lain, lalu "
                                                        "ulangi; tidak ada berkas setengah jadi yang tertinggal."),
                           name=name)
    if exc.errno == errno.EROFS:
        return WriteFailed(QT_TRANSLATE_NOOP("Service", "Folder {folder} hanya dapat dibaca (misalnya flashdisk "
                                                        "yang dikunci): simpan {name} ke folder lain, lalu ulangi."),
                           folder=folder, name=Path(name).name)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return WriteFailed(QT_TRANSLATE_NOOP("Service", "{name} tidak dapat ditulis: berkas itu sedang dibuka "
                                                        "program lain (misalnya Excel), atau folder {folder} tidak "
                                                        "boleh ditulisi. Tutup berkasnya atau simpan ke folder lain, "
                                                        "lalu ulangi."), name=name, folder=folder)
    if exc.errno == errno.ENOENT:
        return WriteFailed(QT_TRANSLATE_NOOP("Service", "Folder {folder} tidak ada lagi (flashdisk dilepas?): "
                                                        "periksa tempat penyimpanannya, lalu ulangi."), folder=folder)
    if exc.errno == errno.ENOTDIR:
        return WriteFailed(QT_TRANSLATE_NOOP("Service", "{folder} bukan folder (ada berkas dengan nama itu): simpan "
                                                        "{name} ke folder lain, lalu ulangi."),
                           folder=folder, name=Path(name).name)
    if exc.errno == errno.EIO:
        return WriteFailed(QT_TRANSLATE_NOOP("Service", "Disk tempat {name} gagal membaca atau menulis (kerusakan "
                                                        "perangkat): periksa disk atau flashdisk itu, atau simpan ke "
                                                        "tempat lain."), name=name)
    return WriteFailed(QT_TRANSLATE_NOOP("Service", "{name} tidak dapat ditulis ({code}): periksa disk dan "
                                                    "foldernya, lalu ulangi."),
                       name=name, code=errno.errorcode.get(exc.errno or 0, "galat berkas"))

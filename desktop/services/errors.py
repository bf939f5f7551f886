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

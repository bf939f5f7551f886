"""argparse in Bahasa Indonesia, for ``lindung`` and ``lindung-hub``.

argparse builds its words ("usage:", "options", "the following arguments are required", ...) through
``gettext``'s ``_()`` and ``ngettext()``, looked up as globals of the ``argparse`` module each time. A
``Parser`` swaps those two for a dictionary lookup while it builds itself, parses and formats its help,
so every usage error and every help text is Indonesian, and restores them afterwards (other parsers in
the same process, uvicorn's for instance, are not touched). Message ids this table does not know stay
as argparse wrote them.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
from collections.abc import Callable, Iterator
from typing import Any

MESSAGES: dict[str, str] = {
    "usage: ": "pemakaian: ",
    "positional arguments": "argumen",
    "options": "opsi",
    "optional arguments": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "one of the arguments %s is required": "salah satu dari %s wajib diisi",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "ignored explicit argument %r": "nilai %r tidak dipakai",
    "expected one argument": "butuh satu nilai",
    "expected at most one argument": "butuh paling banyak satu nilai",
    "expected at least one argument": "butuh paling sedikit satu nilai",
    "ambiguous option: %(option)s could match %(matches)s": "opsi %(option)s tidak jelas, bisa berarti %(matches)s",
    "unexpected option string: %s": "opsi tidak terduga: %s",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan tidak sah: %(value)r (pilih dari %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "perintah %(parser_name)r tidak dikenal (pilihan: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "'%(filename)s' tidak dapat dibuka: %(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: %(message)s\n",
    "option '%(option)s' is deprecated": "opsi '%(option)s' sudah usang",
    "command '%(parser_name)s' is deprecated": "perintah '%(parser_name)s' sudah usang",
}
# argparse's type names in "invalid %(type)s value" (type=int, type=float).
TYPE_NAMES = {"int": "bilangan bulat", "float": "bilangan"}
PLURALS: dict[str, str] = {"expected %s argument": "butuh %s nilai"}


def translate(message: str) -> str:
    return MESSAGES.get(message, message)


def translate_plural(singular: str, plural: str, n: int) -> str:
    if singular in PLURALS:
        return PLURALS[singular]
    return singular if n == 1 else plural


@contextlib.contextmanager
def indonesian() -> Iterator[None]:
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = translate, translate_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _speaking(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with indonesian():
            return method(*args, **kwargs)
    return wrapper


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose words are Indonesian; subclasses decide what ``error`` does with the line."""

    __init__ = _speaking(argparse.ArgumentParser.__init__)
    parse_args = _speaking(argparse.ArgumentParser.parse_args)
    parse_known_args = _speaking(argparse.ArgumentParser.parse_known_args)
    format_usage = _speaking(argparse.ArgumentParser.format_usage)
    format_help = _speaking(argparse.ArgumentParser.format_help)

    def _get_value(self, action, arg_string):  # "invalid int value" names the type in Indonesian
        try:
            return super()._get_value(action, arg_string)
        except argparse.ArgumentError as exc:
            name = getattr(action.type, "__name__", "")
            if name in TYPE_NAMES:
                raise argparse.ArgumentError(action, f"nilai {TYPE_NAMES[name]} tidak sah: {arg_string!r}") from None
            raise

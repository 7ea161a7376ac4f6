"""YAML scalars: which tags a charter may use, and what a scalar's text means (YAML 1.2 core).

Plain scalars resolve with the YAML 1.2 core schema, so dates and `yes`/`no` stay strings.
"""

from __future__ import annotations

import re
from typing import Any

from charterlint.model import Span
from charterlint.source.parsed import ParseError

_STANDARD_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset(
    f"{_STANDARD_TAG}{name}"
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
) | {"!"}

# YAML 1.2 core schema: the only plain scalars that are not strings.
_WORDS: dict[str, Any] = {
    "": None, "~": None, "null": None, "Null": None, "NULL": None,
    "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False,
}
_NUMBER_STARTS = frozenset("+-.0123456789")  # what a number (or .inf, .nan) starts with
_NUMBER = re.compile(
    r"^(?:(?P<int>[-+]?[0-9]+)|0o(?P<oct>[0-7]+)|0x(?P<hex>[0-9a-fA-F]+)"
    r"|(?P<float>[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?))$"
)
_SPECIAL_FLOAT = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}
_NULL_BEFORE_BREAK = re.compile(r"^(?:~|null|Null|NULL|)\n$")  # `$` also matches before a final break


def resolve_plain(text: str) -> Any:
    """The value of a plain (unquoted) scalar under the YAML 1.2 core schema."""
    if text[:1] not in _NUMBER_STARTS:  # most scalars are words: one dict lookup decides
        if text.endswith("\n"):  # only tagged quoted or block scalars end so
            return None if _NULL_BEFORE_BREAK.match(text) else text
        return _WORDS.get(text, text)
    match = _NUMBER.match(text)
    if match is not None:
        kind = match.lastgroup
        if kind == "int":
            return int(text)
        if kind == "oct":
            return int(text[2:], 8)
        if kind == "hex":
            return int(text[2:], 16)
        return float(text)
    return _SPECIAL_FLOAT.get(text.lower(), text)


def check_tag(tag: str, span: Span) -> None:
    """Refuse a tag other than the core ones: nothing is constructed from a tag."""
    if tag not in _ALLOWED_TAGS:
        shown = "!!" + tag[len(_STANDARD_TAG):] if tag.startswith(_STANDARD_TAG) else tag
        raise ParseError(
            f'YAML tag "{shown}" is not allowed: charter files hold plain data (remove the tag)',
            span,
        )


def scalar_value(event: Any) -> Any:
    """The value of a scalar event that is quoted, a block, or tagged."""
    plain = event.style in (None, "")
    tag = event.tag
    if tag in (None, "!") and plain:
        return resolve_plain(event.value)
    if tag is None or tag in ("!", f"{_STANDARD_TAG}str", f"{_STANDARD_TAG}timestamp"):
        return event.value
    resolved = resolve_plain(event.value)
    if tag == f"{_STANDARD_TAG}null":
        return None
    return resolved

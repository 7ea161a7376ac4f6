"""Build HTML where text is escaped by default: a charter is untrusted input.

Only `Markup` is inserted as it is, and only this module makes it: from escaped text or from
elements whose children went through `escape`. A string from a charter can therefore never
become markup, whichever field it comes from.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

_VOID = frozenset({"meta", "br", "hr", "link", "img", "input"})


class Markup(str):
    """HTML that is safe to insert as it is."""

    __slots__ = ()


def escape(value: object) -> Markup:
    """Text as HTML: `<`, `>`, `&` and both quotes escaped (Markup is already HTML)."""
    if isinstance(value, Markup):
        return value
    text = html.escape(str(value), quote=True)
    if ("\n" in text or "\r" in text) and text.strip():
        # a line break in a charter's text becomes a character reference (the same to a browser), so
        # none of its lines starts a line of the page: a CI log showing the page would run `::commands`
        text = text.replace("\r", "&#13;").replace("\n", "&#10;")
    return Markup(text)


def _attributes(attributes: Mapping[str, str | None] | None) -> str:
    if not attributes:
        return ""
    return "".join(f' {name}="{escape(value)}"' for name, value in attributes.items() if value is not None)


def opening(name: str, attributes: Mapping[str, str | None] | None = None) -> Markup:
    """`<name attributes>`: the start of an element whose content is written in pieces."""
    return Markup(f"<{name}{_attributes(attributes)}>")


def closing(name: str) -> Markup:
    return Markup(f"</{name}>")


def element(name: str, attributes: Mapping[str, str | None] | None = None, *children: object) -> Markup:
    """`<name attributes>children</name>`; children that are not Markup are escaped, None is skipped."""
    if name in _VOID:
        return opening(name, attributes)
    inner = "".join(escape(child) for child in children if child is not None)
    return Markup(f"{opening(name, attributes)}{inner}{closing(name)}")


def join(parts: Iterable[object], separator: str = "\n") -> Markup:
    """Markup and text in sequence (text escaped), with a separator that is itself escaped."""
    return Markup(escape(separator).join(escape(part) for part in parts if part is not None))

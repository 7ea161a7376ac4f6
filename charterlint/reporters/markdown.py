"""Text made literal for a Markdown table cell, shared by every reporter that writes Markdown."""

from __future__ import annotations

from charterlint.reporters.inert import inert

# What Markdown or the HTML it may contain would read: emphasis, code, links, images, tables,
# strike-through, entities, headings.
_SPECIAL = "\\`*_[]<>|~&#"


def literal(text: str) -> str:
    """`text` on one line, controls shown as escapes, and the characters Markdown or HTML would
    read backslash-escaped: a charter's value or a message cannot become a link, an image, markup
    or a broken table."""
    flat = inert(" ".join(text.split()))
    return "".join(f"\\{char}" if char in _SPECIAL else char for char in flat)

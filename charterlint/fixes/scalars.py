"""A string value written back in the form of the value it replaces: JSON strings in JSON, and in
YAML the same quoting as written (plain where a plain scalar reads back as the same text)."""

from __future__ import annotations

import json
import re

from charterlint.source.yaml_scalars import resolve_plain

# Plain scalars that read back as written in block and flow context alike: no indicator first,
# no flow punctuation, no ": " or " #" inside.
_PLAIN = re.compile(r"^[A-Za-z0-9(][A-Za-z0-9 ()%:./+_-]*$")


def _plain_ok(text: str) -> bool:
    return (bool(_PLAIN.match(text)) and ": " not in text and not text.endswith((" ", ":"))
            and resolve_plain(text) == text)


def render_string(text: str, written: str, kind: str) -> str:
    """`text` as a scalar replacing `written` (the old value's source text) in a file of `kind`."""
    if kind == "json":
        return json.dumps(text, ensure_ascii=False)
    if written.startswith("'") and "\n" not in text:
        return "'" + text.replace("'", "''") + "'"
    if written.startswith('"') or not _plain_ok(text):
        return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar
    return text

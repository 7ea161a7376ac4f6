"""Fix a channel still named after Twitter (CH205): its name, platform and address say X.

Unsafe: the handle and the page the address leads to are the organisation's to confirm (x.com
serves twitter.com's addresses today, but the writer should check the account still exists).
"""

from __future__ import annotations

import re

from charterlint.fixes.edits import Edit, Fix
from charterlint.fixes.scalars import render_string
from charterlint.model import Finding
from charterlint.schema.validator import SchemaValidator
from charterlint.source.document import Document
from charterlint.source.pointer import join, resolve

_FIELDS = ("name", "platform", "address")
_TWITTER = re.compile(r"(?i)(?<!\w)twitter(\.com)?\b")


def _renamed(text: str) -> str:
    def renamed(match: re.Match[str]) -> str:
        word = match.group(0)
        x = "X" if word[0].isupper() and not match.group(1) else "x"
        return x + (".com" if match.group(1) else "")

    return _TWITTER.sub(renamed, text)


def fix_platform(document: Document, finding: Finding, validator: SchemaValidator) -> Fix | None:
    channel = finding.pointer.rpartition("/")[0]
    item = resolve(document.data, channel)
    if not isinstance(item, dict):
        return None
    edits = []
    for field in _FIELDS:
        pointer = join(channel, field)
        value, written, node = item.get(field), document.source_text(pointer), document.nodes.get(pointer)
        if not isinstance(value, str) or written is None or node is None:
            continue
        new = _renamed(value)
        if new != value:
            edits.append(Edit(node.value, render_string(new, written, document.kind)))
    if not edits:
        return None  # a fax or telex channel: nothing to rename it to
    return Fix(finding, "Rename Twitter to X in the channel's name, platform and address", tuple(edits), safe=False)

"""Render generated charters as YAML, JSON or Markdown, in the style of examples/.

A small emitter of our own (not yaml.dump) so the output looks hand-written: block mappings,
flow mappings for commitments, folded long texts, unquoted dates and comments.
"""

from __future__ import annotations

import json
import re
import textwrap
from typing import Any

COMMENT = "#"  # a mapping key whose value is emitted as a comment line at that place
_RISKY_START = frozenset("-?:,[]{}#&*!|>'\"%@` ")
_NUMERIC = re.compile(r"^[-+.0-9][-+.0-9_:eE]*$")
_RESERVED = frozenset({"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"})
_WIDTH = 96


class Flow(dict):  # type: ignore[type-arg]
    """A mapping written on one line: `{within: 2 working days, target: 90%}`."""


class FlowList(list):  # type: ignore[type-arg]
    """A sequence written on one line: `[phone, email]`."""


class Folded(str):
    """A long text written as a folded block scalar (`>-`)."""


class Date(str):
    """An ISO date written unquoted, as people do (YAML loaders may make it a date object)."""


def _plain_ok(text: str, flow: bool) -> bool:
    if not text or text[0] in _RISKY_START or text[-1] == " " or "\n" in text or "\t" in text:
        return False
    if text.lower() in _RESERVED or _NUMERIC.match(text):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    return not (flow and any(char in text for char in ",[]{}:#"))


def scalar(value: Any, flow: bool = False) -> str:
    """One scalar in YAML syntax, quoted only where a plain scalar would change meaning."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, Date) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return str(value)
    text = str(value)
    return text if _plain_ok(text, flow) else json.dumps(text, ensure_ascii=False)


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        items = (f"{key}: {_flow(item)}" for key, item in value.items() if key != COMMENT)
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    return scalar(value, flow=True)


def _emit_value(prefix: str, value: Any, indent: int, lines: list[str], key: str) -> None:
    if isinstance(value, (Flow, FlowList)) or (isinstance(value, (dict, list)) and not value):
        lines.append(f"{prefix} {_flow(value)}")
    elif isinstance(value, dict):
        lines.append(prefix)
        _emit_mapping(value, indent + 2, lines)
    elif isinstance(value, list):
        lines.append(prefix)
        _emit_sequence(value, indent + 2, lines, spaced=(indent == 0 and key == "channels"))
    elif isinstance(value, Folded) and len(value) + len(prefix) > _WIDTH:
        lines.append(f"{prefix} >-")
        width = max(40, _WIDTH - indent - 2)
        wrapped = textwrap.wrap(value, width, break_long_words=False, break_on_hyphens=False)
        lines.extend(" " * (indent + 2) + line for line in wrapped)
    else:
        lines.append(f"{prefix} {scalar(value)}")


def _emit_mapping(mapping: dict[str, Any], indent: int, lines: list[str]) -> None:
    pad = " " * indent
    for key, value in mapping.items():
        if key == COMMENT:
            lines.append(f"{pad}# {value}")
            continue
        if indent == 0 and isinstance(value, (dict, list)) and lines and lines[-1]:
            lines.append("")
        _emit_value(f"{pad}{key}:", value, indent, lines, key)


def _emit_sequence(items: list[Any], indent: int, lines: list[str], spaced: bool) -> None:
    pad = " " * indent
    for number, item in enumerate(items):
        if spaced and number:
            lines.append("")
        if isinstance(item, dict) and not isinstance(item, Flow):
            if COMMENT in item:
                lines.append(f"{pad}# {item[COMMENT]}")
            body: list[str] = []
            _emit_mapping({k: v for k, v in item.items() if k != COMMENT}, indent + 2, body)
            lines.append(f"{pad}- {body[0][indent + 2:]}")
            lines.extend(body[1:])
        elif isinstance(item, (Flow, FlowList)):
            lines.append(f"{pad}- {_flow(item)}")
        else:
            lines.append(f"{pad}- {scalar(item)}")


def to_yaml(charter: dict[str, Any], header: tuple[str, ...] = ()) -> str:
    """The charter as a YAML document, with header comment lines first."""
    lines = [f"# {line}" for line in header]
    _emit_mapping(charter, 0, lines)
    return "\n".join(lines) + "\n"


def to_plain(value: Any) -> Any:
    """The data without emitter hints or comments: what JSON (or a parser) sees."""
    if isinstance(value, dict):
        return {str(key): to_plain(item) for key, item in value.items() if key != COMMENT}
    if isinstance(value, list):
        return [to_plain(item) for item in value]
    if isinstance(value, str):
        return str(value)
    return value


def to_json(charter: dict[str, Any]) -> str:
    """The charter as pretty-printed JSON (as exported by a CMS or a spreadsheet macro)."""
    return json.dumps(to_plain(charter), indent=2, ensure_ascii=False) + "\n"


def to_markdown(charter: dict[str, Any], body: str, header: tuple[str, ...] = ()) -> str:
    """The charter as YAML front matter followed by the published prose."""
    return "---\n" + to_yaml(charter, header) + "---\n" + body

"""One file's FileResult as a cache entry: plain JSON, read back only if every field checks out.

JSON, not pickle: a cache file someone else wrote cannot run code here, and a damaged one
fails a type check and counts as a miss. An entry is two lines: a JSON array of the entry's
facts (how to get the source lines among them) followed by one item per finding, read an item
at a time so that 100,000 findings are never all in memory as JSON lists; then the parsed
charter (`data`), which a run that shows no charter's content does not parse. Source lines are not stored when they can be split again from the
file's content the same way (checked when the entry is written); `data` is stored only when
it is plain JSON data, so it reads back equal.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from charterlint.model import FileResult, Finding, PackedData, Position, Severity, Skipped, Span, Suppression
from charterlint.source.loader import split_lines

FORMAT = 4  # bump when the layout below changes
_SEVERITIES = {int(severity): severity for severity in Severity}
_LINE_MODES = ("lf", "yaml", "json")  # "lf": split at \n only (fast; right for most files)


class BadEntry(ValueError):
    """A cache entry that is not one this version wrote: treat as a miss."""


def plain(value: Any, depth: int = 0) -> bool:
    """True when `value` survives a JSON round trip unchanged (str keys, lists, scalars)."""
    if depth > 200:
        return False
    if value is None or isinstance(value, (str, bool, int, float)):
        return True
    if isinstance(value, list):
        return all(plain(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return all(isinstance(key, str) and plain(item, depth + 1) for key, item in value.items())
    return False


def _text(content: bytes) -> str:
    return content.decode("utf-8", "replace")


def _split(text: str, mode: str) -> list[str]:
    if mode != "lf":
        return split_lines(text, mode)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _line_mode(lines: tuple[str, ...], content: bytes) -> str | list[str]:
    """How to get `lines` back from `content`: a split mode, or the lines themselves."""
    if not lines:
        return []
    text = _text(content)
    for mode in _LINE_MODES:
        if tuple(_split(text, mode)) == lines:
            return mode
    return list(lines)


def _finding(finding: Finding) -> list[Any]:
    start, end = finding.span.start, finding.span.end
    suppression = finding.suppression
    return [finding.code, finding.name, int(finding.severity), finding.message, start.line, start.column,
            end.line, end.column, finding.pointer,
            None if suppression is None else [suppression.kind, suppression.justification], finding.locus]


def _skipped(skipped: Skipped | None) -> list[Any] | None:
    if skipped is None:
        return None
    start, end = skipped.span.start, skipped.span.end
    return [skipped.message, start.line, start.column, end.line, end.column, list(skipped.sections),
            list(skipped.lines), list(skipped.codes)]


def _decode_skipped(item: Any) -> Skipped | None:
    if item is None:
        return None
    if not isinstance(item, list) or len(item) != 8 or not all(isinstance(part, list) for part in item[5:]):
        raise BadEntry("malformed note")
    message, line, column, end_line, end_column, sections, lines, codes = item
    span = Span(Position(_int(line), _int(column)), Position(_int(end_line), _int(end_column)))
    return Skipped(_str(message), span, tuple(_str(s) for s in sections), tuple(_int(n) for n in lines),
                   tuple(_str(c) for c in codes))


def packed(data: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """A charter as PackedData (its compact JSON, read when a reporter shows it) when it is plain
    JSON data; as it is otherwise (None, already packed, or data JSON would change)."""
    if data is None or isinstance(data, PackedData) or not (isinstance(data, dict) and plain(data)):
        return data
    return PackedData(compact(data).encode("ascii"))


def encode(result: FileResult, key: str, content: bytes) -> bytes | None:
    """The entry for `result` (linted from `content`), or None when it cannot be stored faithfully."""
    if any(finding.path != result.path for finding in result.findings):
        return None
    data = packed(result.data)
    if data is not None and not isinstance(data, PackedData):
        return None  # not plain JSON data: it would not read back equal
    facts = {"format": FORMAT, "path": result.path, "key": key, "parsed": result.parsed,
             "lines": _line_mode(result.source_lines, content), "findings": len(result.findings),
             "skipped": _skipped(result.skipped)}
    # ensure_ascii: no raw line break inside either line (U+2028 and the like are escaped too)
    head = "".join(["[", compact(facts), *("," + compact(_finding(f)) for f in result.findings), "]"])
    raw = data.raw if data is not None else b"null"
    return head.encode("ascii") + b"\n" + raw


_COMPACT = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"))  # made once: an entry encodes each finding


def compact(value: Any) -> str:
    return _COMPACT.encode(value)


def _items(head: bytes) -> Iterator[Any]:
    """The items of the head's array, one at a time (ValueError when it is not one)."""
    text = head.decode("ascii")
    if not text.startswith("[") or not text.endswith("]"):
        raise BadEntry("malformed entry")
    decoder = json.JSONDecoder()
    position, end = 1, len(text) - 1
    while position < end:
        item, position = decoder.raw_decode(text, position)
        yield item
        if position < end:
            if text[position] != ",":
                raise BadEntry("malformed entry")
            position += 1
    if position != end:  # the last item ran over the closing bracket: the array was cut short
        raise BadEntry("malformed entry")


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise BadEntry(f"expected text, not {type(value).__name__}")
    return value


def _int(value: Any) -> int:
    if type(value) is not int:
        raise BadEntry(f"expected a whole number, not {type(value).__name__}")
    return value


def _decode_finding(path: str, item: Any, shared: dict[str, str]) -> Finding:
    if not isinstance(item, list) or len(item) != 11:
        raise BadEntry("malformed finding")
    code, name, severity, message, line, column, end_line, end_column, pointer, suppression, where = (
        shared.setdefault(part, part) if type(part) is str else part for part in item)
    if type(severity) is not int or severity not in _SEVERITIES:
        raise BadEntry("unknown severity")
    span = Span(Position(_int(line), _int(column)), Position(_int(end_line), _int(end_column)))
    marked = None
    if suppression is not None:
        if not isinstance(suppression, list) or len(suppression) != 2:
            raise BadEntry("malformed suppression")
        marked = Suppression(_str(suppression[0]), _str(suppression[1]))
    return Finding(path, _str(code), _str(name), _SEVERITIES[severity], _str(message), span, _str(pointer), marked,
                   _str(where))


def _lines(mode: Any, content: bytes) -> tuple[str, ...]:
    if isinstance(mode, str):
        if mode not in _LINE_MODES:
            raise BadEntry("unknown line mode")
        return tuple(_split(_text(content), mode))
    if not isinstance(mode, list):
        raise BadEntry("malformed lines")
    return tuple(_str(line) for line in mode)


def decode(raw: bytes, path: str, key: str, content: bytes, slim: bool = False) -> FileResult:
    """The FileResult of an entry written for `path` and `key`; raises BadEntry (or ValueError for
    broken JSON) otherwise.

    `slim` leaves out what no reporter of the run shows: the parsed charter, and the source
    lines of a file without findings (they are only shown under findings).
    """
    first, _, rest = raw.partition(b"\n")
    items = _items(first)
    entry = next(items, None)
    if not isinstance(entry, Mapping) or entry.get("format") != FORMAT:
        raise BadEntry("not an entry of this format")
    if entry.get("path") != path or entry.get("key") != key:
        raise BadEntry("entry of another file or content")
    parsed, count = entry.get("parsed"), entry.get("findings")
    if not isinstance(parsed, bool) or type(count) is not int:
        raise BadEntry("malformed entry")
    shared: dict[str, str] = {}  # one copy of a message, rule name or locus however often it recurs
    found = tuple(_decode_finding(path, item, shared) for item in items)
    if len(found) != count:
        raise BadEntry("malformed entry")
    lines = () if slim and not found else _lines(entry.get("lines"), content)
    if slim:
        data = None
    elif rest == b"null":
        data = None
    elif rest.startswith(b"{") and rest.endswith(b"}"):  # signed by this machine: read when a reporter needs it
        data = PackedData(rest)
    else:
        raise BadEntry("malformed data")
    return FileResult(path, found, lines, parsed, data, _decode_skipped(entry.get("skipped")))

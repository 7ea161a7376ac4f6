"""Turn a file's bytes into a Document, or into the syntax-error problem that stops it."""

from __future__ import annotations

import codecs
import re
from pathlib import PurePath

from charterlint.model import Span
from charterlint.source.document import Body, Document, Limits, Problem, within_lines
from charterlint.source.parsed import Parsed, ParseError
from charterlint.source.problem_kinds import SYNTAX_ERROR
from charterlint.source.yaml_loader import load_yaml

SUFFIX_KINDS = {".json": "json", ".md": "markdown", ".markdown": "markdown", ".yaml": "yaml", ".yml": "yaml"}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FENCES = ("---", "...")
_EMPTY = "file is empty: a charter starts with charter_format, title, organization ..."


# The line breaks YAML parsers count (str.splitlines() also splits on \v, \f, \x1c-\x1e,
# which would shift every later line away from the parser's line numbers).
_YAML_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_JSON_BREAK = re.compile("\n")


def line_breaks(kind: str) -> re.Pattern[str]:
    """The line breaks the parser of `kind` counts, as `split_lines` splits on them (fixes edit by them)."""
    return _JSON_BREAK if kind == "json" else _YAML_BREAKS


def split_lines(text: str, kind: str = "yaml") -> list[str]:
    """Source lines numbered as the parser numbers them (JSON counts only \\n)."""
    if kind == "json":
        lines = [line.removesuffix("\r") for line in text.split("\n")]
    else:
        lines = _YAML_BREAKS.split(text)
    if lines and lines[-1] == "":
        lines.pop()  # a final line break ends the last line; it does not start another
    return lines


def syntax_error(message: str, span: Span = Span.at(1, 1)) -> Problem:
    return Problem(message, "", span=span, kind=SYNTAX_ERROR)


def decode(raw: bytes) -> str:
    """Decode UTF-8 (or UTF-8/16/32 with a BOM); raise ParseError naming the bad byte."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                raise ParseError(f"file starts with a {encoding} byte order mark but is not {encoding}", Span.at(1, 1)) from None
    if b"\x00" in raw[:8192]:
        raise ParseError("binary file (it contains NUL bytes): a charter is a text file", Span.at(1, 1))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise ParseError(
            f"file is not valid UTF-8 (byte 0x{raw[error.start]:02x}): save it as UTF-8",
            Span.at(line, column),
        ) from None


def kind_of(path: str, text: str) -> str:
    """By suffix; a file named otherwise goes by content (front matter, `{`, else YAML)."""
    kind = SUFFIX_KINDS.get(PurePath(path).suffix.lower())
    if kind is not None:
        return kind
    lines = split_lines(text.lstrip("\ufeff"))
    if lines and lines[0].rstrip() == "---" and any(line.rstrip() in _FENCES for line in lines[1:]):
        return "markdown"
    if text.lstrip().startswith("{"):
        return "json"
    return "yaml"


def split_front_matter(text: str) -> tuple[str, Body]:
    """The front matter (with blank lines for the fence, so line numbers hold) and the body."""
    lines = split_lines(text)
    if not lines or lines[0].rstrip() != "---":
        later = next((i for i, line in enumerate(lines) if line.rstrip() == "---"), None)
        hint = f" (the '---' on line {later + 1} must be the very first line)" if later is not None else ""
        raise ParseError(
            f"Markdown charter has no YAML front matter: start the file with a '---' line{hint}", Span.at(1, 1)
        )
    for index in range(1, len(lines)):
        if lines[index].rstrip() in _FENCES:
            if not any(line.strip() and not line.lstrip().startswith("#") for line in lines[1:index]):
                raise ParseError("the front matter is empty: the charter's fields go between the '---' lines",
                                 Span.at(1, 1, 3))
            front = "\n" + "\n".join(lines[1:index]) + "\n"
            return front, Body(first_line=index + 2, lines=tuple(lines[index + 1 :]))
    raise ParseError("front matter opened on line 1 is never closed: add a '---' line after it", Span.at(1, 1, 3))


def parse_text(path: str, text: str, kind: str, limits: Limits) -> Document:
    """Parse decoded text of a known kind; raise ParseError if it is not a charter document."""
    body: Body | None = None
    if not text.strip():
        raise ParseError(_EMPTY, Span.at(1, 1))
    if kind == "json":
        from charterlint.source.json_loader import load_json  # runs without a JSON charter never need it

        parsed: Parsed = load_json(text, limits)
    elif kind == "markdown":
        front, body = split_front_matter(text)
        parsed = load_yaml(front, limits)
    else:
        parsed = load_yaml(text, limits)
    if parsed.data is None:
        raise ParseError(_EMPTY, Span.at(1, 1))
    if not isinstance(parsed.data, dict):
        found = "a list" if isinstance(parsed.data, list) else f'the value "{parsed.data}"'
        span = parsed.nodes[""].value if "" in parsed.nodes else Span.at(1, 1)
        raise ParseError(f"document is {found}, not a mapping of fields: a charter starts with charter_format, title ...", span)
    return Document(path, kind, parsed.data, parsed.nodes, tuple(split_lines(text, kind)), body, parsed.problems)


def load_document(path: str, raw: bytes, limits: Limits, kind: str | None = None) -> Document | tuple[Problem, ...]:
    """The document in `raw`, or the syntax-error problems that stop linting it (the first
    fault, and any more found past it)."""
    if len(raw) > limits.max_bytes:
        return (syntax_error(
            f"file is {len(raw):,} bytes, over the limit of {limits.max_bytes:,} (limit max-bytes)"
        ),)
    text = ""
    try:
        text = decode(raw)
        kind = kind or kind_of(path, text)
        return parse_text(path, text, kind, limits)
    except ParseError as error:
        lines = split_lines(text, kind or "yaml")
        return tuple(syntax_error(message, within_lines(span, lines))
                     for message, span in ((error.message, error.span), *error.also))



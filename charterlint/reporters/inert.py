"""Text a terminal or a CI log shows as it is: what a charter or a file name holds, made inert.

A key, a value, a YAML tag or a file name can hold a newline followed by `::stop-commands::`
(a line a GitHub runner executes), an escape sequence a terminal interprets (an OSC title), or a
right-to-left override that makes a line read other than it is. `inert` shows each such
character as a backslash escape, so one finding stays one line and reads as it is:

- newline, carriage return and tab as `\\n`, `\\r`, `\\t`; the other C0 controls and DEL as `\\x1b`;
- C1 controls, bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and the
  Unicode line and paragraph separators as `\\u0085`, `\\u202e`;
- a byte of a file name that is not UTF-8 (a lone surrogate, as Python decodes such names) as
  `\\xe9`, the byte itself; any other lone surrogate as `\\udXXX`.

Every text-like output (the text format, the matrix, JUnit, the command line's own messages)
uses it; `printable` does only the last step, for formats that must carry text exactly (HTML,
GitHub annotations) but are written as UTF-8.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line's messages use `inert` without paying for the model's import
    from charterlint.model import Finding

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Compiled on first use (re caches them): most text is printable and never needs them.
_UNSAFE = "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
_SURROGATES = "[\ud800-\udfff]"


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if code < 0x20 or code == 0x7F:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's surrogate escape of a byte that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def inert(text: str) -> str:
    """`text` with controls, bidi overrides and undecodable bytes shown as backslash escapes."""
    if text.isprintable():  # the ordinary case: nothing to escape (none of the above is printable)
        return text
    return re.sub(_UNSAFE, _escape, text)


def printable(text: str) -> str:
    """`text` with only its lone surrogates (bytes of a non-UTF-8 file name) escaped, as `inert` does."""
    if text.isascii():
        return text
    return re.sub(_SURROGATES, _escape, text)


def printable_findings(findings: Iterable[Finding]) -> Iterator[Finding]:
    """The findings with `printable` paths and messages (unchanged unless a file name is not UTF-8).

    JSON and SARIF carry them, and their fingerprints, written as UTF-8: a surrogate cannot be.
    """
    for finding in findings:
        path, message = printable(finding.path), printable(finding.message)
        yield finding if (path, message) == (finding.path, finding.message) else replace(
            finding, path=path, message=message)

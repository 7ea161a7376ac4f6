"""Stable finding fingerprints: the same problem keeps its fingerprint when the file around it changes.

SARIF `partialFingerprints` and the baseline both use them, so an unrelated edit neither
re-opens a code scanning alert nor breaks a baseline entry. A fingerprint is made of the
rule, the file, and the finding's locus: where it is, with list items named by their `id`
(adding a channel above does not move it), and the offending value. Messages stay out when
the finding has a place in the data: they may quote today's date or the charter's other
channels. A finding without one (a Markdown line, the whole document) uses its message up to
the hint in parentheses.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from charterlint.model import Finding

VERSION = "v1"
# Positions quoted in messages ("first on line 10") move with unrelated edits.
_POSITION = re.compile(r"\b(lines?|columns?|col)\s+\d+(\s*(?:-|to|and)\s*\d+)?", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def normalize_message(message: str) -> str:
    """The message without quoted line/column numbers and with runs of space collapsed."""
    without_positions = _POSITION.sub(lambda match: f"{match.group(1).lower()} #", message)
    return _SPACE.sub(" ", without_positions).strip()


def fingerprint(finding: Finding, occurrence: int = 0) -> str:
    """A hex digest of rule, path and locus (or, without one, the message before its hint).

    Never line numbers. `occurrence` tells apart identical findings in one file (0 for the first).
    """
    what = finding.locus or normalize_message(finding.message.split(" (", 1)[0])
    parts = [VERSION, finding.code, finding.path, what]
    if occurrence:
        parts.append(str(occurrence))
    digest = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape"))  # names that are not UTF-8
    return digest.hexdigest()[:32]


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """Fingerprints of one file's findings in order; repeats get an occurrence number."""
    seen: dict[str, int] = {}
    result = []
    for finding in findings:
        base = fingerprint(finding)
        occurrence = seen.get(base, 0)
        seen[base] = occurrence + 1
        result.append(fingerprint(finding, occurrence) if occurrence else base)
    return result

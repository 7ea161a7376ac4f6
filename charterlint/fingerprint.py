"""Stable finding fingerprints: the same problem keeps its fingerprint when lines move.

SARIF `partialFingerprints` and the baseline both use them, so an edit above a finding
neither re-opens a code scanning alert nor breaks a baseline entry.
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
    """A hex digest of rule, path, JSON pointer and normalised message (never line numbers).

    `occurrence` tells apart identical findings in one file (0 for the first).
    """
    parts = [VERSION, finding.code, finding.path, finding.pointer, normalize_message(finding.message)]
    if occurrence:
        parts.append(str(occurrence))
    digest = hashlib.sha256("\0".join(parts).encode("utf-8"))
    return digest.hexdigest()[:32]


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """Fingerprints of findings in order; repeats of an identical finding get an occurrence number."""
    seen: dict[str, int] = {}
    result = []
    for finding in findings:
        base = fingerprint(finding)
        occurrence = seen.get(base, 0)
        seen[base] = occurrence + 1
        result.append(fingerprint(finding, occurrence) if occurrence else base)
    return result

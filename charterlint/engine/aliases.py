"""One source span, one finding: findings that YAML aliases repeat are merged into one.

A value written once under an anchor (`&promise`) and used elsewhere through aliases
(`*promise`) is one piece of text, but a rule reads it at every place that uses it and reports
it at each: the same code, message and span several times, with as many fingerprints, counted
as many times in the summary, the baseline and SARIF. The engine keeps the first and names the
other places in its message, for every rule at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from charterlint.charter.subjects import describe
from charterlint.model import Finding, Span, Suppression

_Key = tuple[str, Span, str, Suppression | None]


def merge_aliases(findings: Iterable[Finding], data: Any) -> list[Finding]:
    """`findings` with each group of findings at one span, of one rule, with one message, made
    one finding (the first) that says which other places use the value."""
    groups: dict[_Key, list[Finding]] = {}
    for finding in findings:
        key = (finding.code, finding.span, finding.message, finding.suppression)
        groups.setdefault(key, []).append(finding)
    merged = []
    for group in groups.values():
        first = group[0]
        others = list(dict.fromkeys(f.pointer for f in group[1:] if f.pointer != first.pointer))
        if others:
            places = ", ".join(describe(data, pointer) for pointer in others)
            first = replace(first, message=f"{first.message} (also used by {places})")
        merged.append(first)
    return merged

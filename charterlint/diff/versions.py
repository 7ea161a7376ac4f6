"""Compare one charter's two versions: bytes in, the file's result out (never raises).

A new charter (no base) gives no finding, a deleted one a single finding, identical bytes none.
A base that does not load or validate gives one finding (the new version's own faults are
`check`'s business: diff says once that it could not compare it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from charterlint.diff.accept import accept_inline
from charterlint.diff.change import BASE_UNUSABLE, CHARTER_REMOVED, Change
from charterlint.diff.compare import compare_charters
from charterlint.diff.findings import change_findings
from charterlint.diff.load import Unusable, load_version
from charterlint.engine.settings import ActiveRule
from charterlint.model import FileResult
from charterlint.ruleset.rule import Rule
from charterlint.schema.validator import SchemaValidator
from charterlint.source.document import Limits
from charterlint.source.loader import split_lines


@dataclass(frozen=True, slots=True)
class DiffSettings:
    """What comparing a file depends on besides its versions."""

    rules: Mapping[str, ActiveRule]  # the enabled diff rules, by the change kind each reports
    catalogue: tuple[Rule, ...]  # every diff rule (what an inline directive may name)
    validator: SchemaValidator
    today: dt.date
    limits: Limits = Limits()
    turned_off: Mapping[str, frozenset[str]] = field(default_factory=dict)  # by report path: per-file-ignores
    keep_data: bool = True  # an output shows each charter (HTML): parse even the unchanged ones for it

    def for_file(self, path: str) -> Mapping[str, ActiveRule]:
        off = self.turned_off.get(path, frozenset())
        return {kind: active for kind, active in self.rules.items() if active.rule.code not in off}


@dataclass(frozen=True, slots=True)
class Compared:
    """A file's result, and a note when its new version could not be compared (said on stderr)."""

    result: FileResult
    note: str = ""


def compare_versions(path: str, base: bytes | None, new: bytes | None, settings: DiffSettings,
                     base_name: str = "the base", old_path: str | None = None) -> Compared:
    """The diff findings of one file whose base version is `base` and new version `new` (None: absent)."""
    rules = settings.for_file(path)
    if new is None:
        was = f' (was "{old_path or path}" in {base_name})'
        change = Change(CHARTER_REMOVED, f"removed: the whole charter{was}", "", "charter")
        return Compared(FileResult(path, tuple(change_findings(path, [change], None, None, rules)), parsed=False))
    unchanged = base is None or base == new  # nothing to compare: no finding, and no note
    if unchanged and not settings.keep_data:
        return Compared(FileResult(path, ()))
    document = load_version(path, new, settings.limits, settings.validator)
    if isinstance(document, Unusable):
        lines = tuple(split_lines(new.decode("utf-8", "replace"))) if len(new) <= settings.limits.max_bytes else ()
        note = "" if unchanged else (f"{path}:{document.line}: not compared: not a valid charter ({document.reason});"
                                     " charterlint check says what to fix")
        return Compared(FileResult(path, (), lines, parsed=False), note)
    if base is None or unchanged:
        return Compared(FileResult(path, (), document.lines, data=document.data))
    previous = load_version(old_path or path, base, settings.limits, settings.validator)
    if isinstance(previous, Unusable):
        change = Change(BASE_UNUSABLE, f"not compared: the version in {base_name} is not a valid charter"
                                       f" (line {previous.line} in base: {previous.reason})", "", "base")
        findings = change_findings(path, [change], document, None, rules)
    else:
        findings = change_findings(path, compare_charters(previous.data, document.data), document, previous, rules)
    marked = accept_inline(findings, document, settings.catalogue, settings.today)
    return Compared(FileResult(path, tuple(marked), document.lines, data=document.data))

"""Values that cross module boundaries: severities, positions, findings, reports."""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    """Ordered severities: a higher value is more serious."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.upper()]


@dataclass(frozen=True, slots=True, order=True)
class Position:
    """A 1-based line and column (columns count Unicode code points)."""

    line: int
    column: int


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A source range; `end` is exclusive, as in SARIF."""

    start: Position
    end: Position

    @classmethod
    def at(cls, line: int, column: int, length: int = 1) -> Span:
        return cls(Position(line, column), Position(line, column + length))


DOCUMENT_START = Span.at(1, 1, 0)


@dataclass(frozen=True, slots=True)
class Suppression:
    """Why a finding does not count: an inline directive or a baseline entry."""

    kind: str  # "inSource" | "external" (the SARIF suppression kinds)
    justification: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one file, at a JSON pointer and a source span."""

    path: str
    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    pointer: str = ""
    suppression: Suppression | None = None
    # What the finding is about, in terms that survive unrelated edits: the pointer with list
    # items named by their ids, and the offending value (see charterlint.engine.fingerprint).
    locus: str = ""

    def sort_key(self) -> tuple[str, int, int, str, str]:
        start = self.span.start
        return (self.path, start.line, start.column, self.code, self.message)


@dataclass(frozen=True, slots=True)
class Skipped:
    """Rules that did not run on parts of a file because those parts have errors to fix first.

    The engine writes it, once per file; every reporter shows `message` (and where the first
    error is) without knowing any rule. `sections` are the charter's top-level sections the
    rules skipped ("" for the whole file), `lines` the line of the first error in each, `codes`
    the enabled rules that skipped something.
    """

    message: str
    span: Span
    sections: tuple[str, ...] = ()
    lines: tuple[int, ...] = ()
    codes: tuple[str, ...] = ()


class PackedData(Mapping[str, Any]):
    """A parsed charter kept as its compact JSON text until a reporter reads it (`unpacked`): a run
    over 20,000 files keeps each in a few kilobytes of bytes rather than as Python objects."""

    __slots__ = ("raw",)

    def __init__(self, raw: bytes) -> None:
        self.raw = raw

    def unpacked(self) -> dict[str, Any]:
        value = json.loads(self.raw)
        return value if isinstance(value, dict) else {}

    def __getitem__(self, key: str) -> Any:
        return self.unpacked()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.unpacked())

    def __len__(self) -> int:
        return len(self.unpacked())

    def __reduce__(self) -> tuple[type[PackedData], tuple[bytes]]:
        return PackedData, (self.raw,)


def unpacked(data: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """A result's charter as Python data, read once (PackedData decoded)."""
    return data.unpacked() if isinstance(data, PackedData) else data


@dataclass(frozen=True, slots=True)
class FileResult:
    """What linting one file produced."""

    path: str
    findings: tuple[Finding, ...]
    source_lines: tuple[str, ...] = ()
    parsed: bool = True
    # The parsed charter (plain dicts, lists and scalars, or PackedData: picklable), for reporters
    # that show its content (read it through `unpacked`); None when it did not parse. Not compared
    # or shown: findings identify a result.
    data: Mapping[str, Any] | None = field(default=None, compare=False, repr=False)
    # Rules that did not run on parts of the file (errors there stop them), said once per file.
    skipped: Skipped | None = None

    @property
    def active_findings(self) -> tuple[Finding, ...]:
        """The findings no directive or baseline suppressed."""
        return tuple(f for f in self.findings if f.suppression is None)


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a reporter needs to know of an enabled rule (no check code)."""

    code: str
    name: str
    severity: Severity
    summary: str
    rationale: str = ""
    tags: tuple[str, ...] = ()
    help_markdown: str = ""
    help_text: str = ""  # plain-text help: rationale, details, options, examples
    help_uri: str = ""  # where the rule's documentation is published
    # Writes (help_text, help_markdown) when they are not given: only SARIF shows them, so a
    # run does not write every rule's help pages up front. Not compared or shown.
    describe: Callable[[], tuple[str, str]] | None = field(default=None, compare=False, repr=False)
    # For the coverage matrix, from the rule file: the cells a finding at a channel (or its
    # commitments) flags when they are missing (`matrix-cells`), and whether a finding of the
    # rule means the content rules did not run on the file (`engine.gates`).
    matrix_cells: tuple[str, ...] = ()
    gates: bool = False

    def help(self) -> tuple[str, str]:
        """(plain-text help, Markdown help): as given, else as `describe` writes them."""
        if self.help_text or self.help_markdown or self.describe is None:
            return self.help_text, self.help_markdown
        return self.describe()


@dataclass(frozen=True, slots=True)
class Report:
    """A whole run: every file linted, in path order, and the rules that ran."""

    files: tuple[FileResult, ...]
    rules: tuple[RuleInfo, ...] = ()
    tool_version: str = ""

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for result in self.files for f in result.findings)

    @property
    def active_findings(self) -> tuple[Finding, ...]:
        return tuple(f for result in self.files for f in result.active_findings)


@dataclass(frozen=True, slots=True)
class Counts:
    """Finding totals by severity (suppressed findings excluded)."""

    errors: int = 0
    warnings: int = 0
    infos: int = 0
    files_with_findings: int = 0
    files: int = 0
    by_code: dict[str, int] = field(default_factory=dict)
    files_with_skipped_rules: int = 0  # files where some rules did not run (FileResult.skipped)


def count(report: Report) -> Counts:
    by_severity = {severity: 0 for severity in Severity}
    by_code: dict[str, int] = {}
    files_with_findings = 0
    for result in report.files:
        active = result.active_findings
        files_with_findings += bool(active)
        for finding in active:
            by_severity[finding.severity] += 1
            by_code[finding.code] = by_code.get(finding.code, 0) + 1
    return Counts(
        errors=by_severity[Severity.ERROR],
        warnings=by_severity[Severity.WARNING],
        infos=by_severity[Severity.INFO],
        files_with_findings=files_with_findings,
        files=len(report.files),
        by_code=dict(sorted(by_code.items())),
        files_with_skipped_rules=sum(result.skipped is not None for result in report.files),
    )

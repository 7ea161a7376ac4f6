"""An open charter as last linted: its text, settings, findings, and (parsed when first asked) its
document, for hover, completion, definitions and code actions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from charterlint.engine.lint import lint_bytes
from charterlint.engine.settings import LintSettings
from charterlint.fixes.run import Fixed
from charterlint.model import FileResult, Position, Span
from charterlint.ruleset.rule import Rule
from charterlint.source.document import Document
from charterlint.source.loader import SUFFIX_KINDS, kind_of, load_document, split_lines


@dataclass(slots=True)
class Linted:
    """One open file's text as last linted."""

    path: Path
    text: str
    version: int | None
    settings: LintSettings
    result: FileResult
    kind: str
    lines: tuple[str, ...]
    parsed: Document | None = field(default=None, repr=False)
    fixed_all: Fixed | None = field(default=None, repr=False)  # the text with every safe fix made, when asked

    @property
    def display(self) -> str:
        return str(self.path)

    def document(self) -> Document | None:
        """The parsed charter (None when it does not parse), parsed once."""
        if self.parsed is None and self.result.parsed:
            loaded = load_document(self.display, self.text.encode("utf-8"), self.settings.limits, self.kind)
            self.parsed = None if isinstance(loaded, tuple) else loaded
        return self.parsed

    def rules(self) -> dict[str, Rule]:
        """Every rule a finding may be of, by code (enabled or not)."""
        catalogue = self.settings.catalogue or tuple(active.rule for active in self.settings.rules.values())
        return {rule.code: rule for rule in catalogue}


def lint_open(path: Path, text: str, version: int | None, settings: LintSettings) -> Linted:
    """Lint an open file's text as `check` lints the file (the same findings, the same messages)."""
    kind = SUFFIX_KINDS.get(path.suffix.lower()) or kind_of(str(path), text)
    result = lint_bytes(str(path), text.encode("utf-8"), settings, kind)
    lines = result.source_lines if result.parsed else tuple(split_lines(text, kind))  # split once
    return Linted(path, text, version, settings, result, kind, lines)


def contains(span: Span, position: Position) -> bool:
    """Whether the cursor at `position` is on `span` (at its end too: the cursor just after a word)."""
    return span.start <= position <= span.end


def node_at(document: Document, position: Position) -> tuple[str, str] | None:
    """(pointer, "key" or "value") of the innermost node under `position`, else None."""
    best: tuple[str, str, Span] | None = None
    for pointer in document.nodes:
        spans = document.nodes[pointer]
        if spans.key is not None and contains(spans.key, position):
            return pointer, "key"
        if contains(spans.value, position) and (best is None or best[2].start <= spans.value.start):
            best = (pointer, "value", spans.value)
    return (best[0], best[1]) if best is not None else None

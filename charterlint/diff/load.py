"""One version of a charter, loaded for comparison through the path `check` uses: the source
loader (YAML, JSON, Markdown front matter, with the same limits) and the charter schema.

Only a version that parses and validates is compared: comparing data the schema refuses would
guess at what it means. Why a version cannot be used is said once, with its line.
"""

from __future__ import annotations

from dataclasses import dataclass

from charterlint.schema.problems import schema_problems
from charterlint.schema.validator import SchemaValidator
from charterlint.source.document import Document, Limits, Problem
from charterlint.source.loader import load_document


@dataclass(frozen=True, slots=True)
class Unusable:
    """Why a version cannot be compared: the first problem, in words, with its line."""

    reason: str
    line: int


def _first(problems: tuple[Problem, ...] | list[Problem], document: Document | None) -> Unusable:
    problem = problems[0]
    span = problem.span if problem.span is not None or document is None else document.locate(problem.pointer,
                                                                                              problem.anchor)
    return Unusable(problem.message, span.start.line if span is not None else 1)


def load_version(path: str, raw: bytes, limits: Limits, validator: SchemaValidator) -> Document | Unusable:
    """The document in `raw` when it is a valid charter, else why not (never raises)."""
    loaded = load_document(path, raw, limits)
    if isinstance(loaded, tuple):
        return _first(loaded, None)
    if loaded.problems:
        return _first(loaded.problems, loaded)
    problems = schema_problems(validator, loaded.data, loaded.source_text, loaded.locate)
    if problems:
        return _first(problems, loaded)
    return loaded

"""Shared test helpers: lint text with chosen rules, findings as comparable tuples."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache

from charterlint.linter import ActiveRule, LintSettings, lint_bytes
from charterlint.model import FileResult
from charterlint.rule import Rule, load_builtin_rules
from charterlint.schema import charter_validator
from charterlint.selection import select_rules

TODAY = dt.date(2026, 1, 1)


@cache
def builtin_rules() -> tuple[Rule, ...]:
    return load_builtin_rules()


@cache
def _validator():  # type: ignore[no-untyped-def]
    return charter_validator()


def settings_for(select: Sequence[str] | None = None, *, preset: str = "recommended",
                 today: dt.date = TODAY, options: dict[str, dict[str, object]] | None = None) -> LintSettings:
    rules = select_rules(builtin_rules(), preset, list(select) if select is not None else None)
    options = options or {}
    active = {r.code: ActiveRule(r, r.severity, options.get(r.code, {})) for r in rules}
    return LintSettings(rules=active, today=today, validator=_validator())


def lint_text(text: str, select: Sequence[str] | None = None, *, filename: str = "test.charter.yaml",
              preset: str = "recommended", today: dt.date = TODAY,
              options: dict[str, dict[str, object]] | None = None) -> FileResult:
    settings = settings_for(select, preset=preset, today=today, options=options)
    return lint_bytes(filename, text.encode("utf-8"), settings)


def findings(text: str, select: Sequence[str] | None = None, **kwargs: object) -> list[tuple[str, int, int, str]]:
    """(code, line, column, message) of every finding, in report order."""
    result = lint_text(text, select, **kwargs)  # type: ignore[arg-type]
    return [(f.code, f.span.start.line, f.span.start.column, f.message) for f in result.findings]

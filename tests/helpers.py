"""Shared test helpers: charter texts, lint text with chosen rules, findings as comparable tuples, run the CLI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache

import pytest

from charterlint.cli.app import main
from charterlint.engine.lint import lint_bytes
from charterlint.engine.settings import ActiveRule, LintSettings
from charterlint.model import FileResult
from charterlint.ruleset.rule import Rule, load_builtin_rules
from charterlint.ruleset.selection import select_rules
from charterlint.schema.problems import charter_validator

TODAY = dt.date(2026, 1, 1)

# --- charter texts ------------------------------------------------------------------------------
# Tests point at lines and columns of these texts: change none of them.

# The minimal valid charter: one phone channel, open always (12 lines; the phone's hours on line 10).
MINIMAL_CHARTER = """\
charter_format: 1
title: Example Water customer charter
organization:
  name: Example Water
overview:
  mission: Safe water.
channels:
  - id: phone
    type: phone
    hours: always
review:
  last_reviewed: 2025-06-01
"""

# The first six lines of the charters the rule tests build: what follows starts on line 7.
CHARTER_HEAD = """\
charter_format: 1
title: Example Water customer charter
organization:
  name: Example Water
overview:
  mission: Safe, reliable water for every home.
"""
# A phone channel entry answered within 60 seconds, 80% of the time (5 lines).
ANSWERED_PHONE = """\
  - id: phone
    type: phone
    hours: always
    commitments:
      answer: {within: 60 seconds, target: 80%}
"""
# CHARTER_HEAD, then `channels:` holding ANSWERED_PHONE (12 lines: what follows starts on line 13).
ANSWERED_PHONE_HEAD = CHARTER_HEAD + "channels:\n" + ANSWERED_PHONE
# The review section that closes most test charters (2 lines).
REVIEW = """\
review:
  last_reviewed: 2025-06-01
"""


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


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """`charterlint ARGS` in-process: the exit code, standard output and standard error."""
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err

# A charter with a last review and no cadence (review status from the default period).
UNCADENCED = """\
charter_format: 1
title: T
organization: {name: O}
overview: {mission: M}
review: {last_reviewed: 2025-03-01}
channels:
  - {id: phone, type: phone, hours: always, commitments: {answer: {within: 60 seconds}}}
"""

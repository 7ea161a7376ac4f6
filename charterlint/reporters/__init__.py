"""Reporters: pure functions from a Report to text. They know nothing of rules or files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from charterlint.model import Report


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How the CLI wants a report rendered."""

    color: bool = False
    quiet: bool = False
    statistics: bool = False
    today: dt.date | None = None  # the run's date, for review status (html); None: not known


Reporter = Callable[[Report, RenderOptions], str]


def reporters() -> dict[str, Reporter]:
    """The built-in reporters by format name (imported lazily: a run pays for what it uses)."""
    from charterlint.reporters import github, html, json_report, junit, sarif, text

    return {
        "text": text.render,
        "json": json_report.render,
        "sarif": sarif.render,
        "github": github.render,
        "junit": junit.render,
        "html": html.render,
    }

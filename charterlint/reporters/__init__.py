"""Reporters: pure functions from a Report to text. They know nothing of rules or files."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from charterlint.charter.dates import DEFAULT_REVIEW_PERIOD
from charterlint.model import Report


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How the CLI wants a report rendered."""

    color: bool = False
    quiet: bool = False  # text: one line per finding, no excerpts or statistics
    statistics: bool = False
    today: dt.date | None = None  # the run's date, for review status (html); None: not known
    # The review period without a calendar cadence: CH201's max-age in effect (html, matrix)
    review_period: str = DEFAULT_REVIEW_PERIOD
    step_summary: bool = False  # github: the CLI lists findings past the annotation cap in the job summary


# A reporter returns the whole text, or its pieces to be written as they come (large reports).
Reporter = Callable[[Report, RenderOptions], str | Iterable[str]]


def _lazy(module: str, function: str = "render") -> Reporter:
    """`function` of charterlint.reporters.`module`, imported on the first call."""
    def render(report: Report, options: RenderOptions) -> str | Iterable[str]:
        found: Reporter = getattr(importlib.import_module(f"charterlint.reporters.{module}"), function)
        return found(report, options)

    return render


def reporters() -> dict[str, Reporter]:
    """The built-in reporters by format name (each imported when used: a run pays for what it uses)."""
    return {
        "text": _lazy("text", "stream"),
        "json": _lazy("json_report", "stream"),
        "sarif": _lazy("sarif", "stream"),
        "github": _lazy("github"),
        "junit": _lazy("junit"),
        "html": _lazy("html", "stream"),
    }

"""CH406-CH409: escalation triggers, team, performance reporting and accessibility.

CH401-CH405 only require a field (or a non-empty list) and are generic checks their rule
files describe (`function: required` / `min-count`): they need no code here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from charterlint.charter.views import charter_index
from charterlint.checks.context import Context
from charterlint.source.document import Document, Problem
from charterlint.source.pointer import join


def _missing(data: dict[str, Any], message: str, *path: str) -> Problem:
    """A finding for a member missing at `path`: at the deepest mapping on the path that exists.

    A present but empty list (`stages: []`) is the offending value itself.
    """
    pointer, node = "", data
    for name in path[:-1]:
        child = node.get(name)
        if not isinstance(child, dict):
            break
        pointer, node = join(pointer, name), child
    else:
        if path[-1] in node:
            return Problem(message, join(pointer, path[-1]))
    return Problem(message, pointer, anchor="container")


def _section(data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name)
    return value if isinstance(value, dict) else {}


def _entries(data: dict[str, Any], section: str, name: str) -> list[Any]:
    value = _section(data, section).get(name)
    return value if isinstance(value, list) else []


def external_trigger_missing(document: Document, context: Context) -> Iterator[Problem]:
    """CH406: an external body does not say when the customer may go there."""
    for index, body in enumerate(_entries(document.data, "escalation", "external")):
        if isinstance(body, dict) and "after" not in body:
            yield Problem(
                f'external body "{body.get("body", index + 1)}" does not say when the customer may go there '
                '(add after, e.g. "8 weeks" or "final response")',
                join("/escalation/external", index),
                anchor="container",
            )


def team_accountability_missing(document: Document, context: Context) -> Iterator[Problem]:
    """CH407: `team` is missing, or lacks `training` or `accountability` (one finding)."""
    data = document.data
    if not isinstance(data.get("team"), dict):
        yield Problem(
            "no team section (add team.training and team.accountability: how staff are trained "
            "and how they own the result for the customer)",
            "",
            anchor="container",
        )
        return
    lacking = [name for name in ("training", "accountability") if name not in data["team"]]
    if lacking:
        yield Problem(
            f"team has no {' or '.join(lacking)} (add {' and '.join('team.' + n for n in lacking)})",
            "/team",
            anchor="container",
        )


def performance_reporting_missing(document: Document, context: Context) -> Iterator[Problem]:
    """CH408: some commitment has a target share but results are not published."""
    targets = [c["target"] for _, _, c in charter_index(document).commitments if "target" in c]
    if not targets or _section(document.data, "performance").get("published") is True:
        return
    count = f"{len(targets)} commitment sets" if len(targets) == 1 else f"{len(targets)} commitments set"
    yield _missing(
        document.data,
        f'results are not published, yet {count} a target share such as "{targets[0]}" '
        "(publish results against them and set performance.published: true)",
        "performance", "published",
    )


def accessibility_missing(document: Document, context: Context) -> Iterator[Problem]:
    """CH409: neither the organisation (top-level `accessibility`) nor any channel lists provisions."""
    if document.data.get("accessibility"):
        return
    if not any(channel.data.get("accessibility") for channel in charter_index(document).channels):
        yield Problem(
            "no channel lists accessibility provisions (add accessibility to the channels that offer them, "
            "e.g. [relay_service, large_print, interpreter])",
            "/channels",
            anchor="key",
        )

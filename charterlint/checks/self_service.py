"""CH108-CH109: self-service options say why they exist and are reachable more than one way."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from charterlint.checks.context import Context
from charterlint.source.document import Document, Problem
from charterlint.source.pointer import join


def _entries(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every self-service entry with its pointer."""
    for index, entry in enumerate(data.get("self_service") or ()):
        if isinstance(entry, dict):
            yield join("/self_service", index), entry


def self_service_without_purpose(document: Document, context: Context) -> Iterator[Problem]:
    """CH108: a self-service entry without a purpose."""
    for pointer, entry in _entries(document.data):
        if "purpose" not in entry:
            yield Problem(
                f'self-service entry "{entry.get("id")}" does not say why it is offered '
                "(add purpose: what customers can do with it)",
                pointer, anchor="container",
            )


def self_service_single_channel(document: Document, context: Context) -> Iterator[Problem]:
    """CH109: a self-service entry whose `available_via` lists fewer than two distinct channels.

    Without `available_via` the charter says nothing of how the entry is reached (websites and
    online accounts rarely do): a missing optional field is no evidence, so nothing is reported.
    """
    for pointer, entry in _entries(document.data):
        via = entry.get("available_via")
        if not isinstance(via, list):
            continue
        distinct = list(dict.fromkeys(str(i) for i in via))
        if len(distinct) >= 2:
            continue
        reach = f'only through "{distinct[0]}"' if distinct else "through no channel"
        yield Problem(
            f'self-service entry "{entry.get("id")}" is reachable {reach} '
            "(list at least two channels in available_via)",
            join(pointer, "available_via"),
        )

"""The pack's check functions: pure, `(document, context) -> problems`."""

from __future__ import annotations

from collections.abc import Iterator

from charterlint.api import Context, Document, Problem, join


def ombudsman_missing(document: Document, context: Context) -> Iterator[Problem]:
    """REG001: a charter of a regulated sector names no ombudsman among its external bodies."""
    data = document.data
    sector = data["organization"].get("sector")
    if sector not in context.options["sectors"]:
        return
    bodies = data.get("escalation", {}).get("external", [])
    if any(body.get("type") == "ombudsman" for body in bodies):
        return
    message = f"a {sector} charter names no ombudsman (add one to escalation.external, with type: ombudsman)"
    if bodies:
        yield Problem(message, join("/escalation", "external"), anchor="key")
    else:
        yield Problem(message, "/escalation" if "escalation" in data else "", anchor="container")

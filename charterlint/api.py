"""The public API for rule-pack authors: everything a plugin imports, and nothing else.

Names here keep their meaning across minor versions; import from `charterlint.api`, not
from the modules behind it. A Python rule pack is a `RulePack` a module provides:

    # acme_rules/__init__.py
    from pathlib import Path
    from charterlint.api import RulePack
    from acme_rules.checks import website_listed

    rule_pack = RulePack(prefix="ACME", rules=Path(__file__).parent / "rules",
                         checks={"website_listed": website_listed})

and installs through the entry-point group `charterlint.rules`
(`acme = "acme_rules:rule_pack"`) or is named in the configuration's `plugins:`.

A check is a pure function `(document: Document, context: Context) -> Iterable[Problem]`:
it reads `document.data` (the parsed charter, dates as strings; use the views below) and
yields a `Problem` per fault, at a JSON pointer (build one with `join`). The engine turns
the pointer into a line and column, applies the rule's code, severity and suppressions,
and turns an exception into a CH000 finding while the other rules still run. Checks run
only on schema-valid charters. See docs/writing-rules.md.
"""

from __future__ import annotations

from charterlint.charter.duration import Duration, Scale, comparable, longer, parse_duration
from charterlint.charter.subjects import describe, show_value
from charterlint.charter.views import (
    ASYNC_FIRST_TYPES,
    COMMITMENT_EVENTS,
    UPDATE_EVENT,
    Channel,
    CharterIndex,
    Commitment,
    Standard,
    channels,
    charter_index,
    commitments,
    durations,
    service_channel_ids,
    service_channels,
    standards,
    texts,
    walk,
)
from charterlint.checks.context import Check, Context
from charterlint.engine.examples import ExampleResult, run_examples
from charterlint.model import Finding, Position, Severity, Span
from charterlint.ruleset.packs import RulePack
from charterlint.ruleset.plugins import PluginError, rules_of
from charterlint.ruleset.rule import Rule
from charterlint.source.document import Body, Document, Problem
from charterlint.source.pointer import escape, join, resolve, unescape

__all__ = [
    # writing a pack
    "RulePack",
    "Check",
    "Context",
    "Document",
    "Body",
    "Problem",
    "Rule",
    "PluginError",
    "rules_of",
    # JSON pointers
    "join",
    "escape",
    "unescape",
    "resolve",
    # views of a charter (a channel's commitments as rules read them: charter_index(document).commitments_of)
    "Channel",
    "channels",
    "CharterIndex",
    "charter_index",
    "Commitment",
    "Standard",
    "standards",
    "UPDATE_EVENT",
    "service_channels",
    "service_channel_ids",
    "commitments",
    "durations",
    "texts",
    "walk",
    "COMMITMENT_EVENTS",
    "ASYNC_FIRST_TYPES",
    # durations
    "Duration",
    "Scale",
    "parse_duration",
    "comparable",
    "longer",
    # messages
    "describe",
    "show_value",
    # results
    "Finding",
    "Severity",
    "Span",
    "Position",
    # testing a pack's documented examples
    "ExampleResult",
    "run_examples",
]

"""Which rules run: a preset, then `select` / `extend-select` / `ignore` by code, prefix or name."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from charterlint.charter.subjects import did_you_mean
from charterlint.ruleset.rule import Rule

PRESETS = ("recommended", "strict")
_CODE_PREFIX = r"^[A-Za-z]{2,8}[0-9]{0,3}$"  # compiled on first use (re caches it), not at start-up


class SelectionError(ValueError):
    """A selector that names no rule (with a suggestion)."""


def matches(selector: str, rule: Rule) -> bool:
    """`CH101`, a code prefix such as `CH1`, a rule name, or `ALL`."""
    if selector == "ALL":
        return True
    if selector.lower() == rule.name:
        return True
    return re.match(_CODE_PREFIX, selector) is not None and rule.code.startswith(selector.upper())


def no_rule(selector: str, rules: Sequence[Rule]) -> str:
    """`"CH999" names no rule (did you mean "CH099"?)`."""
    candidates = [rule.code for rule in rules] + [rule.name for rule in rules]
    return f'"{selector}" names no rule{did_you_mean(selector, candidates)}'


def resolve(selectors: Iterable[str], rules: Sequence[Rule], setting: str = "select") -> set[str]:
    """The codes the selectors name; raise SelectionError for one that names nothing."""
    codes: set[str] = set()
    for selector in selectors:
        named = {rule.code for rule in rules if matches(selector, rule)}
        if not named:
            raise SelectionError(f"{setting}: {no_rule(selector, rules)}")
        codes |= named
    return codes


def preset_codes(rules: Sequence[Rule], preset: str) -> set[str]:
    """`strict`: every rule; `recommended`: the rules marked recommended."""
    return {rule.code for rule in rules if preset == "strict" or rule.recommended}


def select_rules(
    rules: Sequence[Rule],
    preset: str = "recommended",
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> list[Rule]:
    """The enabled rules, in code order. `select` replaces the preset; the rest adjust it."""
    enabled = resolve(select, rules) if select is not None else preset_codes(rules, preset)
    enabled |= resolve(extend_select, rules, "extend-select")
    enabled -= resolve(ignore, rules, "ignore")
    return [rule for rule in rules if rule.code in enabled]

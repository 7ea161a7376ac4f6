"""Which rules run: a preset, then `select` / `extend-select` / `ignore` by code, prefix or name."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

from charterlint.rule import Rule

PRESETS = ("recommended", "strict")
_CODE_PREFIX = re.compile(r"^[A-Za-z]{2,8}[0-9]{0,3}$")


class SelectionError(ValueError):
    """A selector that names no rule (with a suggestion)."""


def matches(selector: str, rule: Rule) -> bool:
    """`CH101`, a code prefix such as `CH1`, a rule name, or `ALL`."""
    if selector == "ALL":
        return True
    if selector.lower() == rule.name:
        return True
    return _CODE_PREFIX.match(selector) is not None and rule.code.startswith(selector.upper())


def resolve(selectors: Iterable[str], rules: Sequence[Rule], setting: str = "select") -> set[str]:
    """The codes the selectors name; raise SelectionError for one that names nothing."""
    codes: set[str] = set()
    for selector in selectors:
        named = {rule.code for rule in rules if matches(selector, rule)}
        if not named:
            candidates = [rule.code for rule in rules] + [rule.name for rule in rules]
            hint = difflib.get_close_matches(selector, candidates, n=1, cutoff=0.6)
            suggestion = f' (did you mean "{hint[0]}"?)' if hint else ""
            raise SelectionError(f'{setting}: "{selector}" names no rule{suggestion}')
        codes |= named
    return codes


def select_rules(
    rules: Sequence[Rule],
    preset: str = "recommended",
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> list[Rule]:
    """The enabled rules, in code order. `select` replaces the preset; the rest adjust it."""
    if select is not None:
        enabled = resolve(select, rules)
    elif preset == "strict":
        enabled = {rule.code for rule in rules}
    else:
        enabled = {rule.code for rule in rules if rule.recommended}
    enabled |= resolve(extend_select, rules, "extend-select")
    enabled -= resolve(ignore, rules, "ignore")
    return [rule for rule in rules if rule.code in enabled]

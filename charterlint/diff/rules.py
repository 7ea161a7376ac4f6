"""The diff rules (rule files with `engine.compares`), by the change kind each reports, and which
of them a run turns off.

A diff rule is turned off only by naming it alone (its code, `CH603`, or its name): a selector
that names several diff rules (`CH6`, `CH60`, `ALL`) turns none of them off, so an intended
change is accepted one kind at a time and nothing silences the whole family by accident.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from charterlint.diff.change import KINDS
from charterlint.ruleset.rule import Rule, RuleFileError
from charterlint.ruleset.selection import matches


def diff_rules(rules: Iterable[Rule]) -> dict[str, Rule]:
    """{change kind: its rule}; RuleFileError unless each kind has exactly one rule."""
    by_kind: dict[str, Rule] = {}
    for rule in rules:
        kind = rule.engine.compares
        if not kind:
            continue
        if kind in by_kind:
            raise RuleFileError(f'{rule.source}: change kind "{kind}" is already reported by {by_kind[kind].code}')
        by_kind[kind] = rule
    missing = [kind for kind in KINDS if kind not in by_kind]
    if missing:
        raise RuleFileError(f"no rule reports the change kinds {', '.join(missing)} (engine.compares in rules/)")
    return by_kind


def named_alone(selector: str, rule: Rule) -> bool:
    """Whether `selector` is the rule's own code or name (not a prefix of several)."""
    return selector.upper() == rule.code or selector.lower() == rule.name


def turned_off(selectors: Iterable[str], rules: Sequence[Rule]) -> tuple[set[str], list[str]]:
    """The codes of the diff `rules` the selectors name alone, and a note for each selector that
    names several of them (it turns none off)."""
    codes: set[str] = set()
    notes = []
    for selector in selectors:
        alone = [rule.code for rule in rules if named_alone(selector, rule)]
        if alone:
            codes.update(alone)
        elif sum(matches(selector, rule) for rule in rules) > 1:
            notes.append(f'"{selector}" names several diff rules: diff turns rules off only one at a time'
                         " (a code such as CH605, or a rule name)")
    return codes, notes


def by_kind(rules: Mapping[str, Rule], codes: Iterable[str]) -> dict[str, Rule]:
    wanted = set(codes)
    return {kind: rule for kind, rule in rules.items() if rule.code in wanted}

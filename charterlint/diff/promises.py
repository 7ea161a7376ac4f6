"""How one promise changed: a commitment's time limit, target, statistic and strength, a
progress update's interval, any other time limit (follow-up, external body, review cadence).

Absent fields read as the format's defaults: no `target` is every contact, no `statistic` is
`each`, no `strength` is `will`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from charterlint.charter.duration import parse_duration
from charterlint.charter.share import parse_share
from charterlint.charter.subjects import show_value
from charterlint.diff.change import (
    INCOMPARABLE,
    LIMIT_LENGTHENED,
    STATISTIC_WEAKENED,
    STRENGTH_SOFTENED,
    STRENGTHENED,
    TARGET_LOWERED,
    Change,
)
from charterlint.diff.durations import Change as Ordering
from charterlint.diff.durations import compare_durations
from charterlint.source.pointer import join

STRENGTHS = {"best_effort": 1, "aim": 2, "will": 3, "guarantee": 4}
_STATISTICS = {"average": 1, "majority": 1, "each": 2}  # average and majority: neither is the stronger
_WHY_INCOMPARABLE = "the units run on different clocks, so neither is known to be longer"


def _shown(value: Any, default: str) -> str:
    return show_value(value) if value is not None else default


def compare_limit(subject: str, field: str, old: Any, new: Any, pointer: str, identity: str,
                  *, absent_is_no_limit: bool = True) -> Iterator[Change]:
    """A time limit (`within`, `every`, `after`, `cadence`) that was `old` and is `new` (None: absent).

    `pointer` is the limit's place in the new version (or its parent's, when it is gone). An
    absent limit is no limit (a commitment's `within`: adding one strengthens the promise), or,
    with `absent_is_no_limit=False`, not stated (an external body's `after`: a wait written down
    where none was is neither better nor worse)."""
    if old == new:
        return
    key = f"{identity}|{field}|{old}|{new}"
    if (old is None or new is None) and not absent_is_no_limit:
        yield Change(INCOMPARABLE, f"changed, cannot compare: {subject} {field} {_shown(old, 'not stated')} ->"
                                   f" {_shown(new, 'not stated')}", pointer, key)
    elif old is None:
        yield Change(STRENGTHENED, f"added: {subject} {field} {show_value(new)}", pointer, f"{identity}|{field}|+{new}")
    elif new is None:
        yield Change(LIMIT_LENGTHENED, f"lengthened: {subject} {field} {show_value(old)} -> no time limit",
                     pointer, key, anchor="container")
    else:
        yield from _compare_durations(subject, field, old, new, pointer, key)


def _compare_durations(subject: str, field: str, old: str, new: str, pointer: str, key: str) -> Iterator[Change]:
    before, after = parse_duration(old), parse_duration(new)
    shown = f"{show_value(old)} -> {show_value(new)}"
    if before is None or after is None:  # "final response" and the like: not a duration
        yield Change(INCOMPARABLE, f"changed, cannot compare: {subject} {field} {shown}", pointer, key)
        return
    ordering = compare_durations(before, after)
    if ordering is Ordering.INCOMPARABLE:
        yield Change(INCOMPARABLE, f"changed, cannot compare: {subject} {field} {shown} ({_WHY_INCOMPARABLE})",
                     pointer, key)
    elif ordering is Ordering.LONGER:
        yield Change(LIMIT_LENGTHENED, f"lengthened: {subject} {field} {shown}", pointer, key)
    elif ordering is Ordering.SHORTER:
        yield Change(STRENGTHENED, f"shortened: {subject} {field} {shown}", pointer, key)


def _share(value: Any) -> float:
    """A target's percentage; no target promises every contact (both versions are schema-valid)."""
    share = parse_share(value)
    return 100.0 if share is None else share


def _target(subject: str, old: Any, new: Any, pointer: str, identity: str) -> Iterator[Change]:
    before, after = _share(old), _share(new)
    if before == after:
        return
    shown = f"{_shown(old, 'every contact')} -> {_shown(new, 'every contact')}"
    key = f"{identity}|target|{old}|{new}"
    if after < before:
        yield Change(TARGET_LOWERED, f"lowered: {subject} target {shown}", pointer, key)
    else:
        yield Change(STRENGTHENED, f"raised: {subject} target {shown}", pointer, key)


def _ranked(subject: str, field: str, ranks: Mapping[str, int], default: str, old: Any, new: Any,
            pointer: str, identity: str, weaker_kind: str, verbs: tuple[str, str]) -> Iterator[Change]:
    before, after = old if old is not None else default, new if new is not None else default
    if before == after or before not in ranks or after not in ranks:
        return
    shown = f"{show_value(before)} -> {show_value(after)}"
    key = f"{identity}|{field}|{before}|{after}"
    if ranks[after] < ranks[before]:
        yield Change(weaker_kind, f"{verbs[0]}: {subject} {field} {shown}", pointer, key)
    elif ranks[after] > ranks[before]:
        yield Change(STRENGTHENED, f"{verbs[1]}: {subject} {field} {shown}", pointer, key)
    else:
        yield Change(INCOMPARABLE, f"changed, cannot compare: {subject} {field} {shown} (neither measure is the"
                                   " stronger)", pointer, key)


def _at(pointer: str, data: Mapping[str, Any], field: str) -> str:
    """The field's place in the new commitment, or the commitment's when the field is gone."""
    return join(pointer, field) if field in data else pointer


def compare_commitment(subject: str, old: Mapping[str, Any], new: Mapping[str, Any], pointer: str,
                       identity: str) -> Iterator[Change]:
    """A commitment (or progress update) that was `old` and is `new`, at `pointer` in the new version."""
    for field in ("within", "every"):
        if field in old or field in new:
            yield from compare_limit(subject, field, old.get(field), new.get(field), _at(pointer, new, field),
                                     identity)
    if "target" in old or "target" in new:
        yield from _target(subject, old.get("target"), new.get("target"), _at(pointer, new, "target"), identity)
    yield from _ranked(subject, "statistic", _STATISTICS, "each", old.get("statistic"), new.get("statistic"),
                       _at(pointer, new, "statistic"), identity, STATISTIC_WEAKENED, ("weakened", "firmed up"))
    yield from _ranked(subject, "strength", STRENGTHS, "will", old.get("strength"), new.get("strength"),
                       _at(pointer, new, "strength"), identity, STRENGTH_SOFTENED, ("softened", "firmed up"))
    if old.get("from") != new.get("from") and "from" in old and "from" in new:
        yield Change(INCOMPARABLE, f"changed, cannot compare: {subject} counts from {show_value(old['from'])} ->"
                                   f" {show_value(new['from'])} (the clock starts at another moment)",
                     _at(pointer, new, "from"), f"{identity}|from|{old['from']}|{new['from']}")

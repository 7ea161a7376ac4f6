"""Which parts of a charter have errors, which rules those errors stop, and how to say so.

A content rule trusts the shapes the schema promises and the references it names; where a part
of the charter has an error (the schema, an impossible value, a broken reference, a duplicate
key), the rules that read that part cannot run on it. The parts are the charter's top-level
sections, and the items of a top-level list (`/channels/2`), so that one channel's error leaves
the other channels checked. A rule's file says what it reads (`reads:`, Rule.reads):

- `review`: the whole section; any error in it stops the rule;
- `channels/*`: each item on its own; the rule runs unless the list itself is wrong, and its
  findings inside an item with errors are dropped;
- `channels/*/id`: only that field of each item (one entry per field); as `channels/*`, but an
  item's findings are dropped only when the item itself or that field has an error;
- `*`: every section, each part on its own (findings inside a part with errors are dropped).

A rule that declares nothing runs only on a file without errors. Where rules did not run,
the file's result says so once (model.Skipped), naming the sections and the first error in each.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

from charterlint.model import Skipped, Span
from charterlint.source.pointer import at_or_below, tokens, unescape

EVERY_PART = "*"
EACH_ITEM = "/*"
WHOLE_FILE = ""  # the unit of an error at the root: nothing can be trusted


def unit_of(pointer: str, data: Any) -> str:
    """The part of the charter a problem at `pointer` is in: "" (the root), a top-level section
    (`/review`), or an item of a top-level list (`/channels/2`)."""
    steps = tokens(pointer)
    if not steps:
        return WHOLE_FILE
    section = "/" + steps[0]
    value = data.get(unescape(steps[0])) if isinstance(data, dict) else None
    if isinstance(value, list) and len(steps) > 1:
        return f"{section}/{steps[1]}"
    return section


def section_name(unit: str) -> str:
    """The top-level section a unit belongs to (`/channels/2` -> `channels`; the root -> "")."""
    return unescape(tokens(unit)[0]) if unit else WHOLE_FILE


def inside(pointer: str, unit: str) -> bool:
    """Whether `pointer` is at or below `unit` (everything is inside the root)."""
    return not unit or at_or_below(pointer, unit)


class Broken:
    """The parts of one file with errors, each with where its first error is."""

    def __init__(self, data: Any) -> None:
        self._data = data
        self.units: dict[str, Span] = {}
        self._errors: dict[str, list[str]] = {}  # each unit's errors' pointers
        self._skipped: dict[tuple[str, ...] | None, tuple[str, ...]] = {}  # skipped_by, by reads (rules share them)

    def add(self, pointer: str, span: Span) -> None:
        unit = unit_of(pointer, self._data)
        if unit not in self.units or span < self.units[unit]:
            self.units[unit] = span
        self._errors.setdefault(unit, []).append(pointer)
        self._skipped.clear()

    def __bool__(self) -> bool:
        return bool(self.units)

    def stops(self, reads: tuple[str, ...] | None) -> tuple[str, ...]:
        """The broken units that stop a rule reading `reads` altogether (empty: it runs)."""
        if not self.units:
            return ()
        if reads is None or WHOLE_FILE in self.units:
            return tuple(self.units)
        stopping: list[str] = []
        for read in reads:
            if read == EVERY_PART:
                continue
            if EACH_ITEM + "/" in read or read.endswith(EACH_ITEM):
                section = "/" + read.partition(EACH_ITEM)[0]
                stopping += [unit for unit in self.units if unit == section]
            else:
                stopping += [unit for unit in self.units if inside(unit, "/" + read)]
        return tuple(dict.fromkeys(stopping))

    def skipped_by(self, reads: tuple[str, ...] | None) -> tuple[str, ...]:
        """The broken units a rule that runs skips (its findings inside them are dropped): every
        one for `*`; for `section/*`, the section's broken items; for `section/*/field`, the items
        that are wrong themselves or in that field."""
        if not self.units:  # a sound file, as most are: nothing to skip, nothing to work out
            return ()
        found = self._skipped.get(reads)
        if found is None:
            found = self._skipped[reads] = self._skipped_by(reads)
        return found

    def _skipped_by(self, reads: tuple[str, ...] | None) -> tuple[str, ...]:
        if reads is None or EVERY_PART in reads:
            return tuple(self.units)
        whole = {"/" + read.removesuffix(EACH_ITEM) for read in reads if read.endswith(EACH_ITEM)}
        fields: dict[str, list[str]] = {}
        for read in reads:
            section, each, field = read.partition(EACH_ITEM + "/")
            if each:
                fields.setdefault("/" + section, []).append(field)
        skipped = []
        for unit in self.units:
            section = "/" + tokens(unit)[0] if unit else unit
            if section in whole and unit != section:
                skipped.append(unit)
            elif section in fields and unit != section and any(
                    pointer == unit or any(inside(pointer, f"{unit}/{field}") for field in fields[section])
                    for pointer in self._errors[unit]):
                skipped.append(unit)
        return tuple(skipped)

    def contains(self, pointer: str) -> bool:
        """Whether `pointer` is inside a broken unit (a problem found there rests on errors)."""
        return bool(pointer) and within(pointer, self.units.keys())


def within(pointer: str, units: Collection[str]) -> bool:
    """Whether `pointer` is at or below one of `units`: a unit is the root, a section or a list
    item, so only the pointer's first two steps can name it (one look-up each, not a scan)."""
    if WHOLE_FILE in units:
        return True
    steps = tokens(pointer)
    return bool(steps) and ("/" + steps[0] in units or len(steps) > 1 and f"/{steps[0]}/{steps[1]}" in units)


def skipped_notice(units: Mapping[str, Span], codes: Iterable[str]) -> Skipped:
    """The one notice for a file where the rules `codes` skipped the broken `units`."""
    first: dict[str, Span] = {}
    for unit, span in units.items():
        name = section_name(unit)
        if name not in first or span < first[name]:
            first[name] = span
    ordered = sorted(first.items(), key=lambda item: item[1])
    names = [name for name, _ in ordered]
    lines = sorted({span.start.line for _, span in ordered})
    if WHOLE_FILE in first:
        message = f"content rules did not run: fix {_errors_on(lines)} first"
    else:
        message = f"rules did not run on {_and(names)}: fix {_errors_on(lines)} first"
    return Skipped(message, ordered[0][1], tuple(names), tuple(lines), tuple(sorted(set(codes))))


def not_parsed_notice(spans: Iterable[Span], codes: Iterable[str]) -> Skipped:
    """The notice for a file that could not be parsed: no content rule ran on any of it."""
    ordered = sorted(spans)
    lines = sorted({span.start.line for span in ordered})
    return Skipped(f"content rules did not run: fix {_errors_on(lines)} first", ordered[0], (WHOLE_FILE,),
                   (lines[0],), tuple(sorted(set(codes))))


def _errors_on(lines: list[int]) -> str:
    return f"the error on line {lines[0]}" if len(lines) == 1 else f"the errors on lines {_and(map(str, lines))}"


def _and(words: Iterable[str]) -> str:
    listed = list(words)
    return listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]

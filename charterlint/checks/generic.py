"""Generic checks that rule files bind to selectors, so rules can be written without Python.

A rule file's `check` may be a mapping instead of a function name:

    check: {function: max-duration, given: /channels/*, where: {type: phone},
            field: commitments/answer/within, max: 5 minutes}

`given` selects nodes (a JSON pointer with `*` wildcards; default: the whole charter),
`where` keeps those whose fields have the given values, and `field` (a path relative to
each node, or a list of them; default: the node itself) names what is checked. Each
function below is pure: `(document, parameters) -> problems`. `bind` turns a rule file's
mapping into a check; schemas/rule.schema.json validates the parameters of each function.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from charterlint.charter.duration import Scale, longer, parse_duration
from charterlint.charter.subjects import describe, show_value
from charterlint.charter.views import walk
from charterlint.checks.phrases import phrase_pattern
from charterlint.checks.selector import Node, same_value, select
from charterlint.model import Span
from charterlint.source.document import Document, Problem

Parameters = Mapping[str, Any]
GenericFunction = Callable[[Document, Parameters], Iterator[Problem]]
Found = tuple[Node, Node, str]  # selected node, target below it, the field as written

_UNITS = {
    Scale.CONTINUOUS: "seconds, minutes, hours, calendar days, weeks, months or years",
    Scale.BUSINESS_DAYS: "business or working days",
    Scale.BUSINESS_HOURS: "business or working hours",
}


def _found(document: Document, params: Parameters) -> Iterator[Found]:
    fields = params.get("field", "")
    for name in [fields] if isinstance(fields, str) else fields:
        for node, target in select(document.data, params.get("given", ""), params.get("where", {}), name):
            yield node, target, name


def _message(document: Document, params: Parameters, found: Found, default: str, **extra: object) -> str:
    node, target, name = found
    values = {
        "item": describe(document.data, node.pointer),
        "subject": describe(document.data, target.pointer),
        "value": show_value(target.value) if target.exists else "missing",
        "field": name or "the value",
        **{key: str(value) for key, value in extra.items()},
    }
    return str(params.get("message") or default).format(**values)


def required(document: Document, params: Parameters) -> Iterator[Problem]:
    """Each `field` exists on every selected node."""
    for found in _found(document, params):
        if not found[1].exists:
            yield Problem(_message(document, params, found, "{subject} is missing"), found[1].parent, "container")


def forbidden(document: Document, params: Parameters) -> Iterator[Problem]:
    """No selected node has `field`."""
    for found in _found(document, params):
        if found[1].exists:
            message = _message(document, params, found, "{subject} is not allowed here (remove it)")
            yield Problem(message, found[1].pointer, "key")


# --- patterns: every match bounded ---------------------------------------------------------------
# A pack's pattern is written in Python's syntax and runs in RE2 (google-re2, a dependency), whose
# time is linear in the text: "^([A-Za-z]+ ?)+$" doubles Python's time with each character. What
# RE2 cannot run (look-arounds, back-references; or every pattern where its wheel is missing)
# runs in Python's engine: nested quantifiers are refused when the pack loads, and only the first
# FALLBACK_MAX_CHARACTERS of a value are searched.
FALLBACK_MAX_CHARACTERS = 10_000
Matcher = Callable[[str], bool]


def _re2_search(text: str) -> Matcher | None:
    """RE2's search for `text`, or None when RE2 is not installed or cannot run the pattern."""
    try:
        # only rule packs use patterns: a run without one does not load RE2
        import re2  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        return None
    options = re2.Options()
    options.log_errors = False  # it would print to standard error; the fallback handles it
    try:
        compiled = re2.compile(text, options)
    except re2.error:
        return None
    return lambda value: compiled.search(value) is not None


def _repeats(items: Any) -> Iterator[tuple[int, int, Any]]:
    """(least, most, body) for each repeat in a parsed pattern, and each alternation as (0, 1,
    None) (it too can split a text more than one way); nested ones too."""
    for op, av in items:
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT"):
            yield av[0], av[1], av[2]
            yield from _repeats(av[2])
        elif name == "BRANCH":
            yield 0, 1, None
            for branch in av[1]:
                yield from _repeats(branch)
        elif name == "SUBPATTERN":
            yield from _repeats(av[3])
        elif name in ("ASSERT", "ASSERT_NOT"):
            yield from _repeats(av[1])
        elif name == "GROUPREF_EXISTS":
            for part in av[1:]:
                if part is not None:
                    yield from _repeats(part)


def catastrophic(text: str) -> bool:
    """True when a valid Python pattern repeats something that itself repeats or alternates, as
    "(a+)+" or "(a|ab)*" do: Python's engine can take exponential time on such a pattern."""
    try:
        from re import _parser as parser  # type: ignore[attr-defined]  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse as parser
    # A fixed count ("a{3}") cannot split a text two ways; an optional part ("a?") is not repeated.
    return any(most > max(least, 1) and body is not None and any(low < high for low, high, _ in _repeats(body))
               for least, most, body in _repeats(parser.parse(text)))


def pattern_problem(text: str) -> str | None:
    """Why a pack cannot use `text` as a pattern (invalid, or unbounded in time), else None."""
    try:
        re.compile(text)
    except re.error as error:
        return f'"{text}" is not a valid regular expression: {error}'
    if _re2_search(text) is None and catastrophic(text):
        return (f'"{text}" repeats a part that itself repeats or alternates (as "(a+)+" does), which can take '
                "exponential time; rewrite it without the nested repetition (or install google-re2, which "
                "runs it in linear time)")
    return None


def compile_pattern(text: str) -> Matcher:
    """Whether a pattern (valid, see pattern_problem) is found in a value, in bounded time."""
    search = _re2_search(text)
    if search is not None:
        return search
    regex = re.compile(text)
    return lambda value: regex.search(value[:FALLBACK_MAX_CHARACTERS]) is not None


def pattern(document: Document, params: Parameters) -> Iterator[Problem]:
    """Each text value matches the regular expression `pattern` (searched, so anchor it)."""
    search = compile_pattern(params["pattern"])
    for found in _found(document, params):
        value = found[1].value
        if isinstance(value, str) and not search(value):
            default = '{subject} is {value}, which does not match "{pattern}"'
            yield Problem(_message(document, params, found, default, pattern=params["pattern"]), found[1].pointer)


def enum(document: Document, params: Parameters) -> Iterator[Problem]:
    """Each value is one of `values`."""
    allowed = params["values"]
    listed = ", ".join(show_value(value) for value in allowed)
    for found in _found(document, params):
        value = found[1].value
        if found[1].exists and not any(same_value(value, option) for option in allowed):
            message = _message(document, params, found, "{subject} is {value}: expected one of {values}", values=listed)
            yield Problem(message, found[1].pointer)


def max_duration(document: Document, params: Parameters) -> Iterator[Problem]:
    """Each duration is at most `max`; one that cannot be compared is reported unless
    `incomparable: ignore` (a limit in other units cannot be shown to keep the promise)."""
    limit = parse_duration(params["max"])
    assert limit is not None  # bind() checked it
    for found in _found(document, params):
        value = parse_duration(found[1].value)
        if value is None:
            continue  # absent, or not a duration (the schema says so)
        exceeds = longer(value, limit)
        if exceeds:
            default = '{subject} is {value}, longer than the maximum of "{max}"'
            yield Problem(_message(document, params, found, default, max=limit.text), found[1].pointer)
        elif exceeds is None and params.get("incomparable", "report") == "report":
            # a custom `message` speaks of exceeding: this case keeps its own wording
            default = '{subject} is {value}, which cannot be compared with the maximum of "{max}" (give it in {units})'
            message = _message(document, {}, found, default, max=limit.text, units=_UNITS[limit.scale])
            yield Problem(message, found[1].pointer)


def _items(count: int) -> str:
    return "no items" if count == 0 else "1 item" if count == 1 else f"{count} items"


def min_count(document: Document, params: Parameters) -> Iterator[Problem]:
    """Each list (or mapping) has at least `min` items; a missing one has none."""
    minimum = params["min"]
    for found in _found(document, params):
        target = found[1]
        if target.exists and not isinstance(target.value, (list, dict)):
            continue  # a wrong type is the schema's to report
        count = len(target.value) if target.exists else 0
        if count >= minimum:
            continue
        default = "{subject} has {items}, fewer than the minimum of {min}"
        if not target.exists:
            default = "{subject} is missing (at least {min} expected)"
        message = _message(document, params, found, default, min=minimum, count=count, items=_items(count))
        yield Problem(message, target.pointer) if target.exists else Problem(message, target.parent, "container")


def _phrase_span(document: Document, pointer: str, text: str, match: re.Match[str]) -> Span | None:
    """The phrase's own span when the string sits on one line as written (plain or quoted)."""
    node = document.nodes.get(pointer)
    if node is None or node.value.start.line != node.value.end.line or "\n" in text:
        return None
    start, end = node.value.start, node.value.end
    source = document.lines[start.line - 1][start.column - 1 : end.column - 1]
    offset = 0 if source == text else 1 if source[1:-1] == text and source[:1] in ("'", '"') else None
    if offset is None:
        return None
    column = start.column + offset + match.start()
    return Span.at(start.line, column, match.end() - match.start())


def _strings(target: Node) -> Iterator[tuple[str, str]]:
    for pointer, _, value in walk(target.value, target.pointer):
        if isinstance(value, str):
            yield pointer, value


def hedge_phrases(document: Document, params: Parameters) -> Iterator[Problem]:
    """No text at or below the target contains one of `phrases` (case-insensitive, whole words)."""
    regex = phrase_pattern(params["phrases"])
    assert regex is not None  # the schema requires at least one phrase
    for found in _found(document, params):
        if not found[1].exists:
            continue
        for pointer, text in _strings(found[1]):
            for match in regex.finditer(text):
                at = (found[0], Node(pointer, text, True, pointer), found[2])
                phrase = " ".join(match.group(0).split())
                default = '{subject} says "{phrase}", a hedge instead of a commitment (give a time limit)'
                message = _message(document, params, at, default, phrase=phrase)
                yield Problem(message, pointer, span=_phrase_span(document, pointer, text, match))


def generic_functions() -> dict[str, GenericFunction]:
    """The generic checks by the name rule files use."""
    return {
        "required": required,
        "forbidden": forbidden,
        "pattern": pattern,
        "enum": enum,
        "max-duration": max_duration,
        "min-count": min_count,
        "hedge-phrases": hedge_phrases,
    }


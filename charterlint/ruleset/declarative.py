"""Declarative checks: a rule file's `check` mapping bound to a generic check.

schemas/rule.schema.json validates the shape of each generic check's parameters; `bind`
validates what a schema cannot: that a regular expression compiles, that a maximum is a
duration that compares with something, and that a message uses only known placeholders.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from typing import Any

from charterlint.charter.duration import Scale, parse_duration
from charterlint.checks.context import Context
from charterlint.checks.generic import GenericFunction, Parameters, generic_functions, pattern_problem
from charterlint.source.document import Document, Problem

_COMMON_PLACEHOLDERS = frozenset({"item", "subject", "value", "field"})
_PLACEHOLDERS = {
    "pattern": {"pattern"},
    "enum": {"values"},
    "max-duration": {"max"},
    "min-count": {"min", "count", "items"},
    "hedge-phrases": {"phrase"},
}


class CheckSpecError(ValueError):
    """A parameter that cannot be used: `pointer` names it below the rule's `check`."""

    def __init__(self, pointer: str, message: str) -> None:
        super().__init__(message)
        self.pointer = pointer
        self.message = message


class GenericCheck:
    """A generic check bound to the parameters its rule file gives; called like any check.

    A plain class, not a frozen dataclass: built-in rules bind generic checks on every start-up,
    where making a dataclass costs more than the rest of this module."""

    __slots__ = ("function", "params", "implementation")

    def __init__(self, function: str, params: Parameters, implementation: GenericFunction) -> None:
        self.function = function
        self.params = params
        self.implementation = implementation

    def __call__(self, document: Document, context: Context) -> Iterable[Problem]:
        return self.implementation(document, self.params)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GenericCheck):
            return NotImplemented
        return (self.function, self.params) == (other.function, other.params)

    __hash__ = None  # type: ignore[assignment]  # its parameters are a mapping

    def __repr__(self) -> str:
        return f"GenericCheck(function={self.function!r}, params={self.params!r})"


def _check_message(function: str, message: str) -> None:
    allowed = _COMMON_PLACEHOLDERS | _PLACEHOLDERS.get(function, set())
    try:
        parts = list(string.Formatter().parse(message))
    except ValueError as error:
        raise CheckSpecError("/message", f'"{message}" is not a valid message template: {error}') from None
    for _, name, spec, conversion in parts:
        if name is not None and (name not in allowed or spec or conversion):
            known = ", ".join(f"{{{known}}}" for known in sorted(allowed))
            raise CheckSpecError("/message", f'unknown placeholder "{{{name}}}" (known: {known}; write {{{{ for a brace)')


def _check_max(text: str) -> None:
    limit = parse_duration(text)
    if limit is None:
        raise CheckSpecError("/max", f'"{text}" is not a duration (e.g. "5 minutes", "2 working days")')
    if limit.scale is Scale.NONE:
        raise CheckSpecError("/max", f'"{text}" compares with no other duration: use calendar, business or working days')


def _check_pattern(text: str) -> None:
    problem = pattern_problem(text)
    if problem is not None:
        raise CheckSpecError("/pattern", problem)


def bind_generic(spec: Mapping[str, Any]) -> GenericCheck:
    """The check a schema-valid `check` mapping describes; CheckSpecError for a bad parameter."""
    function = str(spec["function"])
    params = {name: value for name, value in spec.items() if name != "function"}
    if "message" in params:
        _check_message(function, params["message"])
    if function == "max-duration":
        _check_max(params["max"])
    if function == "pattern":
        _check_pattern(params["pattern"])
    return GenericCheck(function, params, generic_functions()[function])

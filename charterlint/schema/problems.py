"""Validate a charter against its JSON Schema; turn each failure into a plain-language problem.

Kinds (source.problem_kinds): missing field, unknown field, invalid value, schema error for anything else.
Each problem sits at the most specific node; `anyOf`/`oneOf` failures are reduced to the
branch that best matches what the writer wrote.

Valid documents are told apart first by the fast validator (validator.py); the others go
to jsonschema, whose errors carry the paths and keywords the messages need.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple

from charterlint.charter.subjects import closest, describe, did_you_mean, expected_types, show_value, suggesting
from charterlint.model import Span

# Re-exported: the engine and the tests build the validator with `schema.charter_validator()`.
from charterlint.schema.datafile import error_pointer
from charterlint.schema.hints import example_hint, repair
from charterlint.schema.misspellings import misspellings
from charterlint.schema.misspellings import renamed as renamed_copy
from charterlint.schema.validator import SchemaValidator as SchemaValidator
from charterlint.schema.validator import charter_validator as charter_validator
from charterlint.source.document import Problem
from charterlint.source.pointer import at_or_below, join
from charterlint.source.problem_kinds import INVALID_VALUE, MISSING_FIELD, SCHEMA_ERROR, UNKNOWN_FIELD

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

_VALUE_CODES = {"type", "enum", "const", "pattern", "format", "minLength", "maxLength",
                "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"}


def _no_source(pointer: str) -> str | None:
    return None


Locate = Callable[[str, str], Span]  # a pointer and an anchor ("key", "value") -> where it is


class _Context(NamedTuple):
    """What explaining one document's errors needs besides the error."""

    data: Any
    source: Callable[[str], str | None]
    locate: Locate | None
    # Unknown keys that misspell a missing required field: (mapping pointer, key) -> the field.
    misspelt: dict[tuple[str, str], str]


def schema_problems(validator: SchemaValidator, data: Any,
                    source: Callable[[str], str | None] = _no_source,
                    locate: Locate | None = None) -> list[Problem]:
    """Every schema failure of `data`, once each, in plain language; one problem per mistake.

    `source(pointer)` gives a value's text as written, for messages about values YAML read as
    numbers or booleans (`08001234567` loses its leading zero as a number). `locate` gives where
    a node is (Document.locate): with it, a required field written under a misspelt name is one
    problem at the misspelt key, and a missing top-level section points where it would go.
    """
    if validator.passes_fast(data):
        return []
    errors = list(validator.detailed.iter_errors(data))
    context = _Context(data, source, locate, misspellings(errors) if locate is not None else {})
    seen: set[tuple[str | None, str, str]] = set()
    problems: list[Problem] = []
    for problem in [p for error in errors for p in _explain(error, context)] + _inside_misspelt(validator, context):
        key = (problem.kind, problem.pointer, problem.message)
        if key not in seen:
            seen.add(key)
            problems.append(problem)
    return problems


def _inside_misspelt(validator: SchemaValidator, context: _Context) -> list[Problem]:
    """What is wrong inside a field written under a misspelt name, judged as the field it
    misspells (a sector that is not one, behind `organisation:`), in the same run: the schema
    does not look inside an unknown field. At the places as written; named as meant."""
    problems: list[Problem] = []
    if context.locate is None:
        return problems
    for (pointer, key), name in context.misspelt.items():
        renamed = renamed_copy(context.data, pointer, key, name)
        if renamed is None:
            continue
        written = _Written(join(pointer, name), join(pointer, key), context.locate, context.source)
        inner = _Context(renamed, written.source, written.locate, {})
        for error in validator.detailed.iter_errors(renamed):
            at = error_pointer(error)
            if at_or_below(at, written.meant):
                problems += [replace(problem, span=problem.span or written.locate(problem.pointer, problem.anchor))
                             for problem in _explain(error, inner)]
    return problems


class _Written(NamedTuple):
    """Where the places under a misspelt field's meant name are as written."""

    meant: str
    written: str
    locate_written: Locate
    source_written: Callable[[str], str | None]

    def _as_written(self, pointer: str) -> str:
        return self.written + pointer[len(self.meant):] if pointer.startswith(self.meant) else pointer

    def locate(self, pointer: str, anchor: str = "value") -> Span:
        return self.locate_written(self._as_written(pointer), anchor)

    def source(self, pointer: str) -> str | None:
        return self.source_written(self._as_written(pointer))


def _keyword_value(error: ValidationError) -> Any:
    """The failing keyword's value (typed loosely in jsonschema's stubs)."""
    return error.validator_value


def _subschema(error: ValidationError) -> dict[str, Any]:
    return error.schema if isinstance(error.schema, dict) else {}


def _explain(error: ValidationError, context: _Context) -> Iterator[Problem]:
    pointer = error_pointer(error)
    kind = error.validator
    data = context.data
    if kind in ("anyOf", "oneOf") and error.context:
        yield from _explain_alternatives(error, context)
    elif kind == "required":
        yield from _missing(error, context, pointer, _keyword_value(error))
    elif kind in ("additionalProperties", "unevaluatedProperties"):
        yield from _unknown(error, context, pointer)
    elif "propertyNames" in error.absolute_schema_path:
        key = str(error.instance)
        expected = _expected(error.schema)
        yield Problem(f'"{key}" is not {expected}', join(pointer, key), anchor="key", kind=INVALID_VALUE)
    elif kind in _VALUE_CODES:
        yield Problem(_invalid_value(error, data, pointer, context.source), pointer, kind=INVALID_VALUE)
    else:
        yield Problem(_other(error, data, pointer), pointer, kind=SCHEMA_ERROR)


def _explain_alternatives(error: ValidationError, context: _Context) -> Iterator[Problem]:
    branches = error.context or []
    data = context.data
    if all(branch.validator == "required" for branch in branches):
        pointer = error_pointer(error)
        names = [name for branch in branches for name in _keyword_value(branch)]
        listed = ", ".join(f'"{name}"' for name in names[:-1]) + f' or "{names[-1]}"'
        yield Problem(f"{describe(data, pointer)} is missing one of {listed}", pointer,
                      anchor="container", kind=MISSING_FIELD)
        return
    chosen = _branch_of_the_right_type(error)
    if chosen:
        for branch_error in chosen:
            yield from _explain(branch_error, context)
        return
    from jsonschema.exceptions import best_match

    best = best_match(branches)
    if best is None:  # pragma: no cover - context is never empty here
        return
    yield from _explain(best, context)


def _branch_of_the_right_type(error: ValidationError) -> list[ValidationError]:
    """The errors of the one alternative whose type the value has (a string where text or a
    list is allowed is judged as text), so the message is about what the writer wrote."""
    by_branch: dict[int, list[ValidationError]] = {}
    for branch_error in error.context or []:
        by_branch.setdefault(int(branch_error.relative_schema_path[0]), []).append(branch_error)
    typed = [
        errors for errors in by_branch.values()
        if not any(e.validator == "type" and not e.relative_path for e in errors)
    ]
    return typed[0] if len(typed) == 1 else []


def _missing(error: ValidationError, context: _Context, pointer: str, required: list[str]) -> Iterator[Problem]:
    instance = error.instance if isinstance(error.instance, dict) else {}
    subject = describe(context.data, pointer)
    where = "" if not pointer else f" in {subject}"
    misspelt = {name: key for (at, key), name in context.misspelt.items() if at == pointer}
    for name in required:
        if name in instance:
            continue
        key = misspelt.get(name)
        if key is not None and context.locate is not None:
            yield Problem(f'unknown field "{key}"{where}: did you mean "{name}"? it is required',
                          join(pointer, name), span=context.locate(join(pointer, key), "key"), kind=MISSING_FIELD)
        elif not pointer and context.locate is not None:
            yield _missing_section(name, _subschema(error), instance, context.locate)
        else:
            yield Problem(f'{subject} is missing "{name}"', pointer, anchor="container", kind=MISSING_FIELD)


def _missing_section(name: str, schema: dict[str, Any], present: dict[str, Any], locate: Locate) -> Problem:
    """A missing top-level section, at the line where it would go, said in the message."""
    span, where = section_place(name, list(schema.get("properties", {})), present, locate)
    return Problem(f'the charter is missing "{name}" (add "{name}:" here, {where})', "/" + name,
                   span=span, kind=MISSING_FIELD)


def section_place(name: str, order: list[str], present: dict[str, Any], locate: Locate) -> tuple[Span, str]:
    """Where a missing top-level section goes, and that place in words: after the section the
    schema lists before it that the charter has (or before the one it lists after it)."""
    position = order.index(name) if name in order else len(order)
    before = [section for section in order[:position] if section in present]
    after = [section for section in order[position + 1:] if section in present]
    if before:
        end = locate("/" + before[-1], "value").end
        return Span.at(end.line if end.column == 1 else end.line + 1, 1, 0), f'after "{before[-1]}"'
    if after:
        return Span.at(locate("/" + after[0], "key").start.line, 1, 0), f'before "{after[0]}"'
    return Span.at(1, 1, 0), "at the top"


def _unknown(error: ValidationError, context: _Context, pointer: str) -> Iterator[Problem]:
    schema = _subschema(error)
    known = sorted(schema.get("properties", {}))
    patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
    subject = describe(context.data, pointer)
    where = "" if not pointer else f" in {subject}"
    instance = error.instance if isinstance(error.instance, dict) else {}
    for key in instance:
        if key in known or any(p.search(key) for p in patterns) or (pointer, key) in context.misspelt:
            continue
        meant = closest(key, known) if key != "<<" else None
        if key == "<<":  # YAML 1.1 merge key: charters are read as YAML 1.2, which has none
            suggestion = " (YAML merge keys are not supported: write the fields out)"
        else:
            suggestion = suggesting(meant) or _known_list(known)
        if meant is not None and meant not in instance and context.locate is not None:
            # a field the charter lacks, written under a misspelt name: the problem is about the
            # field meant (the rules that read it wait for the fix), at the key as written
            yield Problem(f'unknown field "{key}"{where}{suggestion}', join(pointer, meant),
                          span=context.locate(join(pointer, key), "key"), kind=UNKNOWN_FIELD)
            continue
        yield Problem(f'unknown field "{key}"{where}{suggestion}', join(pointer, key),
                      anchor="key", kind=UNKNOWN_FIELD)


def _known_list(known: list[str]) -> str:
    if not known or len(known) > 8:
        return " (use an x- prefix for local extensions)"
    return " (expected one of " + ", ".join(f'"{k}"' for k in known) + ")"


def _expected(schema: Any) -> str:
    """What the schema wants, in words: its title and first example when it has them."""
    if not isinstance(schema, dict):
        return "allowed here"
    title = schema.get("title")
    examples = schema.get("examples")
    if title and examples:
        return f'{title}: expected e.g. "{examples[0]}"'
    if title:
        return str(title)
    return "allowed here"


def _invalid_value(error: ValidationError, data: Any, pointer: str,
                   source: Callable[[str], str | None]) -> str:
    kind, value, schema, limit = error.validator, error.instance, _subschema(error), _keyword_value(error)
    subject = describe(data, pointer)
    if kind == "type":
        types = limit if isinstance(limit, list) else [limit]
        expected = expected_types(types)
        written = source(pointer) if "string" in types and isinstance(value, (int, float)) else None
        if written is not None:
            # YAML read it as a number or true/false: show it as written, and the text that fits
            wanted = schema.get("title", "text") if isinstance(schema.get("title"), str) else "text"
            fix = repair(written, value, schema)
            hint = f'write "{fix}"' if fix is not None else example_hint(schema)
            return f"{subject} must be {wanted}, not the {_scalar_kind(value)} {written} ({hint})"
        return f"{subject} must be {expected}, not {show_value(value)}"
    if kind == "enum":
        options = [str(option) for option in limit]
        return (f"{show_value(value)} is not a valid {subject}: expected one of "
                f"{', '.join(options)}{did_you_mean(str(value), options)}")
    if kind == "const":
        return f"{subject} must be {show_value(limit)}, not {show_value(value)}"
    if kind in ("pattern", "format"):
        fix = repair(str(value), value, schema) if isinstance(value, str) else None
        if fix is not None and fix != value:
            return f'{show_value(value)} is not {schema.get("title", "valid here")} (write "{fix}")'
        return f"{show_value(value)} is not {_expected(schema)}"
    if kind == "minLength":
        return f"{subject} must not be empty"
    if kind in ("minimum", "exclusiveMinimum"):
        return f"{subject} must be at least {limit}, not {show_value(value)}"
    if kind in ("maximum", "exclusiveMaximum"):
        return f"{subject} must be at most {limit}, not {show_value(value)}"
    return f"{show_value(value)} is not valid for {subject}"


def _scalar_kind(value: Any) -> str:
    return "true/false value" if isinstance(value, bool) else "number"


def _other(error: ValidationError, data: Any, pointer: str) -> str:
    subject = describe(data, pointer)
    kind, limit = error.validator, _keyword_value(error)
    if kind == "minItems":
        return f"{subject} must list at least {limit} item{'s' if limit != 1 else ''}"
    if kind == "maxItems":
        return f"{subject} must list at most {limit} item{'s' if limit != 1 else ''}"
    if kind == "uniqueItems":
        return f"{subject} lists the same item twice"
    if kind == "minProperties":
        return f"{subject} must have at least {limit} field{'s' if limit != 1 else ''}"
    return f"{subject}: {error.message}"



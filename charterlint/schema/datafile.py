"""charterlint's own data files: configuration, rule files, pack manifests, baselines.

One way to read them: parse with positions (the charter loaders), validate against a shipped
schema (the fast validator first, jsonschema only to explain), and report the first failure in
source order as `file:line:column: key: message`, in plain words. `x-charterlint` directives
inside charters use the same explanations.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from charterlint.charter.subjects import did_you_mean, expected_types, show_value
from charterlint.schema.validator import SchemaValidator, schema_validator
from charterlint.source.document import Limits, NodeSpans, nearest_node
from charterlint.source.parsed import ParseError
from charterlint.source.pointer import escape, join, keys
from charterlint.source.regular import read_text
from charterlint.source.yaml_loader import load_yaml

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError


def error_pointer(error: ValidationError) -> str:
    """Where a failure is, as a JSON pointer."""
    return join("", *error.absolute_path)


def explain(error: ValidationError) -> tuple[str, str, str]:
    """(pointer, anchor, message) in plain words for one schema failure."""
    pointer, kind, value = error_pointer(error), error.validator, error.instance
    limit: Any = error.validator_value
    schema = error.schema if isinstance(error.schema, dict) else {}
    if "propertyNames" in error.relative_schema_path:
        key_pointer = f"{pointer}/{escape(str(value))}"
        if "title" not in schema and kind == "pattern":
            return key_pointer, "key", f"key {show_value(value)} does not match {limit}"
        return key_pointer, "key", f"{show_value(value)} is not {schema.get('title', 'a valid key')}"
    if kind == "additionalProperties" and isinstance(value, dict):
        known = sorted(schema.get("properties", {}))
        unknown = next(key for key in value if key not in known)
        return f"{pointer}/{escape(unknown)}", "key", unknown_key(unknown, known)
    if kind == "required" and isinstance(value, dict):
        missing = next(name for name in limit if name not in value)
        return pointer, "key", f'"{missing}" is missing'
    if kind == "type":
        return pointer, "value", f"expected {expected_types(limit)}, not {show_value(value)}"
    if kind == "const":
        return pointer, "value", f"must be {show_value(limit)}, not {show_value(value)}"
    if kind == "enum":
        return pointer, "value", one_of(str(value), [str(option) for option in limit])
    if kind == "format" and limit == "regex" and isinstance(value, str):
        return pointer, "value", f"{show_value(value)} is not a valid regular expression: {_regex_fault(value)}"
    if kind in ("pattern", "format") and "title" not in schema:
        expected = f"does not match {limit}" if kind == "pattern" else f"is not a valid {limit}"
        return pointer, "value", f"{show_value(value)} {expected}"
    if kind in ("pattern", "format"):
        example = f': expected e.g. "{schema["examples"][0]}"' if schema.get("examples") else ""
        return pointer, "value", f"{show_value(value)} is not {schema['title']}{example}"
    if kind in ("minItems", "minLength"):
        return pointer, "value", "must not be empty"
    if kind == "minimum":
        return pointer, "value", f"must be at least {limit}, not {show_value(value)}"
    return pointer, "value", f"{show_value(value)} is not valid here ({error.message})"


def _regex_fault(text: str) -> str:
    """Why Python's `re` refuses `text` (the checks compile patterns with it)."""
    try:
        re.compile(text)
    except re.error as error:
        return str(error)
    return "refused by the schema's regular expression check"


def unknown_key(key: str, known: list[str]) -> str:
    suggestion = did_you_mean(key, known)
    if suggestion:
        return f'unknown key "{key}"{suggestion}'
    return f'unknown key "{key}" (expected one of {", ".join(known)})'


def one_of(value: str, options: list[str]) -> str:
    return f'"{value}" is not one of {", ".join(options)}{did_you_mean(value, options)}'


class DataFileError(Exception):
    """A data file that cannot be used; the message names the file, line, column and key."""


class DataFile(NamedTuple):
    """A data file as read: its data, a span per JSON pointer, and how messages name it.

    A NamedTuple, not a frozen dataclass: every run with a configuration file makes this class at
    start-up, where a dataclass costs ten times more."""

    source: str
    data: Any
    nodes: Mapping[str, NodeSpans]

    def locate(self, pointer: str, message: str, anchor: str = "value", whole: str = "file") -> str:
        """`file:line:column: key: message` for `pointer` (or its nearest ancestor that has a position)."""
        return located(self.source, self.nodes, pointer, message, anchor, whole)


def key_name(pointer: str) -> str:
    """`/rules/CH201/options/max-age` -> `rules.CH201.options.max-age` (list indexes dropped)."""
    return ".".join(key for key in keys(pointer) if not key.isdigit())


def located(source: str, nodes: Mapping[str, NodeSpans], pointer: str, message: str, anchor: str = "value",
            whole: str = "file") -> str:
    """`file:line:column: key: message`: the key (or value) at `pointer`, else its nearest ancestor's;
    `whole` names the key of a message about the whole file."""
    key = key_name(pointer) or whole
    _, node = nearest_node(nodes, pointer)
    if node is None:
        return f"{source}: {key}: {message}"
    start = (node.key if anchor == "key" and node.key is not None else node.value).start
    return f"{source}:{start.line}:{start.column}: {key}: {message}"


def parse_data_file(text: str, source: str, kind: str = "yaml") -> DataFile:
    """YAML (or JSON) text with positions; DataFileError for a syntax error or a repeated key."""
    try:
        if kind == "json":
            from charterlint.source.json_loader import load_json  # lazy: only baselines are JSON

            parsed = load_json(text, Limits())
        else:
            parsed = load_yaml(text, Limits())
    except ParseError as error:
        start = error.span.start
        raise DataFileError(f"{source}:{start.line}:{start.column}: {error.message}") from None
    file = DataFile(source, {} if parsed.data is None else parsed.data, parsed.nodes)
    for problem in parsed.problems:  # a repeated key: the file does not mean what it seems to
        raise DataFileError(file.locate(problem.pointer, problem.message, "key"))
    return file


def first_failure(validator: SchemaValidator, data: Any,
                  nodes: Mapping[str, NodeSpans]) -> tuple[str, str, str] | None:
    """(pointer, anchor, message) of the first schema failure in source order; None when valid."""
    if validator.passes_fast(data):
        return None  # valid: jsonschema (tens of milliseconds to import) is needed only to explain
    errors = list(validator.detailed.iter_errors(data))
    if not errors:
        return None
    first = min(errors, key=lambda error: _position(nodes, error))
    if first.validator in ("anyOf", "oneOf") and first.context:
        from jsonschema.exceptions import best_match  # only a failing file pays for jsonschema

        first = best_match(first.context) or first
    return explain(first)


def _position(nodes: Mapping[str, NodeSpans], error: ValidationError) -> tuple[int, int]:
    node = nodes.get(error_pointer(error))
    return (node.value.start.line, node.value.start.column) if node else (0, 0)


def validate(file: DataFile, schema: str | SchemaValidator) -> None:
    """DataFileError for the first failure of `file` against `schema` (a shipped schema's name)."""
    validator = schema_validator(schema) if isinstance(schema, str) else schema
    failure = first_failure(validator, file.data, file.nodes)
    if failure is not None:
        pointer, anchor, message = failure
        raise DataFileError(file.locate(pointer, message, anchor))


def read_data_file(path: Path, schema: str | SchemaValidator, source: str | None = None) -> DataFile:
    """The YAML (or, by its suffix, JSON) file at `path`, validated against `schema` (a shipped one's name, or compiled); DataFileError naming
    `source` (default: the path) when it cannot be read, parsed or validated."""
    shown = str(path) if source is None else source
    try:
        text = read_text(path)  # a regular file only, so a pipe or a device never hangs the run
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(f"{shown}: cannot be read: {getattr(error, 'strerror', None) or error}") from None
    file = parse_data_file(text, shown, "json" if path.suffix == ".json" else "yaml")
    validate(file, schema)
    return file

"""A schema compiled once per run: a fast yes/no, and jsonschema for the reasons.

Most charters are valid, and saying so used to be most of the time a run took. jsonschema-rs
(when installed) decides validity several times sooner than jsonschema; only the documents it
rejects go to jsonschema, whose errors carry the paths and keywords the messages need
(schema.py). jsonschema itself is imported for the first of those: a run whose charters are
all valid never pays for importing it.

The two must agree: a document the fast validator accepts has to be one jsonschema accepts.
`format` is where engines differ, so the fast validator checks each format the schema names
as jsonschema's default format checker does (tests/schema/test_schema_fast_path.py holds them to it).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import partial
from importlib.util import find_spec
from typing import TYPE_CHECKING, Any

from charterlint.resources import load_schema

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

# jsonschema checks "uri" only when one of these is installed (jsonschema/_format.py).
URI_BACKENDS = ("rfc3987", "rfc3986_validator")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)  # as jsonschema's "date" check


class SchemaValidator:
    """A compiled schema (the charter's, the configuration's, ...): `fast` (a jsonschema-rs
    validator, or None) says whether a document is valid; `detailed` (jsonschema, built when
    first needed) explains failures.

    Not a frozen value: it builds `detailed` on demand, as jsonschema builds its own caches.
    """

    __slots__ = ("schema", "fast", "_detailed")

    def __init__(self, schema: dict[str, Any], fast: Any = None) -> None:
        self.schema = schema
        self.fast = fast
        self._detailed: Draft202012Validator | None = None

    @property
    def detailed(self) -> Draft202012Validator:
        if self._detailed is None:
            from jsonschema import Draft202012Validator

            self._detailed = Draft202012Validator(self.schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        return self._detailed

    def passes_fast(self, data: Any) -> bool:
        """True when the fast validator finds `data` valid; False when it finds it invalid,
        cannot take it, or there is none (then jsonschema decides)."""
        if self.fast is None:
            return False
        try:
            return bool(self.fast.is_valid(data))
        except Exception:  # noqa: BLE001 - a value it cannot take (e.g. a lone surrogate)
            return False


def charter_validator(fast: bool = True) -> SchemaValidator:
    """One compiled validator for the charter schema (build once per run, share it)."""
    return schema_validator("charter.schema.json", fast)


def schema_validator(name: str, fast: bool = True) -> SchemaValidator:
    """The shipped schema `name`, compiled; `fast=False` leaves jsonschema-rs out even when it
    is installed."""
    return compile_schema(load_schema(name), fast)


def compile_schema(schema: dict[str, Any], fast: bool = True) -> SchemaValidator:
    """`schema` compiled: by jsonschema-rs now (unless `fast=False`), by jsonschema when needed."""
    return SchemaValidator(schema, fast_validator(schema) if fast else None)


def fast_validator(schema: dict[str, Any]) -> Any:
    """`schema` compiled by jsonschema-rs with jsonschema's format checks; None without it."""
    try:
        import jsonschema_rs
    except ImportError:
        return None
    formats = {name: format_check(name) for name in sorted(formats_in(schema))}
    try:
        return jsonschema_rs.validator_for(schema, validate_formats=True, formats=formats)
    except Exception:  # noqa: BLE001 - a schema it cannot compile: jsonschema alone validates
        return None


def format_check(name: str) -> Callable[[str], bool]:
    """What jsonschema's default format checker does for format `name`, as a function."""
    if name == "date":
        return is_date
    if name == "uri" and not any(find_spec(backend) for backend in URI_BACKENDS):
        return _unchecked
    return partial(_jsonschema_conforms, name)  # any other: ask jsonschema itself


def is_date(text: str) -> bool:
    """jsonschema's "date" check without importing it: YYYY-MM-DD (ASCII digits), a real day."""
    if not _DATE.fullmatch(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _unchecked(text: str) -> bool:
    return True


def _jsonschema_conforms(name: str, text: str) -> bool:
    from jsonschema import Draft202012Validator

    return bool(Draft202012Validator.FORMAT_CHECKER.conforms(text, name))


def formats_in(schema: Any) -> set[str]:
    """Every `format` value in a schema."""
    found: set[str] = set()
    pending = [schema]
    while pending:  # a loop, not recursion: this runs on every start-up
        node = pending.pop()
        if isinstance(node, dict):
            if isinstance(node.get("format"), str):
                found.add(node["format"])
            pending.extend(value for value in node.values() if isinstance(value, (dict, list)))
        elif isinstance(node, list):
            pending.extend(value for value in node if isinstance(value, (dict, list)))
    return found

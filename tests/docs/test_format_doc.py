"""docs/format.md and schemas/charter.schema.json describe the same format, field for field.

Every object of the schema (the top level as `charter`, and each `$defs` entry with fields) has
a section in docs/format.md whose heading ends in its name in backticks, "## A channel
(`channel`)", and whose table lists exactly its fields, one row each, the field's name in
backticks in the first cell; every value kind of `$defs` without fields is a row of the Values
table or has a heading of its own; and every value an enumeration allows is named in its
field's row.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.helpers import ROOT

SCHEMA = json.loads((ROOT / "schemas" / "charter.schema.json").read_text(encoding="utf-8"))
DOC = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
_HEADING = re.compile(r"^#{2,3} .*\(`([a-z_]+)`\)$")
_ROW = re.compile(r"^\| `([a-z_]+)` \|")


def _fields(node: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The properties of a schema node, with those of its oneOf/anyOf/allOf branches."""
    found = dict(node.get("properties", {}))
    for keyword in ("oneOf", "anyOf", "allOf"):
        for branch in node.get(keyword, []):
            found.update(_fields(branch))
    return found


def _objects() -> dict[str, dict[str, dict[str, Any]]]:
    objects = {"charter": _fields(SCHEMA)}
    objects.update({name: _fields(node) for name, node in SCHEMA["$defs"].items() if _fields(node)})
    return objects


def _sections() -> dict[str, list[str]]:
    """Each section's name (from its heading) and the rows of its tables, in order."""
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for line in DOC.splitlines():
        if line.startswith("## ") or line.startswith("### "):
            match = _HEADING.match(line)
            current = match.group(1) if match else line.lstrip("# ")
            assert current not in sections, f"two sections of docs/format.md are about {current!r}"
            sections[current] = []
        elif current is not None and line.startswith("| "):
            sections[current].append(line)
    return sections


SECTIONS = _sections()
OBJECTS = _objects()


def _documented(section: str) -> list[str]:
    return [match.group(1) for row in SECTIONS.get(section, []) if (match := _ROW.match(row))]


@pytest.mark.parametrize("name", sorted(OBJECTS))
def test_every_field_of_the_schema_is_documented_and_every_documented_field_exists(name: str) -> None:
    assert name in SECTIONS, f"docs/format.md has no section whose heading ends in (`{name}`)"
    documented = _documented(name)
    assert len(documented) == len(set(documented)), f"a field of {name} is documented twice"
    assert sorted(documented) == sorted(OBJECTS[name])


@pytest.mark.parametrize("name", sorted(set(SCHEMA["$defs"]) - set(OBJECTS)))
def test_every_value_kind_of_the_schema_is_documented(name: str) -> None:
    assert name in SECTIONS or name in _documented("Values")


def test_every_section_names_a_part_of_the_schema() -> None:
    named = [match.group(1) for line in DOC.splitlines() if (match := _HEADING.match(line))]
    assert sorted(set(named) - set(SCHEMA["$defs"]) - {"charter"}) == []
    assert sorted(set(_documented("Values")) - set(SCHEMA["$defs"])) == []


def _enums(node: dict[str, Any]) -> list[Any]:
    values = list(node.get("enum", []))
    for keyword in ("oneOf", "anyOf"):
        for branch in node.get(keyword, []):
            values += _enums(branch)
    return values


@pytest.mark.parametrize(("name", "field"), sorted((name, field) for name, fields in OBJECTS.items()
                                                   for field, node in fields.items() if _enums(node)))
def test_every_allowed_value_is_named(name: str, field: str) -> None:
    values = _enums(OBJECTS[name][field])
    row = next(row for row in SECTIONS[name] if row.startswith(f"| `{field}` |"))
    where = row if name != "organization" or field != "sector" else "\n".join(SECTIONS["Sectors"])
    assert [value for value in values if f"`{value}`" not in where] == []


def test_the_sectors_are_those_of_the_schema_in_its_order() -> None:
    rows = [match.group(1) for row in SECTIONS["Sectors"] if (match := _ROW.match(row))]
    assert rows == SCHEMA["$defs"]["organization"]["properties"]["sector"]["enum"]


def test_the_complete_example_is_a_valid_charter() -> None:
    from tests.helpers import findings

    example = DOC[DOC.index("## A complete example"):]
    block = re.search(r"```yaml\n(.*?)```", example, re.S)
    assert block is not None
    assert findings(block.group(1), ["CH0"]) == []

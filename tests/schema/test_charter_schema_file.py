"""The charter schema is a valid draft 2020-12 schema that accepts the examples and rejects typos."""
from __future__ import annotations

import copy
import datetime
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from tests.helpers import ROOT

SCHEMA = json.loads((ROOT / "schemas" / "charter.schema.json").read_text(encoding="utf-8"))
EXAMPLES = sorted((ROOT / "examples").glob("*.charter.*"))
_DELETE = object()

MINIMAL: dict[str, Any] = {
    "charter_format": 1,
    "title": "Customer Service Charter",
    "organization": {"name": "Example Water"},
    "overview": {"mission": "Clean water for everyone."},
    "channels": [
        {"id": "email", "type": "email", "hours": "always",
         "commitments": {"respond": {"within": "2 working days", "target": "90%"}}},
    ],
    "review": {"last_reviewed": "2025-03-01"},
}


def _strings_for_dates(value: Any) -> Any:
    """Turn the date objects of an unquoted YAML date back into ISO strings, as the loader does."""
    if isinstance(value, dict):
        return {key: _strings_for_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_strings_for_dates(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _load(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = text.split("---\n")[1]
    return _strings_for_dates(yaml.safe_load(text))


def _validator() -> Draft202012Validator:
    return Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _changed(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    document = copy.deepcopy(MINIMAL)
    node: Any = document
    for step in path[:-1]:
        node = node[step]
    if value is _DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return document


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)


def test_the_documented_examples_exist() -> None:
    assert {"clean-omnichannel.charter.yaml", "council.charter.md", "legacy.charter.yaml"} <= {
        path.name for path in EXAMPLES}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_example_is_valid(path: Path) -> None:
    errors = [error.message for error in _validator().iter_errors(_load(path))]
    assert errors == []


@pytest.mark.parametrize(
    ("path", "value", "valid"),
    [
        ((), None, True),
        (("channels", 0, "commitments", "respond", "within"), "2 workdays", False),
        (("channels", 0, "commitments", "respond", "within"), "1-2 business days", True),
        (("channels", 0, "commitments", "respond", "within"), "end of next working day", True),
        (("channels", 0, "commitments", "respond", "target"), "120%", False),
        (("channels", 0, "commitments", "respond", "target"), "0.9", False),
        (("channels", 0, "commitments", "respond", "statistic"), "median", False),
        (("channels", 0, "type"), "carrier_pigeon", False),
        (("channels", 0, "hours"), _DELETE, False),
        (("channels", 0, "hours"), "24/7", False),
        (("channels", 0, "emial"), "help@example.com", False),
        (("channels", 0, "x-crm-queue"), "web", True),
        (("x-owner",), {"team": "cx"}, True),
        (("overview", "mission"), _DELETE, False),
        (("review", "last_reviewed"), "2025-02-30", False),
        (("review", "last_reviewed"), "1 March 2025", False),
        (("charter_format",), 2, False),
        (("channels",), [], False),
        # the format additions of issue 15 §3 and issue 16 item 5
        (("channels", 0, "hours"), "not_published", True),
        (("channels", 0, "hours"), {"outside": "office"}, True),
        (("channels", 0, "hours"), {"outside": "Office"}, False),
        (("channels", 0, "hours"), {"inside": "office"}, False),
        (("channels", 0, "commitments", "respond"), {"text": "As soon as possible."}, True),
        (("channels", 0, "commitments", "respond"), {"target": "80%", "at": "first_contact"}, True),
        (("channels", 0, "commitments", "respond"), {"strength": "will"}, False),
        (("channels", 0, "commitments", "respond"), {"within": "2 working days", "from": "receipt"}, True),
        (("channels", 0, "commitments", "respond"), {"within": "2 working days", "from": "arrival"}, False),
        (("channels", 0, "commitments", "respond"),
         [{"when": "by appointment", "within": "10 minutes"}, {"when": "otherwise", "within": "30 minutes"}], True),
        (("channels", 0, "commitments", "respond"), [{"within": "10 minutes"}], False),
        (("channels", 0, "commitments", "respond"), [], False),
        (("channels", 0, "commitments", "update"), {"every": "20 working days"}, True),
        (("channels", 0, "commitments", "update"), {"within": "20 working days"}, False),
        (("standards",), [{"id": "written", "channels": ["email"], "matter": "billing complaints",
                           "commitments": {"respond": {"within": "10 working days"}}}], True),
        (("standards",), [{"id": "written"}], False),
        (("accessibility",), ["relay_service", "large_print"], True),
        (("accessibility",), ["Large print"], False),
        (("feedback",), {"update": {"every": "20 working days"}}, True),
        (("escalation",), {"stages": [{"name": "Manager", "internal": True,
                                       "acknowledge": {"within": "2 working days"}}]}, True),
        (("organization", "sector"), "transport", True),
        (("organization", "sector"), "buses", False),
        (("organization", "sector_description"), "bus operator", True),
        (("review",), {"undated": True}, True),
        (("review",), {"undated": False}, False),
        (("review",), {"cadence": "12 months"}, False),
        (("calendars",), [{"id": "office", "timezone": "Europe/London", "open": {"mon-fri": "closed"}}], True),
        (("calendars",), [{"id": "office", "timezone": "Europe/London", "open": {"mon-fri": ["closed"]}}], False),
    ],
)
def test_document_validity(path: tuple[str | int, ...], value: Any, valid: bool) -> None:
    document = copy.deepcopy(MINIMAL) if path == () else _changed(path, value)
    assert _validator().is_valid(document) is valid

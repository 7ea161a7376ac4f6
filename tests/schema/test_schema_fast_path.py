"""The schema fast path (jsonschema-rs) and jsonschema agree: on valid and invalid, and on the findings.

Every charter the repository holds (fixtures, examples, the rules' documented examples, the
report scenario) and a generated corpus with defects go through both; then hypothesis varies
valid charters leaf by leaf with values made to find where the regex and format engines part.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from benchmarks.generate import generate_corpus
from charterlint.resources import load_schema
from charterlint.ruleset.rule import load_builtin_rules
from charterlint.schema.problems import schema_problems
from charterlint.schema.validator import SchemaValidator, charter_validator, format_check, formats_in, is_date
from charterlint.source.document import Document, Limits
from charterlint.source.loader import load_document
from tests.helpers import ROOT

pytest.importorskip("jsonschema_rs")

SUFFIXES = (".yaml", ".yml", ".json", ".md")


@cache
def both() -> tuple[SchemaValidator, SchemaValidator]:
    """The charter validator with the fast path, and without it."""
    fast, slow = charter_validator(), charter_validator(fast=False)
    assert fast.fast is not None and slow.fast is None
    return fast, slow


def _files() -> Iterator[tuple[str, bytes]]:
    for folder in ("tests/fixtures", "examples"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in SUFFIXES:
                yield str(path.relative_to(ROOT)), path.read_bytes()
    for rule in load_builtin_rules():
        for kind, examples in sorted(rule.examples.items()):
            for index, example in enumerate(examples):
                name = example.get("filename", "example.charter.yaml")
                yield f"{rule.code}-{kind}-{index}/{name}", example["charter"].encode("utf-8")
    for item in generate_corpus(80, seed=11, defect_share=0.6):
        yield item.path, item.text.encode("utf-8")


def _documents() -> list[tuple[str, Document]]:
    loaded = [(name, load_document(name.rpartition("/")[2], raw, Limits())) for name, raw in _files()]
    return [(name, document) for name, document in loaded if isinstance(document, Document)]


DOCUMENTS = _documents()


def test_the_documents_cover_valid_and_invalid_charters() -> None:
    fast, slow = both()
    verdicts = [slow.detailed.is_valid(document.data) for _, document in DOCUMENTS]
    assert len(DOCUMENTS) > 150
    assert sum(verdicts) > 50 and verdicts.count(False) > 30


@pytest.mark.parametrize(("name", "document"), DOCUMENTS, ids=[name for name, _ in DOCUMENTS])
def test_both_engines_agree_on_every_charter_in_the_repository(name: str, document: Document) -> None:
    fast, slow = both()
    assert fast.passes_fast(document.data) == slow.detailed.is_valid(document.data)
    assert schema_problems(fast, document.data) == schema_problems(slow, document.data)


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _leaves(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _leaves(child, (*path, index))
    else:
        yield path


def _replaced(data: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {**data, head: _replaced(data[head], rest, new)}
    return [_replaced(item, rest, new) if index == head else item for index, item in enumerate(data)]


VALID = [document.data for _, document in DOCUMENTS if both()[1].detailed.is_valid(document.data)]
# Values near what the schema's patterns and formats accept, and the ways engines differ on them:
# `$` before a final line break, non-ASCII digits, impossible dates, other types.
TRICKY = st.one_of(
    st.sampled_from([
        "2025-02-29", "2024-02-29", "2025-13-01", "2025-1-01", "２０２５-01-01", "2025-01-01\n",
        "2 working days", "2 working days\n", "1-2 days", "١ day", "0.5 hours", "same day", "final response",
        "phone", "phone\n", "Phone", "x-local", "always", "always\n", "80%", "100%", "100.0%", "101%",
        "09:00-17:00", "24:00-25:00", "mon-fri", "en-GB", "e", "https://example.org", "ftp://x", "",
        "https://exa mple.org", "https://", "http://[::1", "https://x/%zz",
        " ", "\u2028", "\ud7ff", "a\nb",
    ]),
    st.text(max_size=12),
    st.integers(-3, 3), st.floats(allow_nan=False), st.booleans(), st.none(), st.just([]), st.just({}),
)


def _short_strings(charter: Any) -> list[tuple[Any, ...]]:
    """Leaves holding ids, durations, dates, hours, shares: where the patterns and formats are."""
    return [path for path in _leaves(charter) if isinstance(_at(charter, path), str) and len(_at(charter, path)) < 30]


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


@seed(20261125)
@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_no_value_passes_the_fast_path_that_jsonschema_rejects(data: st.DataObject) -> None:
    fast, slow = both()
    charter = data.draw(st.sampled_from(VALID))
    path = data.draw(st.sampled_from(_short_strings(charter)))
    changed = _replaced(charter, path, data.draw(TRICKY))
    valid = slow.detailed.is_valid(changed)
    assert valid or not fast.passes_fast(changed)
    assert schema_problems(fast, changed) == schema_problems(slow, changed)


@pytest.mark.parametrize("name", sorted(formats_in(load_schema("charter.schema.json"))))
def test_each_format_is_checked_where_jsonschema_checks_it(name: str) -> None:
    checks = jsonschema.Draft202012Validator.FORMAT_CHECKER.checkers
    assert (format_check(name)("\u0000 not a value of any format") is False) == (name in checks)


DATES = ["2025-02-28", "2025-02-29", "2024-02-29", "2025-04-31", "2025-00-10", "0000-01-01", "0001-01-01",
         "9999-12-31", "2025-1-1", "2025-01-01\n", "2025-01-01T00:00:00", "20250101", "٢٠٢٥-01-01", ""]


@seed(20261125)
@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.one_of(st.sampled_from(DATES), st.text(alphabet="0123456789-T\n ٢", max_size=12)))
def test_the_date_check_is_jsonschemas(text: str) -> None:
    assert is_date(text) == jsonschema.Draft202012Validator.FORMAT_CHECKER.conforms(text, "date")


def test_valid_charters_are_validated_without_importing_jsonschema() -> None:
    program = (
        "import sys\n"
        "from charterlint.source.loader import load_document\n"
        "from charterlint.source.document import Limits\n"
        "from charterlint.schema.problems import charter_validator, schema_problems\n"
        "raw = open('examples/clean-omnichannel.charter.yaml', 'rb').read()\n"
        "document = load_document('clean.charter.yaml', raw, Limits())\n"
        "assert schema_problems(charter_validator(), document.data) == []\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    run = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, check=True)
    imported = run.stdout.split()
    assert "jsonschema_rs" in imported
    assert [name for name in imported if name == "jsonschema" or name.startswith("jsonschema.")] == []


@pytest.mark.parametrize("date", ["2025-02-29", "2025-04-31", "2025-00-10", "0000-01-01", "2025-1-1", "2025-01-01\n"])
def test_dates_are_checked_alike(date: str) -> None:
    fast, slow = both()
    charter = VALID[0]
    dates = [path for path in _leaves(charter) if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", str(_at(charter, path)))]
    assert dates
    for path in dates:
        changed = _replaced(charter, path, date)
        assert fast.passes_fast(changed) == slow.detailed.is_valid(changed), path


def test_a_value_the_fast_validator_cannot_take_goes_to_jsonschema() -> None:
    fast, slow = both()
    charter = next(data for data in VALID if data.get("channels"))
    changed = _replaced(charter, ("channels", 0, "id"), "phone\udce9")  # a lone surrogate
    with pytest.raises(Exception):  # noqa: B017 - UnicodeEncodeError, or SystemError before 0.30
        fast.fast.is_valid(changed)  # its pattern cannot be matched in Rust
    assert not fast.passes_fast(changed)
    assert schema_problems(fast, changed) == schema_problems(slow, changed) != []


def test_without_jsonschema_rs_the_validator_falls_back_to_jsonschema(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "jsonschema_rs", None)  # `import jsonschema_rs` raises ImportError
    validator = charter_validator()
    assert validator.fast is None
    invalid = dict(VALID[0], charter_format="one")
    assert not validator.passes_fast(VALID[0])
    assert schema_problems(validator, VALID[0]) == []
    assert schema_problems(validator, invalid) == schema_problems(both()[0], invalid) != []

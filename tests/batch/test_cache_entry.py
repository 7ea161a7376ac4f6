"""Cache entries: a FileResult goes to JSON and comes back equal, or is not stored at all."""

from __future__ import annotations

import json
from typing import Any

import pytest

from charterlint.batch.cache_entry import BadEntry, decode, encode
from charterlint.model import FileResult, Finding, Severity, Skipped, Span, Suppression
from tests.helpers import lint_text

KEY = "k" * 64


def round_trip(result: FileResult, content: bytes, slim: bool = False) -> FileResult:
    entry = encode(result, KEY, content)
    assert entry is not None and entry.count(b"\n") == 1
    return decode(entry, result.path, KEY, content, slim)


@pytest.mark.parametrize("text", [
    "charter_format: 1\ntitle: T\n",
    "charter_format: 1\r\ntitle: T\r\n",  # CRLF: not split at \n only
    "charter_format: 1\ntitle: 'a\u2028b'\n",  # a YAML line break inside a line
    '{\r\n"charter_format": 1\r\n}',  # JSON keeps a lone \r at the end of its lines
])
def test_a_linted_file_comes_back_equal(text: str) -> None:
    path = "x.charter.json" if text.startswith("{") else "x.charter.yaml"
    result = lint_text(text, filename=path)
    again = round_trip(result, text.encode("utf-8"))
    assert again == result and again.data == result.data and again.source_lines == result.source_lines


def test_suppressions_severities_and_spans_survive() -> None:
    finding = Finding("p", "CH301", "vague-commitment", Severity.INFO, 'say "when"', Span.at(3, 4, 5), "/a/0",
                      Suppression("external", "why"))
    result = FileResult("p", (finding,), ("a", "b"), parsed=False, data=None)
    assert round_trip(result, b"a\nb\n") == result


@pytest.mark.parametrize("data", [{1: "int key"}, {"a": ("tuple",)}, {"a": {"b": b"bytes"}}])
def test_data_that_json_would_change_is_not_stored(data: dict[Any, Any]) -> None:
    assert encode(FileResult("p", (), (), data=data), KEY, b"") is None


def test_an_entry_of_another_file_or_content_is_refused() -> None:
    result = lint_text("charter_format: 1\n")
    entry = encode(result, KEY, b"charter_format: 1\n")
    assert entry is not None
    with pytest.raises(BadEntry):
        decode(entry, "other.charter.yaml", KEY, b"")
    with pytest.raises(BadEntry):
        decode(entry, result.path, "other key", b"")
    head, _, data = entry.partition(b"\n")
    facts = json.loads(head)[0]
    for items in ([{**facts, "findings": 1}, [1, 2, 3]],  # a finding that is not one
                  [{**facts, "findings": 2}, *json.loads(head)[1:]],  # fewer findings than it says
                  [{**facts, "findings": "1"}]):
        broken = json.dumps(items, separators=(",", ":")).encode() + b"\n" + data
        with pytest.raises(BadEntry):
            decode(broken, result.path, KEY, b"")
    for damaged in (b'{"format":3}', b"[" + head[1:-1] + b",,1]", head[:-1]):  # not an array; a gap; cut short
        with pytest.raises(ValueError):  # BadEntry is a ValueError, as json's errors are
            decode(damaged + b"\n" + data, result.path, KEY, b"")


def test_a_slim_result_leaves_out_the_charter_and_the_lines_of_a_file_without_findings() -> None:
    from charterlint.batch.work import kept
    from tests.helpers import ANSWERED_PHONE_HEAD, REVIEW

    for text in (ANSWERED_PHONE_HEAD + REVIEW, "charter_format: 1\n"):
        result = lint_text(text, ["CH0"])
        slim = round_trip(result, text.encode(), slim=True)
        assert slim.data is None and slim.findings == result.findings
        assert slim.source_lines == (result.source_lines if result.findings else ())
        assert kept(slim, slim=True) == kept(result, slim=True)  # a cache hit keeps what a fresh lint keeps


def test_a_run_keeps_only_the_lines_findings_point_at_and_the_charter_packed() -> None:
    import pickle

    from charterlint.batch.work import kept
    from charterlint.model import PackedData, unpacked

    text = "charter_format: 1\ntitle: T\nextra: x\n"
    result = lint_text(text, ["CH0"])
    lines = {f.span.start.line for f in result.findings}
    shown = kept(result, slim=False)
    assert shown.findings == result.findings
    assert [line for number, line in enumerate(shown.source_lines, 1) if line] == \
        [result.source_lines[n - 1] for n in sorted(lines)]
    assert isinstance(shown.data, PackedData) and unpacked(shown.data) == result.data
    assert pickle.loads(pickle.dumps(shown)).data.raw == shown.data.raw  # sent back by worker processes
    assert kept(result, slim=True).data is None
    # a cache hit's charter is packed straight from the entry, never parsed unless shown
    hit = round_trip(result, text.encode())
    assert isinstance(hit.data, PackedData) and unpacked(hit.data) == result.data


def test_the_note_of_rules_that_did_not_run_survives_the_cache() -> None:
    skipped = Skipped("rules did not run on review: fix the error on line 3 first", Span.at(3, 18, 10), ("review",),
                      (3,), ("CH201",))
    result = FileResult("t.charter.yaml", (), ("a", "b", "c"), skipped=skipped)
    entry = encode(result, "k", b"a\nb\nc\n")
    assert entry is not None
    assert decode(entry, "t.charter.yaml", "k", b"a\nb\nc\n").skipped == skipped

"""The shared index gives the rules exactly what walking the charter gives, once per document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from benchmarks.generate import generate_corpus
from charterlint.charter.duration import Duration, parse_duration
from charterlint.charter.views import (
    COMMITMENT_EVENTS,
    DURATION_FIELDS,
    TEXT_FIELDS,
    CharterIndex,
    channels,
    charter_index,
    commitments,
    durations,
    service_channels,
    texts,
    walk,
)
from charterlint.source.document import Document, Limits
from charterlint.source.loader import load_document
from charterlint.source.pointer import join
from tests.helpers import ROOT


def _documents() -> list[tuple[str, Document]]:
    paths = [*sorted((ROOT / "examples").glob("*.charter.*")), ROOT / "tests" / "fixtures" / "format" / "new-forms.charter.yaml"]
    sources = [(str(path.relative_to(ROOT)), path.read_bytes()) for path in paths]
    sources += [(item.path, item.text.encode("utf-8")) for item in generate_corpus(30, seed=5, defect_share=0.5)]
    loaded = [(name, load_document(name, raw, Limits())) for name, raw in sources]
    return [(name, document) for name, document in loaded if isinstance(document, Document)]


DOCUMENTS = _documents()


# The views as defined before the index: one walk each.
def walked_durations(data: Any) -> Iterator[tuple[str, Duration]]:
    for pointer, key, value in walk(data):
        parsed = parse_duration(value) if key in DURATION_FIELDS else None
        if parsed is not None:
            yield pointer, parsed


def walked_texts(data: Any) -> Iterator[tuple[str, str]]:
    for pointer, key, value in walk(data):
        if key in TEXT_FIELDS and isinstance(value, str):
            yield pointer, value
        elif key in TEXT_FIELDS and isinstance(value, list):
            yield from ((join(pointer, i), item) for i, item in enumerate(value) if isinstance(item, str))


def walked_commitments(data: Any) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for pointer, key, value in walk(data):
        if key not in (*COMMITMENT_EVENTS, "update"):
            continue
        if isinstance(value, dict):
            yield pointer, key, value
        elif isinstance(value, list):  # variants
            yield from ((join(pointer, i), key, item) for i, item in enumerate(value) if isinstance(item, dict))


@pytest.mark.parametrize(("name", "document"), DOCUMENTS, ids=[name for name, _ in DOCUMENTS])
def test_the_index_holds_what_walking_finds(name: str, document: Document) -> None:
    data = document.data
    index = charter_index(document)
    assert list(index.durations) == list(walked_durations(data)) == list(durations(data))
    assert list(index.texts) == list(walked_texts(data)) == list(texts(data))
    assert list(index.commitments) == list(walked_commitments(data)) == list(commitments(data))
    assert list(index.channels) == channels(data)
    assert list(index.service_channels) == service_channels(data)


def test_the_index_is_built_once_per_document() -> None:
    _, document = DOCUMENTS[0]
    assert charter_index(document) is charter_index(document)


def test_extensions_and_escaped_keys_are_walked_as_before() -> None:
    data = {
        "x-notes": {"within": "2 days", "text": "hidden"},
        "a/b": {"c~d": [{"within": "3 days"}, {"respond": {"within": "1 day"}}]},
        "overview": {"values": ["fair", 3, "kind"], "x-text": "hidden"},
        "channels": [{"id": "phone", "commitments": {"answer": {"within": "60 seconds"}}}, "stray"],
    }
    index = CharterIndex.of(data)
    assert list(index.durations) == list(walked_durations(data))
    assert [pointer for pointer, _ in index.durations] == [
        "/a~1b/c~0d/0/within", "/a~1b/c~0d/1/respond/within", "/channels/0/commitments/answer/within"]
    assert list(index.texts) == [("/overview/values/0", "fair"), ("/overview/values/2", "kind")]
    assert list(index.commitments) == list(walked_commitments(data))
    assert [channel.pointer for channel in index.channels] == ["/channels/0"]


def test_a_channel_s_commitments_are_its_own_then_those_of_the_standards_that_list_it() -> None:
    _, document = next(item for item in DOCUMENTS if item[0].endswith("new-forms.charter.yaml"))
    index = charter_index(document)
    by_id = {channel.id: channel for channel in index.channels}
    assert [(c.pointer, c.event, c.standard) for c in index.commitments_of(by_id["email"])] == [
        ("/standards/0/commitments/acknowledge", "acknowledge", "written"),
        ("/standards/0/commitments/respond", "respond", "written"),
    ]
    assert [(c.pointer, c.when) for c in index.commitments_of(by_id["reception"])] == [
        ("/channels/4/commitments/answer/0", "with an appointment"),
        ("/channels/4/commitments/answer/1", "without an appointment"),
    ]
    assert index.events_of(by_id["phone"]) == {"answer", "resolve", "respond"}
    assert index.events_of(by_id["web-form"]) == {"respond", "update"}
    # standards tied to no channel are no channel's
    assert not any(c.standard in ("forms", "billing") for c in index.channel_commitments)
    assert (by_id["emergency"].calendar_id, by_id["emergency"].closing_calendar) == ("office", None)
    assert (by_id["reception"].calendar_id, by_id["reception"].hours_published) == (None, False)
    assert "post" in {channel.id for channel in index.service_channels}

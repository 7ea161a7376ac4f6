"""The published page of every example, in every format: goldens for HTML and Markdown, the Word
document read back with python-docx, and every commitment sentence on the page read back to the
values of the data it was built from.

`pytest --update-golden tests/render` rewrites the goldens after an intended change. The legacy
example has error-level findings, so its pages are drafts rendered with --force.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from charterlint.charter.duration import parse_duration
from charterlint.charter.share import parse_share
from charterlint.charter.views import CharterIndex, commitment_entries
from charterlint.charter.wording import BOUNDARY_LIMITS
from charterlint.cli.app import main
from charterlint.source.loader import split_front_matter
from tests.helpers import ROOT, assert_golden

docx = pytest.importorskip("docx", reason="python-docx (the render extra) is not installed")

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = sorted(path.name for path in (ROOT / "examples").iterdir() if ".charter." in path.name)
DRAFTS = {"legacy.charter.yaml"}  # error-level findings: rendered only with --force


def render(tmp: Path, example: str, output_format: str) -> Path:
    target = tmp / f"{example}.{output_format}"
    args = ["render", f"examples/{example}", "--today", "2026-01-01", "--format", output_format, "-o", str(target)]
    assert main([*args, *(["--force"] if example in DRAFTS else [])]) == 0
    return target


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("pages")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        return {(example, output_format): render(folder, example, output_format)
                for example in EXAMPLES for output_format in ("html", "md", "docx")}


def charter_data(example: str) -> dict[str, Any]:
    text = (ROOT / "examples" / example).read_text(encoding="utf-8")
    if example.endswith(".md"):
        text = split_front_matter(text)[0]
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("example", EXAMPLES)
@pytest.mark.parametrize("output_format", ["html", "md"])
def test_each_example_page_matches_its_golden(pages: dict[tuple[str, str], Path], example: str, output_format: str,
                                              update_golden: bool) -> None:
    name = example.split(".charter.")[0] + "." + output_format
    assert_golden(name, pages[example, output_format].read_text(encoding="utf-8"), update_golden, GOLDEN)


@pytest.mark.parametrize("example", EXAMPLES)
def test_a_draft_is_marked_in_every_format(pages: dict[tuple[str, str], Path], example: str) -> None:
    html = pages[example, "html"].read_text(encoding="utf-8")
    markdown = pages[example, "md"].read_text(encoding="utf-8")
    document = docx.Document(str(pages[example, "docx"]))
    draft = example in DRAFTS
    assert ('<meta name="robots" content="noindex">' in html) is draft
    assert ('<p class="draft" role="note">DRAFT:' in html) is draft
    assert ("> **DRAFT:" in markdown) is draft
    assert (document.sections[0].header.paragraphs[0].text == "DRAFT") is draft


# === the Word document, read back ============================================================

@pytest.mark.parametrize("example", EXAMPLES)
def test_the_word_document_has_real_headings_tables_and_the_sentences(pages: dict[tuple[str, str], Path],
                                                                      example: str) -> None:
    document = docx.Document(str(pages[example, "docx"]))
    data = charter_data(example)
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert styled[0] == ("Title", data["title"])
    headings = [text for style, text in styled if style == "Heading 1"]
    assert headings[:2] in (["About us", "How to contact us"], ["How to contact us", "Our service standards"])
    assert headings[-1] == "About this charter"
    channel_headings = {text for style, text in styled if style == "Heading 2"}
    assert all(any(heading.startswith(c.get("name", "")) for heading in channel_headings) for c in data["channels"])
    glance = document.tables[0]
    assert [cell.text for cell in glance.rows[0].cells] == ["Channel", "Contact", "Opening hours"]
    assert len(glance.rows) == len(data["channels"]) + 1
    assert glance.rows[0]._tr.trPr.xpath("./w:tblHeader")  # the header row repeats and is read as one
    html_promises = [text for _, text in PromiseLists.of(pages[example, "html"].read_text(encoding="utf-8")).items]
    bullets = {text for style, text in styled if style == "List Bullet"}
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    for sentence in html_promises:
        assert sentence in bullets or any(sentence in cell for cell in cells), sentence
    assert document.core_properties.language == data.get("language", "en")


# === every sentence read back =================================================================

class PromiseLists(HTMLParser):
    """The text of each `<ul class="promises">` item, with the id of the part of the page it is in."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[str, str]] = []
        self._places: list[str] = []
        self._tags: list[str] = []
        self._in_promises = 0
        self._text: list[str] | None = None

    @classmethod
    def of(cls, html: str) -> PromiseLists:
        parser = cls()
        parser.feed(html)
        return parser

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in ("section", "div"):
            self._places.append(attributes.get("id") or (self._places[-1] if self._places else ""))
        if tag == "ul" and attributes.get("class") == "promises":
            self._in_promises += 1
        if tag == "li" and self._in_promises:
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("section", "div"):
            self._places.pop()
        if tag == "ul" and self._in_promises:
            self._in_promises -= 1
        if tag == "li" and self._text is not None:
            self.items.append((self._places[-1], "".join(self._text)))
            self._text = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


_EVENTS = {"answer": "answer", "see": "answer", "acknowledge": "acknowledge", "reply to": "respond",
           "return": "respond", "resolve": "resolve", "update you": "update"}
_SENTENCE = re.compile(r"(?:^|, )we (?:guarantee to |aim to |do our best to )?(?P<verb>answer|see|acknowledge|reply to|"
                       r"return|resolve|update you)\b", re.IGNORECASE)
_SHARE = re.compile(r" (?P<share>\d+(?:\.\d+)?%) of ")
_LIMIT = re.compile(r" (?:within|every|at least every) (?P<duration>\d[\d.]*(?:-[\d.]+)? [a-z ]+?)(?= of | on average|\.$)")
_BOUNDARY = {words: boundary for boundary, words in BOUNDARY_LIMITS.items()}

Value = tuple[str, float | None, tuple[float, float, str] | None]


def read_back(sentence: str) -> Value:
    """(event, share, duration) a sentence states, read with the share and duration parsers."""
    verb = _SENTENCE.search(sentence)
    assert verb is not None, f"not a commitment sentence: {sentence!r}"
    share = _SHARE.search(sentence)
    limit = _LIMIT.search(sentence)
    text = limit["duration"] if limit else next((b for words, b in _BOUNDARY.items() if f" {words}" in sentence), None)
    duration = parse_duration(text)
    assert text is None or duration is not None, f"{text!r} in {sentence!r} is not a duration"
    return (_EVENTS[verb["verb"].lower()], parse_share(share["share"]) if share else None,
            (duration.low, duration.high, duration.unit) if duration else None)


def stated(event: str, commitment: dict[str, Any]) -> Value | None:
    """The same from the data; None for a commitment that is only text."""
    duration = parse_duration(commitment.get("every" if event == "update" else "within"))
    share = parse_share(commitment.get("target"))
    if duration is None and share is None:
        return None
    return event, share, (duration.low, duration.high, duration.unit) if duration else None


def expected_by_place(data: dict[str, Any]) -> dict[str, list[tuple[Value | None, str]]]:
    index = CharterIndex.of(data)
    places: dict[str, list[tuple[Value | None, str]]] = {}
    for channel in index.channels:
        seen = places.setdefault(f"channel-{channel.id}", [])
        for commitment in index.commitments_of(channel):
            entry = (stated(commitment.event, commitment.data), " ".join(str(commitment.data.get("text", "")).split()))
            if entry not in seen:
                seen.append(entry)
    for standard in index.standards:
        if not standard.channel_ids:
            places.setdefault("standards", []).extend(
                (stated(e, c), " ".join(str(c.get("text", "")).split()))
                for _, e, c in commitment_entries("", standard.data["commitments"]))
    feedback = data.get("feedback", {})
    stages = data.get("escalation", {}).get("stages", [])
    places["complaints"] = [(stated(e, section[e]), "") for section in (feedback, *stages)
                            for e in ("acknowledge", "respond", "update") if e in section]
    disputes = data.get("rights", {}).get("disputes", {})
    places["rights"] = [(stated("respond", disputes["respond"]), "")] if "respond" in disputes else []
    return {place: entries for place, entries in places.items() if entries}


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_commitment_sentence_reads_back_to_the_datas_values(pages: dict[tuple[str, str], Path],
                                                                  example: str) -> None:
    found: dict[str, list[str]] = {}
    for place, sentence in PromiseLists.of(pages[example, "html"].read_text(encoding="utf-8")).items:
        found.setdefault(place, []).append(sentence)
    expected = expected_by_place(charter_data(example))
    assert set(found) == set(expected)
    checked = 0
    for place, entries in expected.items():
        numbers = Counter(value for value, _ in entries if value is not None)
        texts = [text for value, text in entries if value is None]
        sentences = found[place]
        assert len(sentences) == len(entries), place
        assert Counter(read_back(s) for s in sentences if s not in texts) == numbers, place
        assert all(text in sentences for text in texts), place  # a promise of words only is its own words
        checked += len(sentences)
    assert checked >= 8


def test_the_word_document_is_the_same_bytes_every_time(pages: dict[tuple[str, str], Path], tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    again = render(tmp_path, "housing.charter.yaml", "docx")
    assert again.read_bytes() == pages["housing.charter.yaml", "docx"].read_bytes()
    assert docx.Document(str(again)).core_properties.comments == ""

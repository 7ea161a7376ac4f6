"""The draft: it cites its source, marks what is missing, loads once filled, and no sentence can inject YAML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from charterlint.importer.blocks import Block, Source
from charterlint.importer.draft import draft_text
from charterlint.importer.extract import extract
from charterlint.importer.reader import read_source
from charterlint.importer.yaml_text import safe_comment, scalar
from tests.helpers import lint_text
from tests.importer.accuracy import PROSE, sources
from tests.importer.docx_build import build_file

FORMAT_ERRORS = frozenset({"CH001", "CH002", "CH010", "CH011", "CH012", "CH013", "CH020", "CH021"})
_TODO = re.compile(r"^(?P<lead>\s*(?:- )?)(?P<key>[a-z_]+):\s+# TODO \((?P<kind>\w+)\): .*$")
# A valid value for each kind a TODO names (docs/format.md).
FILLS = {"text": '"Filled in by the writer"', "timezone": "Europe/London"}


def fill_todos(text: str) -> tuple[str, int]:
    """The draft with every TODO given a valid value of its kind, and how many there were."""
    lines, count = [], 0
    for line in text.splitlines():
        match = _TODO.match(line)
        if match:
            line, count = f"{match['lead']}{match['key']}: {FILLS[match['kind']]}", count + 1
        lines.append(line)
    return "\n".join(lines) + "\n", count


def draft_of(source: Path, work: Path) -> str:
    path = build_file(source, work) if source.name.endswith(".docx.txt") else source
    return draft_text(extract(read_source(str(path))), "draft.charter.yaml")


@pytest.mark.parametrize("source", sources(PROSE), ids=lambda p: p.name)
def test_every_corpus_draft_loads_without_a_format_error_once_its_todos_are_filled(source: Path,
                                                                                   tmp_path: Path) -> None:
    text = draft_of(source, tmp_path)
    todo_lines = {number for number, line in enumerate(text.splitlines(), start=1) if "# TODO (" in line}
    before = lint_text(text).findings
    # before filling, the format's errors are at the TODOs and nowhere else
    assert {f.span.start.line for f in before if f.code in FORMAT_ERRORS} <= todo_lines
    filled, count = fill_todos(text)
    assert count == len(todo_lines) >= 1  # every draft of this corpus lacks at least the mission
    after = lint_text(filled).findings
    assert [(f.code, f.span.start.line, f.message) for f in after if f.code in FORMAT_ERRORS] == []


def test_each_value_cites_the_line_and_sentence_it_comes_from(tmp_path: Path) -> None:
    text = draft_of(PROSE / "council-warwickshire.html", tmp_path)
    assert ('      answer:  # line 19 (paragraph 4): "We aim to answer phone calls within seven rings in office hours;'
            ' when lines are busy..."\n'
            '        within: 7 rings\n'
            '        strength: aim\n') in text
    assert '  - id: phone  # line 17 (paragraph 3): "Our Customer Service Centre is on 01926 410 410."' in text
    assert '  name: "Warwickshire County Council"  # the page\'s title "Customer Care Charter | Warwickshire County' \
           ' Council"' in text
    assert "  mission:  # TODO (text): what the organisation does for its customers, in its own words" in text
    assert '      mon-thu: "09:00-17:00"' in text and '      fri: "09:00-16:30"' in text


def test_a_word_draft_cites_paragraphs_and_table_cells(tmp_path: Path) -> None:
    text = draft_of(PROSE / "software-tyk.docx.txt", tmp_path)
    assert "  last_reviewed: 2023-08-14  # paragraph 3: \"Last updated: 14 August 2023\"" in text
    assert '        - when: "Severity 1"' in text
    assert ('        - when: "Severity 1"  # table 1, row 2, cell 2: "4 hours"\n'
            '          within: 4 hours\n'
            '          text: "Severity 1 | 4 hours"\n') in text


def test_silence_is_written_as_the_format_records_it(tmp_path: Path) -> None:
    text = draft_of(PROSE / "water-yorkshire-water.html", tmp_path)
    assert "    hours: not_published  # the source gives no hours for this channel" in text
    assert "  undated: true  # no review or update date found in the source" in text


HOSTILE = [
    "Call 0800 123 4567.\nsector: bank\ninjected: true",
    "Call 0800 123 4567. \u2028injected: true\u2029 \x85more: 1",
    "Call 0800 123 4567 \r# evil\rinjected: [1, 2]",
    'Call 0800 123 4567 "quoted": \\" \x00\x1b[31m red \u202e reversed',
    "Call 0800 123 4567 within 2 working days \ufeff & *alias !!python/object:os.system",
]


@pytest.mark.parametrize("sentence", HOSTILE, ids=range(len(HOSTILE)))
def test_no_sentence_can_break_out_of_its_comment_or_value(sentence: str) -> None:
    source = Source("x\ninjected: true.md", "markdown", (
        Block(sentence, "heading", "line 1", 1, 1), Block(sentence, "paragraph", "line 2", line=2)))
    text = draft_text(extract(source), "x.charter.yaml")
    data = yaml.safe_load(text)
    assert "injected" not in data and "more" not in data and "sector" not in data["organization"]
    assert data["title"] == " ".join(sentence.split("\n")[0].split()) or data["title"].startswith("Call")
    assert not any(line.startswith(("injected", "more")) for line in text.splitlines())


def test_a_comment_is_one_short_line_of_printable_text() -> None:
    assert safe_comment("a\nb\rc\u2028d\x85e\x00f\u202eg") == "a b c d e f g"
    assert len(safe_comment("word " * 100)) <= 100 and safe_comment("word " * 100).endswith("...")


@pytest.mark.parametrize("value", ["yes", "09:00-17:00", "#x", "a: b", "- item", "*alias", "\u2028", "null", "1e3",
                                   "Line\nbreak", "tab\there", "2 working days", "80%", "always", "Europe/London"])
def test_every_scalar_reads_back_as_written(value: str) -> None:
    assert yaml.safe_load(f"key: {scalar(value)}\n") == {"key": value}

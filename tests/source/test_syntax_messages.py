"""YAML syntax errors in a writer's words, at the line of the mistake (not where the parser stopped)."""

from __future__ import annotations

import pytest

from tests.helpers import findings, lint_text

HEAD = "charter_format: 1\ntitle: Valley Buses passenger charter\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (HEAD + "organization:\n  name: Valley Buses\n    sector: transport\n",
         (5, 5, 'invalid YAML: this line is indented more than the key above it (line up "sector" with "name")')),
        (HEAD + "organization:\n  name: Valley Buses\n sector: transport\noverview:\n  mission: m\n",
         (5, 2, 'invalid YAML: this line is indented less than the key above it (line up "sector" with "name",'
                " or with the key it belongs under)")),
        (HEAD + "overview:\n  mission: Our aim: buses that run on time\n",
         (4, 19, 'invalid YAML: a colon inside text (put the text in quotes: "Our aim: buses that run on time")')),
        (HEAD + "channels:\n  -id: phone\n    type: phone\n    hours: always\n",
         (4, 3, 'invalid YAML: a list item needs a space after its dash (write "- id: phone")')),
        (HEAD.replace("title: Valley", 'title: "Valley') + "overview:\n  mission: Buses on time.\n",
         (2, 8, 'invalid YAML: the quote " opened here is never closed (end the text with ")')),
        (HEAD.replace("title: Valley", 'title: "Valley') + 'overview:\n  mission: "Buses on time."\n',
         (2, 8, 'invalid YAML: the quote " opened here is never closed (end the text with ")')),
        (HEAD + "organization:\n\tname: Valley Buses\n",
         (4, 1, "invalid YAML: a tab character cannot indent YAML (use spaces)")),
        (HEAD + "organization:\n  name Valley Buses\n  sector: transport\n",
         (4, 3, 'invalid YAML: a key needs a colon after it (write "name: Valley Buses")')),
    ],
    ids=["indented-more", "indented-less", "colon-in-text", "dash-without-space", "unclosed-quote",
         "unclosed-quote-closed-later", "tab", "key-without-colon"],
)
def test_a_syntax_mistake_is_told_in_plain_words_on_its_own_line(text: str, expected: tuple[int, int, str]) -> None:
    assert findings(text, ["CH0"]) == [("CH001", *expected)]


def test_in_markdown_front_matter_the_line_counts_from_the_top_of_the_file() -> None:
    text = "---\n" + HEAD + "channels:\n  -id: phone\n    type: phone\n---\n# Our charter\n"
    assert findings(text, ["CH0"], filename="t.charter.md") == [
        ("CH001", 5, 3, 'invalid YAML: a list item needs a space after its dash (write "- id: phone")')]


def test_an_unclosed_bracket_is_told_where_it_opens() -> None:
    assert findings(HEAD + "review: {last_reviewed: 2025-06-01\n", ["CH0"]) == [
        ("CH001", 3, 9, "invalid YAML: the { opened here is never closed (end the mapping with })")]


def test_an_error_no_known_mistake_explains_keeps_the_parsers_words() -> None:
    assert findings(HEAD + "channels: [phone]]\n", ["CH0"]) == [
        ("CH001", 3, 18, "invalid YAML: did not find expected key while parsing a block mapping")]


def test_every_mistake_of_these_kinds_is_reported_in_one_run() -> None:
    text = (HEAD + "organization:\n  name: Valley Buses\n    sector: transport\noverview:\n\tmission: m\n"
            'channels:\n  -id: phone\n    type: phone\n    hours: always\nreview:\n  last_reviewed: "2025-01-01\n')
    assert findings(text, ["CH0"]) == [
        ("CH001", 5, 5, 'invalid YAML: this line is indented more than the key above it (line up "sector" with "name")'),
        ("CH001", 7, 1, "invalid YAML: a tab character cannot indent YAML (use spaces)"),
        ("CH001", 9, 3, 'invalid YAML: a list item needs a space after its dash (write "- id: phone")'),
        ("CH001", 13, 18, 'invalid YAML: the quote " opened here is never closed (end the text with ")'),
    ]


def test_the_note_names_every_line_to_fix() -> None:
    text = HEAD + "organization:\n  name: Valley Buses\n    sector: transport\noverview:\n\tmission: m\n"
    skipped = lint_text(text).skipped
    assert skipped is not None
    assert skipped.message == "content rules did not run: fix the errors on lines 5 and 7 first"

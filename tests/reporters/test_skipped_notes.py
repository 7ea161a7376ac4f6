"""Where errors stopped some rules, every format says so once per file, in the same words, from
FileResult.skipped alone (reporters know nothing of rules)."""

from __future__ import annotations

import json

import pytest

from charterlint.model import FileResult, Finding, Report, Severity, Skipped, Span
from charterlint.reporters import RenderOptions, reporters
from tests.helpers import sarif_errors

NOTE = "rules did not run on channels and review: fix the errors on lines 9 and 16 first"
SKIPPED = Skipped(NOTE, Span.at(9, 5, 2), ("channels", "review"), (9, 16), ("CH103", "CH201"))
ERROR = Finding("a.charter.yaml", "CH013", "invalid-value", Severity.ERROR, '"x" is not a date', Span.at(16, 18, 3),
                "/review/last_reviewed")
REPORT = Report((FileResult("a.charter.yaml", (ERROR,), ("",) * 20, data={"title": "Buses"}, skipped=SKIPPED),
                 FileResult("b.charter.yaml", ())), tool_version="1.0")


@pytest.mark.parametrize("name", ["text", "github", "json", "sarif", "html"])
def test_the_note_appears_once_per_file_in_every_format(name: str) -> None:
    out = "".join(reporters()[name](REPORT, RenderOptions()))
    assert out.lower().count(NOTE) == 1  # html writes it as a sentence


def test_text_gives_the_note_a_location_and_the_summary_says_some_rules_did_not_run() -> None:
    out = "".join(reporters()["text"](REPORT, RenderOptions()))
    assert f"a.charter.yaml:9:5: note: {NOTE}\n" in out
    assert out.endswith("1 error in 1 of 2 files; some rules did not run on 1 file (see the note)\n")


def test_github_writes_a_notice_at_the_first_error() -> None:
    out = "".join(reporters()["github"](REPORT, RenderOptions()))
    assert f"::notice file=a.charter.yaml,line=9,col=5,title=charterlint%3A rules did not run::{NOTE}\n" in out


def test_json_carries_the_note_with_its_sections_lines_and_rules() -> None:
    data = json.loads("".join(reporters()["json"](REPORT, RenderOptions())))
    assert [file["skipped"] for file in data["files"]] == [
        {"message": NOTE, "start": {"line": 9, "column": 5}, "sections": ["channels", "review"], "lines": [9, 16],
         "rules": ["CH103", "CH201"]}, None]
    assert data["summary"]["files_with_skipped_rules"] == 1


def test_sarif_has_one_note_notification_per_file_and_stays_valid() -> None:
    log = json.loads("".join(reporters()["sarif"](REPORT, RenderOptions())))
    [invocation] = log["runs"][0]["invocations"]
    [note] = invocation["toolExecutionNotifications"]
    assert (note["level"], note["message"]["text"], note["descriptor"]["id"]) == ("note", NOTE, "rules-not-run")
    assert note["locations"][0]["physicalLocation"]["region"] == {"startLine": 9, "startColumn": 5}
    assert sarif_errors(log) == []


def test_a_run_where_every_rule_ran_has_no_note_anywhere() -> None:
    clean = Report((FileResult("b.charter.yaml", ()),))
    for name in ("text", "github", "json", "sarif", "html"):
        assert "did not run" not in "".join(reporters()[name](clean, RenderOptions()))


def test_html_says_it_in_the_file_section_of_a_file_that_did_not_parse_too() -> None:
    unparsed = Skipped("content rules did not run: fix the errors on lines 5 and 7 first", Span.at(5, 5))
    report = Report((FileResult("c.charter.yaml", (), parsed=False, skipped=unparsed),))
    assert "Content rules did not run: fix the errors on lines 5 and 7 first." in "".join(reporters()["html"](
        report, RenderOptions()))

"""One source span, one finding: a value reused through YAML aliases is reported once, naming the
other places that use it, with one fingerprint, counted once in the summary, baseline and SARIF."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from charterlint.engine.aliases import merge_aliases
from charterlint.engine.baseline import count_entries, render_baseline
from charterlint.engine.fingerprint import fingerprints
from charterlint.model import Finding, Report, Severity, Span, count
from charterlint.reporters import RenderOptions
from charterlint.reporters.sarif import render as render_sarif
from tests.helpers import CHARTER_HEAD, REVIEW, findings, lint_text

REUSED = CHARTER_HEAD + """\
calendars:
  - {id: office, timezone: Europe/London, open: {mon-fri: "09:00-17:00"}}
channels:
  - id: phone
    type: phone
    hours: always
    commitments:
      answer: {within: 60 seconds}
      respond: &reply {within: 5 working days, text: We will reply shortly.}
  - id: email
    type: email
    hours: always
    commitments:
      respond: *reply
  - id: letter
    type: post
    hours: always
    commitments:
      respond: *reply
""" + REVIEW
SHORTLY = ('"shortly" is a hedge, not a commitment: give a time limit instead (e.g. "within 2 working days")'
           ' (also used by "commitments.respond.text" in channel "email", "commitments.respond.text" in channel'
           ' "letter")')


def test_a_finding_on_an_aliased_value_is_reported_once_naming_the_other_places() -> None:
    assert findings(REUSED, ["CH312"]) == [("CH312", 15, 68, SHORTLY)]


def test_it_has_one_fingerprint_and_counts_once_in_the_summary_baseline_and_sarif(tmp_path: Path) -> None:
    result = lint_text(REUSED, ["CH312"])
    report = Report((result,))
    assert len(fingerprints(result.findings)) == 1
    assert count(report).warnings == 1
    assert count_entries(report) == 1
    assert render_baseline(report, tmp_path, tmp_path).count('"CH312"') == 1
    log = json.loads(render_sarif(report, RenderOptions()))
    assert len(log["runs"][0]["results"]) == 1


def test_findings_at_one_span_with_different_messages_stay_apart() -> None:
    # two members missing from one mapping both point at its key, but are two problems
    span = Span.at(9, 5, 11)
    first = Finding("t.yaml", "CH011", "missing-field", Severity.ERROR, 'channel "phone" is missing "hours"', span,
                    "/channels/0")
    second = replace(first, message='channel "phone" is missing "type"')
    assert merge_aliases([first, second], {}) == [first, second]


def test_without_aliases_each_place_keeps_its_own_finding() -> None:
    text = REUSED.replace("respond: *reply", "respond: {within: 5 working days, text: We will reply shortly.}")
    assert [(code, line) for code, line, *_ in findings(text, ["CH312"])] == [("CH312", 15), ("CH312", 20),
                                                                              ("CH312", 25)]

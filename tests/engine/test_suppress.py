"""Inline suppressions in YAML, Markdown and JSON; reasons, expiry and CH030 (unused-suppression)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest

from charterlint.engine.lint import lint_bytes
from charterlint.engine.settings import ActiveRule, LintSettings
from charterlint.model import Suppression
from tests.helpers import CHARTER, TODAY, _validator, builtin_rules, cli, project, write

__all__ = ["project"]  # the fixture

Shown = tuple[str, int, int, str, "str | None"]  # code, line, column, message, justification


def lint(text: str, select: Sequence[str], *, filename: str = "t.charter.yaml", today: dt.date = TODAY,
         options: dict[str, object] | None = None) -> list[Shown]:
    """Every finding, suppressed ones included, with the reason that suppressed it."""
    rules = builtin_rules()
    active = {r.code: ActiveRule(r, r.severity, (options or {}) if r.code == "CH030" else {})
              for r in rules if any(r.code.startswith(s) for s in select)}
    settings = LintSettings(rules=active, today=today, validator=_validator(), catalogue=rules)
    result = lint_bytes(filename, text.encode("utf-8"), settings)
    return [(f.code, f.span.start.line, f.span.start.column, f.message,
             f.suppression.justification if f.suppression else None) for f in result.findings]


def with_line(text: str, number: int, line: str) -> str:
    """`text` with `line` inserted as line `number`."""
    lines = text.splitlines(keepends=True)
    lines.insert(number - 1, line + "\n")
    return "".join(lines)


SHORTLY = '"shortly" is a hedge, not a commitment: give a time limit instead (e.g. "within 2 working days")'
# CHARTER has no rights section: CH401 is on line 13 (the review's), where "rights:" would go.
NO_DISPUTES = ('no dispute process, yet "Example Water" bills customers (sector "utility"): add rights.disputes'
               " (how disagreements over bills, charges or repairs are settled) or an escalation route"
               ' ("rights:" goes here, after "channels")')


# -- YAML --------------------------------------------------------------------------------------------
def test_disable_next_line_suppresses_the_next_line_and_keeps_the_finding_with_its_reason() -> None:
    text = with_line(CHARTER, 6, "  # charterlint: disable-next-line CH312 -- the mission is a slogan")
    assert lint(text, ["CH312", "CH030"]) == [("CH312", 7, 21, SHORTLY, "the mission is a slogan")]


def test_the_suppressed_finding_carries_an_in_source_suppression() -> None:
    text = with_line(CHARTER, 6, "  # charterlint: disable-next-line CH312 -- slogan")
    rules = builtin_rules()
    settings = LintSettings(rules={r.code: ActiveRule(r, r.severity) for r in rules if r.code == "CH312"},
                            today=TODAY, validator=_validator(), catalogue=rules)
    [finding] = lint_bytes("t.charter.yaml", text.encode(), settings).findings
    assert finding.suppression == Suppression("inSource", "slogan")


def test_stacked_directives_skip_blank_and_comment_lines() -> None:
    text = with_line(CHARTER, 6, "  # charterlint: disable-next-line CH312 -- slogan\n\n  # a note")
    assert lint(text, ["CH312", "CH030"]) == [("CH312", 9, 21, SHORTLY, "slogan")]


def test_disable_line_is_a_trailing_comment_on_the_line_it_suppresses() -> None:
    text = CHARTER.replace("We reply shortly.", "We reply shortly.  # charterlint: disable-line hedged-statement")
    assert lint(text, ["CH312", "CH030"]) == [("CH312", 6, 21, SHORTLY, "")]


def test_a_block_suppresses_from_disable_to_enable_only() -> None:
    text = with_line(CHARTER, 5, "# charterlint: disable CH312 -- overview is marketing copy")
    text = with_line(text, 8, "# charterlint: enable CH312")
    text = text.replace("type: phone", "type: phone\n    text: Answered shortly.")
    assert [(code, line, reason) for code, line, _, _, reason in lint(text, ["CH312", "CH030"])] == [
        ("CH312", 7, "overview is marketing copy"), ("CH312", 12, None)]


def test_a_block_without_enable_runs_to_the_end_of_the_file() -> None:
    text = with_line(CHARTER, 5, "# charterlint: disable CH312 -- overview is marketing copy")
    text = text.replace("type: phone", "type: phone\n    text: Answered shortly.")
    assert [(line, reason) for _, line, _, _, reason in lint(text, ["CH312", "CH030"])] == [
        (7, "overview is marketing copy"), (11, "overview is marketing copy")]


def test_disable_file_takes_several_rules_by_code_prefix_or_name() -> None:
    text = "# charterlint: disable-file CH4, hedged-statement -- draft for review\n" + CHARTER
    assert lint(text, ["CH312", "CH401", "CH030"]) == [
        ("CH312", 7, 21, SHORTLY, "draft for review"), ("CH401", 14, 1, NO_DISPUTES, "draft for review")]


def test_disable_next_line_where_a_missing_section_would_go_suppresses_its_finding() -> None:
    text = with_line(CHARTER, 13, "# charterlint: disable-next-line CH401 -- the regulator settles disputes")
    assert lint(text, ["CH401", "CH030"]) == [("CH401", 14, 1, NO_DISPUTES, "the regulator settles disputes")]


def test_a_hash_inside_a_quoted_string_or_a_block_scalar_is_not_a_comment() -> None:
    text = CHARTER.replace('mission: We reply shortly.', 'mission: "We reply shortly. # charterlint: disable-line CH312"')
    text = text.replace("type: phone", "type: phone\n    text: |\n      # charterlint: disable-file CH312\n"
                                       "      Answered shortly.")
    assert [(code, line, reason) for code, line, _, _, reason in lint(text, ["CH312", "CH030"])] == [
        ("CH312", 6, None), ("CH312", 12, None)]


# -- Markdown ----------------------------------------------------------------------------------------
MARKDOWN = "---\n" + CHARTER + "---\n# Our promise\n\nWe answer letters shortly.\n"


def test_markdown_front_matter_uses_yaml_comments_and_the_body_html_comments() -> None:
    # the mission's hedge is CH312's, the prose's CH301's (issue 15's split by evidence)
    text = with_line(MARKDOWN, 7, "  # charterlint: disable-next-line CH312 -- slogan")
    text = with_line(text, 20, "<!-- charterlint: disable-next-line CH301 -- letters are answered by post -->")
    assert lint(text, ["CH301", "CH312", "CH030"], filename="t.charter.md") == [
        ("CH312", 8, 21, SHORTLY, "slogan"), ("CH301", 21, 19, SHORTLY, "letters are answered by post")]


def test_markdown_disable_line_comment_and_multi_line_disable_file() -> None:
    text = MARKDOWN.replace("letters shortly.", "letters shortly. <!-- charterlint: disable-line CH301 -- post -->")
    assert lint(text, ["CH301", "CH312", "CH030"], filename="t.charter.md") == [
        ("CH312", 7, 21, SHORTLY, None), ("CH301", 19, 19, SHORTLY, "post")]
    text = MARKDOWN + "\n<!--\ncharterlint: disable-file CH3 -- legacy page\n-->\n"
    assert [reason for *_, reason in lint(text, ["CH301", "CH312", "CH030"], filename="t.charter.md")] == [
        "legacy page", "legacy page"]


def test_a_directive_inside_a_fenced_code_block_is_an_example_not_a_directive() -> None:
    text = MARKDOWN + "\n```markdown\n<!-- charterlint: disable-file CH3 -->\n```\n"
    assert [reason for *_, reason in lint(text, ["CH301", "CH312", "CH030"], filename="t.charter.md")] == [None, None]


# -- JSON and x-charterlint ------------------------------------------------------------------------------
JSON = """\
{
  "charter_format": 1,
  "title": "Example Water customer charter",
  "organization": {"name": "Example Water", "sector": "utility"},
  "overview": {"mission": "Safe water."},
  "channels": [
    {"id": "phone", "type": "phone", "hours": "always"},
    {
      "id": "post",
      "type": "post",
      "hours": "always",
      "x-charterlint": {"ignore": ["CH101"], "reason": "letters get no promise yet"}
    }
  ],
  "review": {"last_reviewed": "2025-06-01"}
}
"""
NO_COMMITMENT = 'channel "{}" has no commitment (add commitments.{})'


def test_x_charterlint_on_a_channel_covers_findings_within_that_channel_only() -> None:
    assert lint(JSON, ["CH101", "CH030"], filename="t.charter.json") == [
        ("CH101", 7, 6, NO_COMMITMENT.format("phone", "answer: how quickly a person answers"), None),
        ("CH101", 9, 7, NO_COMMITMENT.format("post", "respond: how quickly a person replies"), "letters get no promise yet"),
    ]


def test_x_charterlint_at_the_top_level_covers_the_whole_file() -> None:
    text = JSON.replace('"charter_format": 1,', '"charter_format": 1,\n  "x-charterlint": {"ignore": ["CH4"]},')
    assert [(code, reason) for code, *_, reason in lint(text, ["CH101", "CH401", "CH030"], filename="t.charter.json")] == [
        ("CH101", None), ("CH101", "letters get no promise yet"), ("CH401", "")]


def test_x_charterlint_works_in_yaml_too() -> None:
    text = CHARTER + "x-charterlint:\n  ignore: [hedged-statement]\n  reason: slogan\n"
    assert lint(text, ["CH312", "CH030"]) == [("CH312", 6, 21, SHORTLY, "slogan")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('{"ignor": ["CH101"]}', (12, 25, 'x-charterlint: unknown key "ignor" (did you mean "ignore"?)')),
        ('{"ignore": []}', (12, 35, "x-charterlint: must not be empty")),
        ('{"ignore": "CH101"}', (12, 35, 'x-charterlint: expected a list, not "CH101"')),
        ('{"ignore": ["CH101"], "until": "soon"}', (12, 55, 'x-charterlint: "soon" is not a date: expected e.g.'
                                                           ' "2026-06-30"')),
        ('{"reason": "x"}', (12, 7, 'x-charterlint: "ignore" is missing')),
    ],
)
def test_a_malformed_x_charterlint_is_ch030_at_the_fault(value: str, expected: tuple[int, int, str]) -> None:
    text = JSON.replace('{"ignore": ["CH101"], "reason": "letters get no promise yet"}', value)
    assert [f[1:4] for f in lint(text, ["CH030"], filename="t.charter.json")] == [expected]


# -- CH030 ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("directive", "expected"),
    [
        ("# charterlint: disable-next-line CH401 -- none here",
         (6, 34, 'disable-next-line "CH401" suppresses nothing on line 7 (remove it)')),
        ("# charterlint: disable-next-line vague-comitment -- typo",
         (6, 34, 'disable-next-line: "vague-comitment" names no rule (did you mean "vague-commitment"?)')),
        ("# charterlint: disabel CH312",
         (6, 1, 'suppression "charterlint: disabel CH312" is not understood: expected disable-next-line,'
                " disable-line, disable, enable or disable-file and rule codes or names")),
        ("# charterlint: disable-line -- why",
         (6, 1, 'disable-line names no rule: list the codes or names it applies to, e.g.'
                ' "disable-line CH105 -- reason"')),
        ("# charterlint: disable-line CH312; -- why", (6, 1, '"CH312;" is not a rule code or name')),
        ("# charterlint: enable CH312", (6, 23, 'enable "CH312" has no disable "CH312" before it')),
        ("# charterlint: disable-line CH312 -- until 2026-02-30: later",
         (6, 1, 'expiry "2026-02-30" is not a date: expected "until YYYY-MM-DD: reason"')),
    ],
)
def test_a_directive_that_does_not_work_is_ch030(directive: str, expected: tuple[int, int, str]) -> None:
    text = with_line(CHARTER, 6, directive)
    assert [f[1:4] for f in lint(text, ["CH312", "CH401", "CH030"]) if f[0] == "CH030"] == [expected]


def test_a_directive_for_a_rule_that_did_not_run_is_not_reported() -> None:
    text = with_line(CHARTER, 6, "# charterlint: disable-next-line CH105 -- not selected here")
    assert lint(text, ["CH312", "CH030"]) == [("CH312", 7, 21, SHORTLY, None)]


def test_directives_for_content_rules_are_not_reported_when_an_error_stopped_them() -> None:
    # the channel's error stops CH312 on the channel (not on the overview): its directive may be for either
    text = with_line(CHARTER, 6, "# charterlint: disable-next-line CH312 -- slogan").replace("hours: always", "hour: always")
    assert [(f[0], f[4]) for f in lint(text, ["CH0", "CH312"])] == [("CH312", "slogan"), ("CH011", None)]


def test_without_ch030_a_useless_directive_is_silent() -> None:
    text = with_line(CHARTER, 6, "# charterlint: disable-next-line CH401")
    assert lint(text, ["CH312", "CH401"]) == [("CH312", 7, 21, SHORTLY, None), ("CH401", 14, 1, NO_DISPUTES, None)]


def test_ch030_cannot_be_suppressed_inline() -> None:
    text = "# charterlint: disable-file CH030 -- noisy\n# charterlint: disable-line CH401\n" + CHARTER
    assert [f[:4] for f in lint(text, ["CH401", "CH030"])] == [
        ("CH030", 1, 29, 'disable-file "CH030" suppresses nothing in this file (remove it)'),
        ("CH030", 2, 29, 'disable-line "CH401" suppresses nothing on line 2 (remove it)'),
        ("CH401", 15, 1, NO_DISPUTES),
    ]


# -- reasons and expiry -------------------------------------------------------------------------------
UNTIL = "  # charterlint: disable-next-line CH312 -- until 2026-06-30: slogan, rewritten in the summer"


@pytest.mark.parametrize("today", [dt.date(2026, 1, 1), dt.date(2026, 6, 30)])
def test_a_suppression_holds_until_its_date_inclusive(today: dt.date) -> None:
    assert lint(with_line(CHARTER, 6, UNTIL), ["CH312", "CH030"], today=today) == [
        ("CH312", 7, 21, SHORTLY, "slogan, rewritten in the summer")]


def test_after_its_date_a_suppression_no_longer_suppresses_and_is_reported() -> None:
    assert lint(with_line(CHARTER, 6, UNTIL), ["CH312", "CH030"], today=dt.date(2026, 7, 1)) == [
        ("CH030", 6, 3, "disable-next-line expired on 2026-06-30: it no longer suppresses"
                        " (fix the findings, or renew the date)", None),
        ("CH312", 7, 21, SHORTLY, None),
    ]


def test_require_reason_reports_a_reasonless_directive_which_still_suppresses() -> None:
    text = with_line(CHARTER, 6, "  # charterlint: disable-next-line CH312")
    assert lint(text, ["CH312", "CH030"], options={"require-reason": True}) == [
        ("CH030", 6, 3, 'disable-next-line gives no reason (add "-- reason" after the rules)', None),
        ("CH312", 7, 21, SHORTLY, ""),
    ]
    assert lint(text, ["CH312", "CH030"]) == [("CH312", 7, 21, SHORTLY, "")]


def test_require_reason_in_x_charterlint_asks_for_a_reason_key() -> None:
    text = JSON.replace(', "reason": "letters get no promise yet"', "")
    assert [f[1:4] for f in lint(text, ["CH030"], filename="t.charter.json", options={"require-reason": True})] == [
        (12, 7, 'x-charterlint ignore gives no reason (add "reason: ...")')]


# -- through the command line -------------------------------------------------------------------------
def test_suppressed_findings_are_not_shown_as_text_nor_counted_for_the_exit_code(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(project / "w.charter.yaml", with_line(CHARTER, 6, "  # charterlint: disable-next-line CH312 -- slogan"))
    assert cli(capsys, "check", "--select", "CH312,CH030", "--color", "never") == (0, "no findings in 1 file\n", "")


def test_require_reason_is_set_as_an_option_of_ch030(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / "w.charter.yaml", with_line(CHARTER, 6, "  # charterlint: disable-next-line CH312"))
    write(project / ".charterlint.yaml", "select: [CH312, CH030]\nrules:\n  unused-suppression:\n"
                                         "    options: {require-reason: true}\n")
    code, out, _ = cli(capsys, "check", "--color", "never")
    assert code == 1
    assert out.splitlines()[0] == ('w.charter.yaml:6:3: warning CH030 [unused-suppression] disable-next-line'
                                   ' gives no reason (add "-- reason" after the rules)')

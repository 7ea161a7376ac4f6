"""Workflow-command and terminal injection: what a charter or a file name holds is shown inert.

A key, a value, a YAML tag or a file name with a newline and `::stop-commands::` must not
become a line a GitHub runner executes; an OSC sequence, a C1 control or a right-to-left
override must not reach a terminal. Each attack goes through the real command line.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from charterlint.reporters.inert import inert, printable
from tests.helpers import MINIMAL_CHARTER, run

TEXT = ["check", "--isolated", "--color", "never"]
STOP = "\n::stop-commands::pwned\n"
OFFICE = MINIMAL_CHARTER.replace("hours: always", "hours: office")
CH020 = ('10:12: error CH020 [unknown-reference] "office" is not the id of a calendar (no calendars are defined;'
         ' use "always" or add one under calendars)')


@pytest.mark.parametrize(("text", "shown"), [
    ("plain text, é, 電話 and emoji 🙂", "plain text, é, 電話 and emoji 🙂"),
    ("a\nb\rc\td", "a\\nb\\rc\\td"),
    ("\x00\x07\x1b]0;title\x07\x7f", "\\x00\\x07\\x1b]0;title\\x07\\x7f"),
    ("C1: \x85 \x9b31m \x9d", "C1: \\u0085 \\u009b31m \\u009d"),
    ("bidi: \u202a\u202b\u202c\u202d\u202e \u2066\u2067\u2068\u2069", "bidi: \\u202a\\u202b\\u202c\\u202d\\u202e"
     " \\u2066\\u2067\\u2068\\u2069"),
    ("separators: \u2028 \u2029", "separators: \\u2028 \\u2029"),
    ("caf" + os.fsdecode(b"\xe9") + ".charter.yaml", "caf\\xe9.charter.yaml"),
    ("lone \ud800", "lone \\ud800"),
    ("a backslash \\n stays", "a backslash \\n stays"),
])
def test_inert_escapes_controls_bidi_and_undecodable_bytes(text: str, shown: str) -> None:
    assert inert(text) == shown


def test_printable_escapes_only_undecodable_bytes() -> None:
    assert printable("caf" + os.fsdecode(b"\xe9") + "\n\x1b\u202e") == "caf\\xe9\n\x1b\u202e"


def test_a_file_name_with_a_newline_and_stop_commands_stays_on_its_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / f"a{STOP}.charter.yaml").write_text(OFFICE, encoding="utf-8")
    code, out, err = run([*TEXT, "--select", "CH020", "."], capsys)
    assert (code, err) == (1, "")
    assert out == (f"a\\n::stop-commands::pwned\\n.charter.yaml:{CH020}\n"
                   " 10 |     hours: office\n"
                   "    |            ^^^^^^\n"
                   "\n1 error in 1 of 1 file\n")
    assert not any(line.startswith("::") for line in out.splitlines())


def test_a_yaml_key_with_a_newline_and_a_warning_command_stays_on_its_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "k.charter.yaml").write_text(MINIMAL_CHARTER + '"k\\n::warning ::boom": 1\n', encoding="utf-8")
    code, out, _ = run([*TEXT, "--quiet", "--select", "CH012", "k.charter.yaml"], capsys)
    assert code == 1
    assert out == ('k.charter.yaml:13:1: error CH012 [unknown-field] unknown field "k\\n::warning ::boom"'
                   " (use an x- prefix for local extensions)\n\n1 error in 1 of 1 file\n")


def test_a_value_with_an_osc_title_sequence_a_c1_control_and_a_bidi_override_is_shown_escaped(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    value = '"x\\n::add-mask::y\\e]0;pwned\\a\\x9b\\u202e"'
    (project / "v.charter.yaml").write_text(MINIMAL_CHARTER.replace("always", value), encoding="utf-8")
    code, out, _ = run([*TEXT, "--select", "CH013", "v.charter.yaml"], capsys)
    assert code == 1
    assert out == ('v.charter.yaml:10:12: error CH013 [invalid-value] "x\\n::add-mask::y\\x1b]0;pwned\\x07'
                   '\\u009b\\u202e" is not "always" or a calendar id: expected e.g. "office"\n'
                   f" 10 |     hours: {value}\n"
                   f"    |            {'^' * len(value)}\n"
                   "\n1 error in 1 of 1 file\n")


def test_a_raw_bidi_override_in_an_excerpt_is_escaped_and_the_carets_follow(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    charter = MINIMAL_CHARTER.replace("type: phone", "type: ph\u202eone\u2066")  # YAML takes no raw controls
    (project / "e.charter.yaml").write_text(charter, encoding="utf-8")
    code, out, _ = run([*TEXT, "--select", "CH013", "e.charter.yaml"], capsys)
    assert code == 1
    assert out.splitlines()[1:3] == [" 9 |     type: ph\\u202eone\\u2066",
                                     "   |           " + "^" * len("ph\\u202eone\\u2066")]
    assert "\u202e" not in out and "\u2066" not in out


def test_a_yaml_tag_with_an_escaped_newline_stays_on_its_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    charter = MINIMAL_CHARTER.replace("title: Example", "title: !a%0A::stop-commands::x%1B%C2%85 Example")
    (project / "t.charter.yaml").write_text(charter, encoding="utf-8")
    code, out, _ = run([*TEXT, "--quiet", "t.charter.yaml"], capsys)
    assert code == 1
    assert out == ('t.charter.yaml:2:8: error CH001 [syntax-error] YAML tag "!a\\n::stop-commands::x\\x1b\\u0085" is'
                   " not allowed: charter files hold plain data (remove the tag)\n"
                   "t.charter.yaml:2:8: note: content rules did not run: fix the error on line 2 first\n\n"
                   "1 error in 1 of 1 file; some rules did not run on 1 file (see the note)\n")


def test_the_command_lines_own_messages_quote_paths_inertly(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "a.charter.yaml").write_text(MINIMAL_CHARTER, encoding="utf-8")
    code, out, err = run([*TEXT, "--select", "CH0", "a.charter.yaml", f"nope{STOP}\x1b]0;t\x07"], capsys)
    assert code == 2
    assert err == 'charterlint: error: path "nope\\n::stop-commands::pwned\\n\\x1b]0;t\\x07" does not exist\n'
    assert out == "no findings in 1 file\n"


def test_show_files_lists_a_hostile_file_name_on_one_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / f"a{STOP}.charter.yaml").write_text(MINIMAL_CHARTER, encoding="utf-8")
    assert run([*TEXT, "--show-files"], capsys) == (0, "a\\n::stop-commands::pwned\\n.charter.yaml\n", "")


def test_a_configuration_error_quoting_a_configured_value_is_inert(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / ".charterlint.yaml").write_text('format: "pdf\\n::stop-commands::x"\n', encoding="utf-8")
    (project / "a.charter.yaml").write_text(MINIMAL_CHARTER, encoding="utf-8")
    assert run(["check"], capsys) == (
        2, "", 'charterlint: error: .charterlint.yaml:1:9: format: expected a list, not "pdf\\n::stop-commands::x"\n')


def test_a_usage_error_quoting_an_option_is_inert(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["check", "--isolated", "--format", "p\x1b]0;t\x07df\n::stop-commands::x"], capsys)
    assert (code, out) == (2, "")
    assert err.endswith('Error: unknown format "p\\x1b]0;t\\x07df\\n": expected one of text, json, sarif, github,'
                        " junit, html, auto\n")


def test_the_github_format_keeps_its_actions_escaping_for_a_hostile_file_name(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / f"a{STOP}.charter.yaml").write_text(OFFICE, encoding="utf-8")
    code, out, _ = run(["check", "--isolated", "--format", "github", "--select", "CH020", "."], capsys)
    assert code == 1
    assert out == ("::error file=a%0A%3A%3Astop-commands%3A%3Apwned%0A.charter.yaml,line=10,endLine=10,col=12,"
                   "endColumn=18,title=CH020 unknown-reference::\"office\" is not the id of a calendar (no calendars"
                   ' are defined; use "always" or add one under calendars)\n')


def test_the_matrix_shows_hostile_values_and_file_names_inertly(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    charter = (MINIMAL_CHARTER.replace("title: Example Water customer charter", 'title: "T\\e]0;x\\a\\u202e"')
               .replace("id: phone", 'id: "ph\\n::stop-commands::x"'))
    (project / f"m{STOP}.charter.yaml").write_text(charter, encoding="utf-8")
    code, out, _ = run(["matrix", "--isolated", "--color", "never", "--today", "2026-01-01", "."], capsys)
    assert code == 0
    assert out.startswith("m\\n::stop-commands::pwned\\n.charter.yaml: T\\x1b]0;x\\x07\\u202e (Example Water)\n")
    assert "ph\\n::stop-commands::x" in out
    assert not any(line.startswith("::") for line in out.splitlines())
    assert not {"\x1b", "\x07", "\u202e"} & set(out)


def test_junit_failure_text_has_one_line_per_finding(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / f"a{STOP}.charter.yaml").write_text(OFFICE, encoding="utf-8")
    code, out, _ = run(["check", "--isolated", "--format", "junit", "--select", "CH020", "."], capsys)
    assert code == 1
    assert not any(line.lstrip().startswith("::") for line in out.splitlines())
    failure = ET.fromstring(out).find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.text == f"a\\n::stop-commands::pwned\\n.charter.yaml:{CH020}"


def test_the_html_page_on_standard_output_has_no_line_a_runner_would_execute(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "k.charter.yaml").write_text(MINIMAL_CHARTER + '"k\\n::warning ::boom": 1\n', encoding="utf-8")
    code, out, _ = run(["check", "--isolated", "--format", "html", "--select", "CH012", "k.charter.yaml"], capsys)
    assert code == 1
    assert "unknown field &quot;k&#10;::warning ::boom&quot;" in out  # a line break to a browser, not in the bytes
    assert not any(line.lstrip().startswith("::") for line in out.splitlines())

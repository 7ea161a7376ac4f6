"""`charterlint matrix`: the coverage matrix in a terminal (fitted to its width), in Markdown and CSV,
its colours and its exit codes."""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import click
import pytest

from charterlint.cli.app import main
from tests.helpers import ROOT, UNCADENCED, assert_golden

BUSES = "tests/fixtures/matrix/buses.charter.yaml"
STRICT = ["--preset", "strict", "--today", "2026-01-01"]
# Two channel ids longer than a third of 80 columns, alike for their first 22 characters.
LONG_NAMES = UNCADENCED.replace("{id: phone, type: phone,", """\
{id: online-enquiry-form-for-business-customers, type: web_form, hours: always,
     commitments: {respond: {within: 2 working days}}}
  - {id: online-enquiry-form-for-business-partners, type: web_form, hours: always,
     commitments: {respond: {within: 2 working days}}}
  - {id: phone, type: phone,""")
DRAFT = "tests/fixtures/report_scenario/draft.charter.yaml"
RED_BOLD = "\x1b[31m\x1b[1m"


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for variable in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS"):
        monkeypatch.delenv(variable, raising=False)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["matrix", *args])
    out, err = capsys.readouterr()
    return code, out, err


def expected(name: str) -> str:
    return (ROOT / "tests" / "reporters" / "golden" / name).read_text(encoding="utf-8")


def test_the_matrix_fits_80_columns_when_not_on_a_terminal(capsys: pytest.CaptureFixture[str],
                                                            update_golden: bool) -> None:
    code, out, err = run([*STRICT, BUSES], capsys)
    assert (code, err) == (0, "")
    assert_golden("matrix.80.txt", out, update_golden)
    assert max(map(len, out.splitlines())) <= 80


def test_the_matrix_takes_the_width_columns_gives(capsys: pytest.CaptureFixture[str], update_golden: bool,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    code, out, _ = run([*STRICT, BUSES], capsys)
    assert code == 0
    assert_golden("matrix.120.txt", out, update_golden)
    assert max(map(len, out.splitlines())) == 120  # the legend uses the whole width


def test_a_wide_terminal_shows_one_table_as_it_always_did(capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    lines = run([*STRICT, BUSES], capsys)[1].splitlines()
    assert lines[3] == ("channel    type       hours   answer          acknowledge  respond               resolve  "
                        "            follow-up                          feedback         escalation  accessibility")
    assert lines[5] == ("email      email      office  n/a             1 hour       2 days, 90% [CH304]   missing  "
                        "            next working day via same channel  yes              stage 1     missing")
    assert lines[8] == ""


def test_on_a_terminal_the_matrix_takes_its_width(monkeypatch: pytest.MonkeyPatch) -> None:
    from charterlint.cli import matrix

    class Terminal:
        def isatty(self) -> bool:
            return True

        def fileno(self) -> int:
            return 1

    monkeypatch.setattr(matrix.os, "get_terminal_size", lambda fd: os.terminal_size((132, 40)))
    assert matrix.output_width(Terminal()) == 132  # type: ignore[arg-type]
    assert matrix.output_width(None) == 80  # a file: no terminal
    monkeypatch.setenv("COLUMNS", "100")
    assert matrix.output_width(Terminal()) == 100  # $COLUMNS says what the user wants
    monkeypatch.setenv("COLUMNS", "wide")
    assert matrix.output_width(None) == 80


@pytest.mark.parametrize("width", [20, 33, 47, 64, 80, 99, 120, 160])
def test_no_line_is_longer_than_the_width(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    (tmp_path / "long.charter.yaml").write_text(LONG_NAMES, encoding="utf-8")
    code, out, _ = run([*STRICT, BUSES, str(tmp_path / "long.charter.yaml"), DRAFT], capsys)
    assert code == 1
    assert [line for line in out.splitlines() if len(line) > width] == []
    coloured = run([*STRICT, BUSES, "--color", "always"], capsys)[1]
    assert [line for line in click.unstyle(coloured).splitlines() if len(line) > width] == []


def test_long_channel_ids_are_shortened_and_named_below_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "long.charter.yaml").write_text(LONG_NAMES, encoding="utf-8")
    out = run([*STRICT, "--isolated", "long.charter.yaml"], capsys)[1]
    table = out.splitlines()
    assert table[4].startswith("channel                     type      hours ")
    assert table[5].startswith("online-enquiry-form-for-b~  web_form  always ")
    assert table[6].startswith("online-enquiry-form-for-~2  web_form  always ")
    assert ('shortened channel ids: "online-enquiry-form-for-b~" is "online-enquiry-form-for-business-customers", '
            '"online-enquiry-form-for-~2" is "online-enquiry-form-for-business-partners"') in out.replace("\n  ", " ")


def test_markdown_is_a_well_formed_table_per_charter(capsys: pytest.CaptureFixture[str], update_golden: bool) -> None:
    code, out, err = run([*STRICT, "--format", "markdown", BUSES, DRAFT], capsys)
    assert (code, err) == (1, "")
    assert_golden("matrix.md", out, update_golden)
    lines = out.splitlines()
    table = [line for line in lines if line.startswith("|")]
    assert len(table) == 2 + 4  # header, delimiter, four channels
    assert table[1] == "|" + " --- |" * 11
    assert all(len(re.findall(r"(?<!\\)\|", line)) == 12 for line in table)  # 11 cells: no stray pipe


def test_markdown_makes_a_charters_text_literal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.charter.yaml"
    path.write_text(UNCADENCED.replace("title: T", "title: '[click](javascript:alert(1)) <b>|</b> *x*'"),
                    encoding="utf-8")
    out = run(["--isolated", "--today", "2026-01-01", "--format", "markdown", str(path)], capsys)[1]
    assert "**\\[click\\](javascript:alert(1)) \\<b\\>\\|\\</b\\> \\*x\\***" in out


def test_csv_has_a_row_per_channel_and_reads_back(capsys: pytest.CaptureFixture[str], update_golden: bool) -> None:
    code, out, err = run([*STRICT, "--format", "csv", BUSES, DRAFT], capsys)
    assert (code, err) == (1, "")
    assert_golden("matrix.csv", out, update_golden)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["channel"] for row in rows] == ["phone", "email", "whatsapp", "assistant", ""]
    email = rows[1]
    assert (email["respond"], email["resolve"], email["follow_up"]) == (
        "2 days, 90% [CH304]", "missing", "next working day via same channel")
    assert (rows[0]["review_status"], rows[0]["next_review_due"]) == ("overdue", "2025-06-01")
    assert rows[4]["file"] == DRAFT and rows[4]["note"].startswith("not parsed: invalid YAML")


def test_csv_cells_a_spreadsheet_would_run_are_quoted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.charter.yaml"
    path.write_text(UNCADENCED.replace("{id: phone,", "{id: '=HYPERLINK(\"http://x\")', name: '@SUM(1)',"),
                    encoding="utf-8")
    out = run(["--isolated", "--today", "2026-01-01", "--format", "csv", str(path)], capsys)[1]
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert (row["channel"], row["name"]) == ("'=HYPERLINK(\"http://x\")", "'@SUM(1)")


def test_a_format_written_to_a_file_says_where(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "matrix.csv"
    code, out, err = run([*STRICT, "--format", f"csv:{target}", BUSES], capsys)
    assert (code, out, err) == (0, "", f"wrote CSV coverage matrix to {target}\n")
    assert target.read_text(encoding="utf-8") == expected("matrix.csv").rsplit("\n", 2)[0] + "\n"
    code, out, err = run([*STRICT, "--format", "text", "--format", f"markdown:{tmp_path / 'm.md'}", BUSES], capsys)
    assert (code, err) == (0, "") and out == expected("matrix.80.txt")  # the text went to standard output


def test_a_text_file_is_fitted_to_80_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run([*STRICT, "--format", f"text:{tmp_path / 'matrix.txt'}", "--color", "always", BUSES], capsys)
    assert (tmp_path / "matrix.txt").read_text(encoding="utf-8") == expected("matrix.80.txt")  # and no colour


def test_two_formats_on_standard_output_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([BUSES, "--format", "markdown", "--format", "csv"], capsys)
    assert (code, out) == (2, "")
    assert "formats markdown, csv would all go to standard output" in err


def test_an_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([BUSES, "--format", "sarif"], capsys)
    assert code == 2 and 'unknown format "sarif": expected one of text, markdown, csv' in err


def test_a_file_that_does_not_parse_gets_a_line_saying_why_and_exit_1(capsys: pytest.CaptureFixture[str],
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "300")  # one line, however long
    code, out, _ = run([DRAFT, BUSES, "--preset", "strict", "--today", "2026-01-01"], capsys)
    assert code == 1
    assert out.startswith(
        "tests/fixtures/matrix/buses.charter.yaml: Passenger Charter (Valley Buses)\n")
    assert ("\ntests/fixtures/report_scenario/draft.charter.yaml: not parsed: invalid YAML: this line is indented less"
            ' than the key above it (line up "sector" with "name", or with the key it belongs under)'
            " (line 6, column 2)\n\n") in out


def test_a_missing_path_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["nowhere.charter.yaml"], capsys)
    assert code == 2 and 'path "nowhere.charter.yaml" does not exist' in err


def test_colour_marks_the_states_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run([BUSES, "--preset", "strict", "--today", "2026-01-01", "--color", "always"], capsys)
    assert f"{RED_BOLD}missing [CH105]\x1b[0m" in out
    assert "\x1b[32m2 minutes, 80%\x1b[0m" in out  # met: green
    assert "\x1b[33mmissing\x1b[0m" in out  # missing: yellow
    assert "\x1b[2mn/a\x1b[0m" in out  # not applicable: dim
    assert f"{RED_BOLD}overdue\x1b[0m" in out


def test_colour_follows_force_color_and_no_color(capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run([BUSES], capsys)[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert run([BUSES], capsys)[1].count("\x1b[") == 0
    assert "\x1b[" in run([BUSES, "--color", "always"], capsys)[1]


def test_aligned_columns_with_colour_are_the_same_text(capsys: pytest.CaptureFixture[str]) -> None:
    _, coloured, _ = run([BUSES, "--preset", "strict", "--today", "2026-01-01", "--color", "always"], capsys)
    assert click.unstyle(coloured) == expected("matrix.80.txt")


def test_the_configuration_sets_the_date_and_the_preset(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "charterlint.yaml"
    config.write_text("extends: strict\ntoday: 2026-01-01\n", encoding="utf-8")
    assert run([BUSES, "--config", str(config)], capsys) == (0, expected("matrix.80.txt"), "")


def test_no_charter_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(tmp_path)], capsys) == (0, "no charter files\n", "")


def test_the_review_status_follows_the_configured_max_age_as_ch201_does(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "300")
    (tmp_path / "t.charter.yaml").write_text(UNCADENCED, encoding="utf-8")
    config = tmp_path / "charterlint.yaml"
    config.write_text("today: 2026-01-01\nrules:\n  CH201:\n    options: {max-age: 6 months}\n", encoding="utf-8")
    _, out, _ = run([str(tmp_path / "t.charter.yaml"), "--config", str(config)], capsys)
    assert out.splitlines()[1] == (
        "review: last reviewed 2025-03-01, next due 2025-09-01 (last review + 6 months, the default): overdue [CH201]")


def test_an_invalid_last_review_date_is_shown_as_invalid(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "300")
    path = tmp_path / "t.charter.yaml"
    path.write_text(UNCADENCED.replace("2025-03-01", "2025-02-30"), encoding="utf-8")
    _, out, _ = run([str(path), "--today", "2026-01-01", "--isolated"], capsys)
    assert out.splitlines()[1] == 'review: last reviewed invalid ("2025-02-30"), next due not known: unknown [CH013]'


def test_every_matrix_format_says_which_rules_did_not_run(capsys: pytest.CaptureFixture[str]) -> None:
    broken = "tests/fixtures/core/broken.charter.yaml"
    note = "rules did not run on channels and review: fix the errors on lines 9 and 16 first"
    code, out, _ = run([broken, "--today", "2026-01-01", "--format", "text"], capsys)
    assert code == 0 and "note: " + note in " ".join(out.split())
    code, out, _ = run([broken, "--today", "2026-01-01", "--format", "markdown"], capsys)
    assert f"note: {note} (charterlint check shows them)" in out
    code, out, _ = run([broken, "--today", "2026-01-01", "--format", "csv"], capsys)
    assert {row["note"] for row in csv.DictReader(io.StringIO(out))} == {note}

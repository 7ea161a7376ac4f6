"""`charterlint matrix`: the coverage matrix in a terminal, its colours and its exit codes."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from charterlint.cli.app import main
from tests.helpers import ROOT, UNCADENCED

BUSES = "tests/fixtures/matrix/buses.charter.yaml"
DRAFT = "tests/fixtures/report_scenario/draft.charter.yaml"
EXPECTED = """\
tests/fixtures/matrix/buses.charter.yaml: Passenger Charter (Valley Buses)
review: last reviewed 2024-06-01, next due 2025-06-01 (last review + cadence "12 months"): overdue [CH201]

channel    type       hours   answer          acknowledge  respond               resolve              follow-up                          feedback         escalation  accessibility
phone      phone      office  2 minutes, 80%  n/a          n/a                   5 working days, 90%  n/a                                yes              stage 1     relay service, interpreter
email      email      office  n/a             1 hour       2 days, 90% [CH304]   missing              next working day via same channel  yes              stage 1     missing
whatsapp   messaging  office  n/a             missing      4 working hours, 80%  missing              n/a                                missing [CH105]  stage 1     missing
assistant  chatbot    always  n/a             n/a          n/a                   n/a                  next working day via email         n/a              n/a         missing

a value: what is promised; missing: nothing promised, though it applies; n/a: does not apply; [CODE]: a finding about it (charterlint check shows them)
"""
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


def test_the_matrix_of_a_charter_exactly(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([BUSES, "--preset", "strict", "--today", "2026-01-01"], capsys) == (0, EXPECTED, "")


def test_a_file_that_does_not_parse_gets_a_line_saying_why_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([DRAFT, BUSES, "--preset", "strict", "--today", "2026-01-01"], capsys)
    assert code == 1
    assert out.startswith(
        "tests/fixtures/matrix/buses.charter.yaml: Passenger Charter (Valley Buses)\n")
    assert ("\ntests/fixtures/report_scenario/draft.charter.yaml: not parsed: invalid YAML: did not find expected "
            "key while parsing a block mapping (line 6, column 2)\n\n") in out


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
    assert click.unstyle(coloured) == EXPECTED


def test_the_configuration_sets_the_date_and_the_preset(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "charterlint.yaml"
    config.write_text("extends: strict\ntoday: 2026-01-01\n", encoding="utf-8")
    assert run([BUSES, "--config", str(config)], capsys) == (0, EXPECTED, "")


def test_no_charter_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(tmp_path)], capsys) == (0, "no charter files\n", "")




def test_the_review_status_follows_the_configured_max_age_as_ch201_does(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "t.charter.yaml").write_text(UNCADENCED, encoding="utf-8")
    config = tmp_path / "charterlint.yaml"
    config.write_text("today: 2026-01-01\nrules:\n  CH201:\n    options: {max-age: 6 months}\n", encoding="utf-8")
    _, out, _ = run([str(tmp_path / "t.charter.yaml"), "--config", str(config)], capsys)
    assert out.splitlines()[1] == (
        "review: last reviewed 2025-03-01, next due 2025-09-01 (last review + 6 months, the default): overdue [CH201]")


def test_an_invalid_last_review_date_is_shown_as_invalid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.charter.yaml"
    path.write_text(UNCADENCED.replace("2025-03-01", "2025-02-30"), encoding="utf-8")
    _, out, _ = run([str(path), "--today", "2026-01-01", "--isolated"], capsys)
    assert out.splitlines()[1] == 'review: last reviewed invalid ("2025-02-30"), next due not known: unknown [CH013]'

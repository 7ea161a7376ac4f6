"""The command line as a user sees it: output, exit codes, file discovery."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from charterlint import __version__
from charterlint.cli.app import main
from tests.helpers import FIXTURES, MINIMAL_CHARTER, ROOT, run

CORE = FIXTURES / "core"


def test_invalid_yaml_is_ch001_at_the_fault_and_other_files_are_still_linted(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "a.charter.yaml").write_text("title: [unclosed\nreview: x\n", encoding="utf-8")
    broken = MINIMAL_CHARTER.replace("hours: always", "hours: ofice")
    (project / "b.charter.yaml").write_text(broken, encoding="utf-8")
    code, out, _ = run(["check", "--select", "CH0", "."], capsys)
    assert code == 1
    lines = [line for line in out.splitlines() if ": error " in line]
    assert lines == [
        "a.charter.yaml:1:8: error CH001 [syntax-error] invalid YAML: the [ opened here is never closed"
        " (end the list with ])",
        'b.charter.yaml:10:12: error CH020 [unknown-reference] "ofice" is not the id of a calendar'
        ' (no calendars are defined; use "always" or add one under calendars)',
    ]
    assert out.endswith("2 errors in 2 of 2 files\n")


def test_text_output_shows_an_excerpt_with_a_caret_under_the_span(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "a.charter.yaml").write_text(MINIMAL_CHARTER.replace("type: phone", "type: fone"), encoding="utf-8")
    code, out, _ = run(["check", "--color", "never", "--select", "CH013", "a.charter.yaml"], capsys)
    assert code == 1
    assert out.splitlines()[1:3] == [" 9 |     type: fone", "   |           ^^^^"]


def test_clean_run_exits_zero_and_quiet_prints_only_the_summary(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "a.charter.yaml").write_text(MINIMAL_CHARTER, encoding="utf-8")
    assert run(["check", "--select", "CH0", "--quiet"], capsys) == (0, "no findings in 1 file\n", "")


def test_directories_are_searched_by_file_name_skipping_hidden_directories(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("a.charter.yaml", "sub/b.charter.json", ".git/c.charter.yaml", "notes.yaml", "node_modules/d.charter.md"):
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{}" if name.endswith(".json") else "title: x\n", encoding="utf-8")
    code, out, _ = run(["check", "--select", "CH001", "--quiet"], capsys)
    assert (code, out) == (0, "no findings in 2 files\n")


def test_an_explicitly_named_file_is_linted_whatever_its_name(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "charter.txt").write_text('{"title": "x",}', encoding="utf-8")
    code, out, _ = run(["check", "--select", "CH001", "charter.txt"], capsys)
    assert code == 1
    assert out.startswith("charter.txt:1:15: error CH001 [syntax-error] invalid JSON: trailing comma before '}'\n")


def test_a_missing_path_is_a_usage_error_naming_it(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "a.charter.yaml").write_text(MINIMAL_CHARTER, encoding="utf-8")
    code, out, err = run(["check", "--select", "CH0", "a.charter.yaml", "nope.charter.yaml"], capsys)
    assert code == 2
    assert err == 'charterlint: error: path "nope.charter.yaml" does not exist\n'
    assert out == "no findings in 1 file\n"


@pytest.mark.parametrize(
    "args",
    [["check", "--fail-on", "fatal"], ["check", "--today", "yesterday"], ["check", "--select", "CH999"],
     ["check", "--format", "pdf"], ["explain", "no-such-rule"], ["frobnicate"]],
)
def test_bad_options_exit_2_with_a_message(project: Path, capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, _, err = run(args, capsys)
    assert code == 2
    assert "Error:" in err or "error" in err


def test_fail_on_and_exit_zero_decide_the_exit_code(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "a.charter.yaml").write_text(MINIMAL_CHARTER + "  owner: [x\n", encoding="utf-8")
    assert run(["check", "--select", "CH0", "--exit-zero"], capsys)[0] == 0
    assert run(["check", "--select", "CH0"], capsys)[0] == 1


def test_color_follows_the_choice_and_no_color(project: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "a.charter.yaml").write_text(MINIMAL_CHARTER.replace("type: phone", "type: fone"), encoding="utf-8")
    assert "\x1b[" in run(["check", "--select", "CH0", "--color", "always"], capsys)[1]
    assert "\x1b[" not in run(["check", "--select", "CH0"], capsys)[1]
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run(["check", "--select", "CH0"], capsys)[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run(["check", "--select", "CH0"], capsys)[1]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--version"], capsys) == (0, f"charterlint {__version__}\n", "")


def test_python_dash_m_runs_the_same_command() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "charterlint", "check", "--color", "never", "--select", "CH0",
         str(CORE / "references.charter.yaml")],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "NO_COLOR": "1"}, check=False,
    )
    assert completed.returncode == 1
    assert completed.stdout.endswith("4 errors in 1 of 1 file\n")


def test_report_files_are_written_whole_and_readable_per_umask(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "a.charter.yaml").write_text(MINIMAL_CHARTER, encoding="utf-8")
    (project / "out").mkdir()  # folders are not made (tests/cli/test_report_paths.py)
    old = os.umask(0o022)
    try:
        assert main(["check", "--select", "CH0", "--format", "json:out/report.json"]) == 0
    finally:
        os.umask(old)
    report = project / "out" / "report.json"
    assert report.stat().st_mode & 0o777 == 0o644
    assert report.read_text(encoding="utf-8").startswith("{")
    assert [p.name for p in report.parent.iterdir()] == ["report.json"]


def test_reports_replace_links_and_go_to_special_files_and_bad_targets_are_named(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "a.charter.yaml").write_text(MINIMAL_CHARTER, encoding="utf-8")
    (project / "real.json").write_text("", encoding="utf-8")
    os.symlink(project / "real.json", project / "link.json")
    assert main(["check", "--select", "CH0", "--format", "json:link.json"]) == 0
    assert not (project / "link.json").is_symlink() and (project / "real.json").read_text() == ""
    os.mkfifo(project / "pipe")  # like /dev/stdout: written to, never replaced
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append((project / "pipe").read_bytes()))
    reader.start()
    assert main(["check", "--select", "CH0", "--format", "json:pipe"]) == 0
    reader.join(timeout=10)
    assert (project / "pipe").is_fifo() and received[0].startswith(b"{")
    (project / "adir").mkdir()
    capsys.readouterr()
    assert main(["check", "--select", "CH0", "--format", "sarif:adir"]) == 2
    assert capsys.readouterr().err == 'charterlint: error: cannot write "adir": is a directory\n'
    assert main(["check", "--select", "CH0", "--format", "sarif:a.charter.yaml/x.sarif"]) == 2
    assert capsys.readouterr().err.startswith('charterlint: error: cannot write "a.charter.yaml/x.sarif": ')


def test_outputs_that_would_collide_are_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "a.charter.yaml").write_text(MINIMAL_CHARTER, encoding="utf-8")
    assert main(["check", "--format", "json", "--format", "sarif"]) == 2
    assert "would all go to standard output" in capsys.readouterr().err
    assert main(["check", "--format", "json:o", "--format", "sarif:o"]) == 2
    assert "name the same file" in capsys.readouterr().err


def test_a_run_that_finds_no_charter_file_is_an_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "charters").mkdir()
    (project / "charters" / "bank.yaml").write_text(MINIMAL_CHARTER, encoding="utf-8")
    assert main(["check", "charters"]) == 2
    assert capsys.readouterr().err.startswith("charterlint: error: no charter files found")


def test_rules_on_the_command_line_may_be_separated_by_spaces_or_commas(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "a.charter.yaml").write_text(MINIMAL_CHARTER, encoding="utf-8")
    assert main(["check", "--isolated", "--select", "CH105 CH106,CH0", "--show-config"]) == 0
    rules = capsys.readouterr().out.split("rules:\n", 1)[1]
    assert "CH105:" in rules and "CH106:" in rules and "CH101:" not in rules

"""`charterlint check -`: a charter from standard input, reported under --stdin-filename or `-`."""

from __future__ import annotations

import dataclasses
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from charterlint.cli.app import main
from charterlint.cli.stdin import lint_stdin
from charterlint.source.document import Limits
from tests.helpers import MINIMAL_CHARTER, settings_for

YAML = MINIMAL_CHARTER.replace("title: Example Water customer charter\n", 'title: ""\n')  # empty: CH013 at 2:8
MARKDOWN = "---\n" + YAML + "---\n# Our promise\n"
JSON = json.dumps({"charter_format": 1, "title": "", "organization": {"name": "Example Water"},
                   "overview": {"mission": "Safe water."},
                   "channels": [{"id": "phone", "type": "phone", "hours": "always"}],
                   "review": {"last_reviewed": "2025-06-01"}}, indent=2)


def check(args: list[str], text: str, monkeypatch: pytest.MonkeyPatch,
          capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    """Exit code, the finding lines (location, code) and standard error."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    code = main(["check", "--select", "CH0", "--color", "never", *args])
    out, err = capsys.readouterr()
    lines = [" ".join(line.split()[:3]) for line in out.splitlines() if ": error " in line]
    return code, lines, err


def test_findings_are_reported_under_the_stdin_filename_whose_suffix_sets_the_kind(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines, _ = check(["-", "--stdin-filename", "docs/water.charter.md"], MARKDOWN, monkeypatch, capsys)
    assert (code, lines) == (1, ["docs/water.charter.md:3:8: error CH013"])


def test_without_a_name_stdin_is_reported_as_dash_and_its_kind_comes_from_its_content(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(["-"], JSON, monkeypatch, capsys)[:2] == (1, ["-:3:12: error CH013"])
    assert check(["-"], MARKDOWN, monkeypatch, capsys)[:2] == (1, ["-:3:8: error CH013"])
    assert check(["-"], YAML, monkeypatch, capsys)[:2] == (1, ["-:2:8: error CH013"])


def test_stdin_filename_alone_reads_stdin(project: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    (project / "other.charter.yaml").write_text("not: [a charter\n", encoding="utf-8")
    code, lines, _ = check(["--stdin-filename", str(project / "a.charter.yaml")], YAML, monkeypatch, capsys)
    assert (code, lines) == (1, ["a.charter.yaml:2:8: error CH013"])


def test_stdin_is_linted_with_the_files_named_beside_it(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    (project / "a.charter.yaml").write_text(YAML, encoding="utf-8")
    code, lines, _ = check(["a.charter.yaml", "-", "--stdin-filename", "b.charter.json"], JSON, monkeypatch, capsys)
    assert (code, lines) == (1, ["a.charter.yaml:2:8: error CH013", "b.charter.json:3:12: error CH013"])


def test_stdin_filename_without_dash_among_paths_is_a_usage_error(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "a.charter.yaml").write_text(YAML, encoding="utf-8")
    code, _, err = check(["a.charter.yaml", "--stdin-filename", "b.charter.yaml"], YAML, monkeypatch, capsys)
    assert code == 2
    assert '--stdin-filename names standard input: add "-" to the paths' in err


def test_empty_stdin_is_a_syntax_error_not_a_crash(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert check(["-"], "", monkeypatch, capsys)[:2] == (1, ["-:1:1: error CH001"])


def test_stdin_over_the_size_limit_is_refused_without_reading_it_all() -> None:
    settings = dataclasses.replace(settings_for(["CH0"]), limits=Limits(max_bytes=10))
    stream = io.BytesIO(b"x" * 1000)
    result = lint_stdin("-", stream, settings)
    assert [(f.code, f.message) for f in result.findings] == [
        ("CH001", "standard input is over the limit of 10 bytes (limit max-bytes)"),
    ]
    assert stream.tell() == 11


def test_the_console_script_reads_a_pipe(project: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "charterlint", "check", "-", "--stdin-filename", "x.charter.md",
                             "--select", "CH0"], input=MARKDOWN, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout.startswith('x.charter.md:3:8: error CH013 [invalid-value] "title" must not be empty\n')


@pytest.mark.parametrize("args", [["render", "-"], ["diff", "-", "new.charter.yaml"], ["diff", "--base", "HEAD", "-"],
                                  ["import", "-"]])
def test_commands_that_read_only_files_say_so_of_standard_input(args: list[str], project: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (f'charterlint: error: charterlint {args[0]} does not read standard input ("-"): name the'
                            ' file (a file called "-" is ./-); only check reads a charter from standard input\n')

"""`charterlint init`: a starter charter that passes, in YAML and Markdown, never over an existing file."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from charterlint.cli.init import a_year_after, starter
from charterlint.resources import load_schema
from tests.helpers import ROOT, run


def front_matter(text: str) -> object:
    return yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))


@pytest.mark.parametrize("name", ["x.charter.yaml", "x.charter.md"])
def test_init_then_check_exits_zero(project: Path, name: str) -> None:
    """As a writer runs it: the real command, today's date, the default preset."""
    charterlint = [sys.executable, "-m", "charterlint"]
    subprocess.run([*charterlint, "init", name], check=True, capture_output=True)
    result = subprocess.run([*charterlint, "check", name], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "no findings in 1 file\n"


@pytest.mark.parametrize("fmt", ["yaml", "md"])
def test_starter_has_no_finding_even_with_the_strict_preset(project: Path, fmt: str,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["init", "--format", fmt], capsys)[0] == 0
    code, out, _ = run(["check", "--preset", "strict", "--color", "never"], capsys)
    assert (code, out) == (0, "no findings in 1 file\n")


def test_init_writes_the_default_name_for_each_format(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["init"], capsys)
    assert (code, err) == (0, "")
    assert out == ("wrote customer-service.charter.yaml: replace the example values, then run: "
                   "charterlint check customer-service.charter.yaml\n")
    assert run(["init", "--format", "md"], capsys)[0] == 0
    assert sorted(p.name for p in project.iterdir()) == ["customer-service.charter.md", "customer-service.charter.yaml"]


def test_init_refuses_to_overwrite_unless_forced(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = project / "x.charter.yaml"
    target.write_text("mine\n", encoding="utf-8")
    code, out, err = run(["init", "x.charter.yaml"], capsys)
    assert (code, out) == (2, "")
    assert err == 'charterlint: error: "x.charter.yaml" already exists (use --force to overwrite it)\n'
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert run(["init", "x.charter.yaml", "--force"], capsys)[0] == 0
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")


def test_init_takes_the_format_from_the_name_and_refuses_a_contradiction(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["init", "y.charter.md"], capsys)[0] == 0
    assert (project / "y.charter.md").read_text(encoding="utf-8").startswith("---\n")
    code, _, err = run(["init", "z.charter.md", "--format", "yaml"], capsys)
    assert code == 2
    assert '"z.charter.md" is a Markdown file name but --format is yaml' in err
    code, _, err = run(["init", "z.charter.json"], capsys)
    assert code == 2
    assert "init writes YAML or Markdown" in err
    assert not list(project.glob("z.*"))


def test_init_into_a_directory_uses_the_default_name(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docs").mkdir()
    assert run(["init", "docs", "--format", "md"], capsys)[0] == 0
    assert (project / "docs" / "customer-service.charter.md").is_file()


def test_init_into_a_missing_directory_is_an_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["init", "nowhere/x.charter.yaml"], capsys)
    assert code == 2
    assert err == 'charterlint: error: cannot write "nowhere/x.charter.yaml": directory "nowhere" does not exist\n'


def test_init_notes_a_name_that_directory_search_will_not_find(project: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["init", "charter.yaml"], capsys)
    assert code == 0
    assert "does not end in .charter.yaml or .charter.md" in err
    assert run(["check", "charter.yaml"], capsys)[:2] == (0, "no findings in 1 file\n")


def test_init_dash_prints_the_starter(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["init", "-", "--today", "2026-03-01"], capsys)
    assert code == 0
    assert out == starter("yaml", dt.date(2026, 3, 1))
    assert list(project.iterdir()) == []


def test_review_dates_start_from_the_day_the_file_is_written(project: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["init", "--today", "2024-02-29"], capsys)[0] == 0
    review = yaml.safe_load((project / "customer-service.charter.yaml").read_text(encoding="utf-8"))["review"]
    assert (str(review["last_reviewed"]), str(review["next_review"])) == ("2024-02-29", "2025-02-28")
    assert run(["check", "--today", "2025-02-28"], capsys)[0] == 0
    code, out, _ = run(["check", "--today", "2025-03-01", "--select", "CH2", "--color", "never"], capsys)
    assert code == 1
    assert [line.split(" [")[0].split(": ")[1] for line in out.splitlines() if ": error " in line] == [
        "error CH201", "error CH202",
    ]


def test_a_year_after_keeps_the_day_or_takes_the_28th_for_a_leap_day() -> None:
    assert a_year_after(dt.date(2025, 11, 25)) == dt.date(2026, 11, 25)
    assert a_year_after(dt.date(2028, 2, 29)) == dt.date(2029, 2, 28)


def test_yaml_starter_names_the_schema_for_editors() -> None:
    first = starter("yaml", dt.date(2026, 1, 1)).splitlines()[0]
    # the schema's $id is not published yet: the starter names the copy `charterlint schema` writes
    assert first == "# yaml-language-server: $schema=./charter.schema.json"


def test_both_formats_carry_the_same_charter_with_every_section() -> None:
    today = dt.date(2026, 1, 1)
    data = yaml.safe_load(starter("yaml", today))
    assert front_matter(starter("md", today)) == data
    assert set(data) == set(load_schema("charter.schema.json")["properties"])


def test_every_section_of_the_starter_is_explained_by_a_comment() -> None:
    lines = starter("yaml", dt.date(2026, 1, 1)).splitlines()
    sections = [i for i, line in enumerate(lines) if line[:1].isalpha() and line.endswith(":")]
    assert len(sections) >= 10
    for index in sections:
        assert lines[index - 1].startswith("#"), f"no comment before {lines[index]!r}"


def test_the_wheel_ships_the_templates(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(tmp_path),
                    str(ROOT)], check=True)
    [wheel] = tmp_path.glob("charterlint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"charterlint/templates/starter.yaml.in", "charterlint/templates/starter-body.md.in"} <= names


def test_schema_prints_the_charter_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["schema"], capsys)
    assert code == 0
    assert json.loads(out) == load_schema("charter.schema.json")
    assert out == (ROOT / "schemas" / "charter.schema.json").read_text(encoding="utf-8")

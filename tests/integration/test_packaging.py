"""The wheel carries schemas/ and rules/, so `pip install charterlint` works alone."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(ROOT)],
        check=True,
    )
    [built] = out.glob("charterlint-*.whl")
    return built


def test_wheel_ships_every_schema_and_rule_file_inside_the_package(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"charterlint/schemas/{p.name}" for p in (ROOT / "schemas").glob("*.json")}
    expected |= {f"charterlint/rules/{p.name}" for p in (ROOT / "rules").glob("*.yaml")}
    assert "charterlint/schemas/charter.schema.json" in expected
    assert "charterlint/rules/CH001.yaml" in expected
    assert expected <= names


def test_wheel_declares_the_console_script(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    [entry_points] = [n for n in archive.namelist() if n.endswith("entry_points.txt")]
    assert "charterlint = charterlint.cli.entry:console" in archive.read(entry_points).decode()


def test_wheel_ships_the_render_templates_and_declares_the_render_extra(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    names = set(archive.namelist())
    templates = ROOT / "charterlint" / "render" / "templates"
    assert {f"charterlint/render/templates/{p.name}" for p in templates.iterdir()} <= names
    assert "charterlint/render/templates/charter.html.j2" in names
    [metadata] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
    text = archive.read(metadata).decode()
    assert "Provides-Extra: render" in text
    assert "Requires-Dist: jinja2>=3.1; extra == 'render'" in text

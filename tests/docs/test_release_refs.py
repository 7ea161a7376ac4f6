"""Releases users can pin: every version the README and the docs tell users to use is the package's
version (a tag `vX.Y.Z` and `charterlint==X.Y.Z` made by the release workflow), the changelog has
its entry, and no doc points an editor at the schema's unpublished address."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from charterlint import __version__
from tests.helpers import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_ACTION_REF = re.compile(r"charterlint/charterlint@([\w.-]+)")
_HOOKS_REV = re.compile(r"rev:\s*([\w.-]+)")
_PINNED_PACKAGE = re.compile(r"charterlint\s*==\s*([\w.-]+)")
_PLACEHOLDERS = {"X.Y.Z", "vX.Y.Z", "A.B.C", "vA.B.C"}  # how docs/releasing.md writes any version
_VERSION = re.compile(r"^\d+\.\d+\.\d+$")


def mentions(pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    return [(path.relative_to(ROOT).as_posix(), match.group(1))
            for path in DOCS for match in pattern.finditer(path.read_text(encoding="utf-8"))]


def test_the_version_is_one_number_read_from_the_package() -> None:
    assert _VERSION.match(__version__)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and project["project"]["dynamic"] == ["version"]
    assert project["tool"]["hatch"]["version"]["path"] == "charterlint/__init__.py"


@pytest.mark.parametrize("pattern, expected", [(_ACTION_REF, f"v{__version__}"), (_HOOKS_REV, f"v{__version__}"),
                                               (_PINNED_PACKAGE, __version__)],
                         ids=["action-ref", "pre-commit-rev", "pip-pin"])
def test_every_pinned_release_in_the_docs_is_the_package_version(pattern: re.Pattern[str], expected: str) -> None:
    found = mentions(pattern)
    assert found, "the README and docs/ci.md show how to pin a release"
    assert [(doc, ref) for doc, ref in found if ref not in (expected, *_PLACEHOLDERS)] == []


@pytest.mark.parametrize("path", DOCS, ids=lambda path: path.name)
def test_every_release_tag_the_docs_name_is_the_current_one(path: Path) -> None:
    tags = re.findall(r"\bv\d+\.\d+\.\d+\b", path.read_text(encoding="utf-8"))
    assert [tag for tag in tags if tag != f"v{__version__}"] == []


def test_the_readme_pins_the_action_and_the_hooks() -> None:
    readme = [doc for doc, _ in mentions(_ACTION_REF) + mentions(_HOOKS_REV) if doc == "README.md"]
    assert len(readme) == 2


def test_the_changelog_has_a_dated_entry_for_the_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^]]+)\] - (\d{4}-\d{2}-\d{2})$", changelog, re.MULTILINE)
    assert headings and headings[0][0] == __version__  # newest first


@pytest.mark.parametrize("path", DOCS, ids=lambda path: path.name)
def test_no_doc_points_an_editor_at_the_schemas_unpublished_address(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert re.findall(r"\$schema=(https?://\S+)", text) == []
    assert re.findall(r'"(https?://[^"]*charter\.schema\.json)"', text) == []
    assert "raw.githubusercontent.com/charterlint" not in text


def test_the_editor_docs_show_how_to_save_the_schema() -> None:
    text = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
    assert "charterlint schema > charters/charter.schema.json" in text
    assert "# yaml-language-server: $schema=./charter.schema.json" in text

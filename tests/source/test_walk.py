"""The directory walk: iterative (a tree 1,000 deep is walked), sorted, skipping what it always skipped."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from charterlint.source import discovery
from charterlint.source.discovery import discover
from tests.helpers import MINIMAL_CHARTER, run

DEPTH = 1_000


@pytest.fixture
def deep_tree(project: Path) -> Iterator[Path]:
    """`project`/d/d/.../d, DEPTH levels, made and removed one level at a time: os.makedirs and
    shutil.rmtree recurse too (pytest's clean-up of old temporary folders would fail on it)."""
    levels = [project / ("d/" * depth) for depth in range(1, DEPTH + 1)]
    for level in levels:
        level.mkdir()
    yield levels[-1]
    for level in reversed(levels):
        for entry in level.iterdir():
            if not entry.is_dir() or entry.is_symlink():
                entry.unlink()
        level.rmdir()


def test_a_tree_1000_directories_deep_is_walked_without_a_traceback(
    deep_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bottom = deep_tree
    (bottom / "x.charter.yaml").write_text(MINIMAL_CHARTER.replace("hours: always", "hours: office"),
                                           encoding="utf-8")
    code, out, err = run(["check", "--isolated", "--quiet", "--color", "never", "--select", "CH020"], capsys)
    assert (code, err) == (1, "")
    assert out == ("d/" * DEPTH + 'x.charter.yaml:10:12: error CH020 [unknown-reference] "office" is not the id of'
                   ' a calendar (no calendars are defined; use "always" or add one under calendars)\n'
                   "\n1 error in 1 of 1 file\n")


def test_the_walk_is_sorted_skips_hidden_and_tool_directories_and_follows_no_directory_link(
    project: Path
) -> None:
    for name in ("b/z.charter.yaml", "b/a.charter.yml", "a/c/y.charter.json", "a/x.charter.md", "top.charter.yaml",
                 ".hidden/h.charter.yaml", "node_modules/n.charter.yaml", "a/build/b.charter.yaml", "notes.yaml",
                 "outside/o.charter.yaml"):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text("title: x\n", encoding="utf-8")
    (project / "b" / "link").symlink_to(project / "outside", target_is_directory=True)
    found = discover(["b", "a", "."], project)
    assert [target.display for target in found.targets] == [
        "a/c/y.charter.json", "a/x.charter.md", "b/a.charter.yml", "b/z.charter.yaml", "outside/o.charter.yaml",
        "top.charter.yaml"]
    assert (found.missing, found.unreadable) == ((), ())
    assert [target.display for target in discover(["b"], project).targets] == ["b/a.charter.yml", "b/z.charter.yaml"]


def test_a_directory_that_cannot_be_listed_is_reported_and_the_walk_goes_on(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a/locked/l.charter.yaml", "a/open/o.charter.yaml", "b/deeper/locked/m.charter.yaml"):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text("title: x\n", encoding="utf-8")
    scandir = os.scandir

    def deny(path: str) -> object:  # root reads any directory: refuse the locked ones as a chmod would
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied", path)
        return scandir(path)

    monkeypatch.setattr(discovery.os, "scandir", deny)
    found = discover(["."], project)
    assert [target.display for target in found.targets] == ["a/open/o.charter.yaml"]
    assert [target.display for target in found.unreadable] == ["a/locked", "b/deeper/locked"]

"""Globs of `exclude` and `per-file-ignores`: anchored with a slash, any depth without one."""

from __future__ import annotations

from pathlib import Path

import pytest

from charterlint.config.globs import PathGlob

BASE = Path("/repo")


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("legacy", "/repo/legacy/a.charter.yaml", True),
        ("legacy", "/repo/teams/legacy/a.charter.yaml", True),
        ("legacy/", "/repo/teams/legacy/a.charter.yaml", True),
        ("*.draft.charter.md", "/repo/x/y.draft.charter.md", True),
        ("*.draft.charter.md", "/repo/x/y.charter.md", False),
        ("legacy/*", "/repo/legacy/a.charter.yaml", True),
        ("legacy/*", "/repo/teams/legacy/a.charter.yaml", False),
        ("/legacy", "/repo/legacy/a.charter.yaml", True),
        ("teams/*/old", "/repo/teams/water/old/a.charter.yaml", True),
        ("teams/*", "/repo/teams/water/old/a.charter.yaml", True),
        ("teams/*.yaml", "/repo/teams/water/a.yaml", False),
        ("teams/**/*.yaml", "/repo/teams/water/a.yaml", True),
        ("teams/**/*.yaml", "/repo/teams/a.yaml", True),
        ("**/old/*.md", "/repo/a/b/old/x.md", True),
        ("x/?.md", "/repo/x/a.md", True),
        ("x/[ab].md", "/repo/x/c.md", False),
        ("x/[!ab].md", "/repo/x/c.md", True),
        ("legacy/*", "/elsewhere/legacy/a.charter.yaml", False),
    ],
)
def test_glob_matching(pattern: str, path: str, expected: bool) -> None:
    assert PathGlob(pattern, BASE).matches(Path(path)) is expected

"""Reading base versions from git: many files in two processes, odd names, missing and large files."""

from __future__ import annotations

from pathlib import Path

from charterlint.diff.git import TooLarge, changes, read_blobs, resolve_commit
from tests.diff.repo import git, make_repo


def test_blobs_are_read_whatever_their_names_and_missing_or_large_ones_said_so(tmp_path: Path) -> None:
    names = {"a.charter.yaml": "a: 1\n", "with space/b c.charter.yaml": "b: 2\n", "-dash.charter.yaml": "c: 3\n",
             "big.charter.yaml": "x" * 100, "line\nbreak.charter.yaml": "d: 4\n", "empty.charter.yaml": ""}
    make_repo(tmp_path, names)
    commit = resolve_commit(tmp_path, "HEAD")
    found = read_blobs(tmp_path, commit, [*names, "missing.charter.yaml", "with space"], 50)
    assert found == {"a.charter.yaml": b"a: 1\n", "with space/b c.charter.yaml": b"b: 2\n",
                     "-dash.charter.yaml": b"c: 3\n", "big.charter.yaml": TooLarge(100),
                     "line\nbreak.charter.yaml": b"d: 4\n", "empty.charter.yaml": b"",
                     "missing.charter.yaml": None, "with space": None}


def test_renames_and_deletions_since_a_commit(tmp_path: Path) -> None:
    make_repo(tmp_path, {"old.charter.yaml": "title: T\n" * 20, "gone.charter.yaml": "x: 1\n"})
    commit = resolve_commit(tmp_path, "HEAD")
    git(tmp_path, "mv", "old.charter.yaml", "new name.charter.yaml")
    (tmp_path / "gone.charter.yaml").unlink()
    found = changes(tmp_path, commit)
    assert found.renamed == {"new name.charter.yaml": "old.charter.yaml"}
    assert found.deleted == ("gone.charter.yaml",)

"""The one atomic writer: a file is replaced whole or not at all, with a new file's permissions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from charterlint.atomic import write_atomically


def test_text_and_bytes_are_written_whole_and_parents_made(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "deep" / "a.sarif"
    write_atomically(target, "line\r\nnext\n")
    assert target.read_bytes() == b"line\r\nnext\n"  # line breaks as given, UTF-8
    write_atomically(target, b"\x00bytes")
    assert target.read_bytes() == b"\x00bytes"
    assert sorted(p.name for p in target.parent.iterdir()) == ["a.sarif"]  # no temporary left


def test_the_file_gets_a_new_files_permissions(tmp_path: Path) -> None:
    mask = os.umask(0o027)
    try:
        write_atomically(tmp_path / "r.txt", "x")
    finally:
        os.umask(mask)
    assert (tmp_path / "r.txt").stat().st_mode & 0o777 == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "r.txt"
    target.write_text("old", encoding="utf-8")

    def refuse(source: object, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]


def test_a_temporary_name_left_by_a_crashed_run_is_passed_over(tmp_path: Path) -> None:
    stale = tmp_path / f".r.txt.{os.getpid()}-0.tmp"
    stale.write_text("stale", encoding="utf-8")
    write_atomically(tmp_path / "r.txt", "new")
    assert (tmp_path / "r.txt").read_text(encoding="utf-8") == "new"
    assert stale.read_text(encoding="utf-8") == "stale"  # not followed, not overwritten

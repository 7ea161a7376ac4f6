"""Reading files: at most one byte over the limit, whatever size the file system reports."""

from __future__ import annotations

from pathlib import Path

from charterlint.batch.work import read_bytes
from charterlint.source.discovery import Target


def test_a_file_is_read_to_one_byte_over_the_limit(tmp_path: Path) -> None:
    charter = tmp_path / "big.charter.yaml"
    charter.write_bytes(b"x" * 100)
    assert read_bytes(Target(charter, "big"), 10) == b"x" * 11  # over the limit: the caller refuses it
    assert read_bytes(Target(charter, "big"), 100) == b"x" * 100
    assert read_bytes(Target(charter, "big"), 1000) == b"x" * 100


def test_a_file_that_reports_no_size_is_read_all_the_same() -> None:
    status = Path("/proc/self/status")  # st_size 0, content not empty
    if status.exists():
        assert read_bytes(Target(status, "status"), 1_000_000).startswith(b"Name:")

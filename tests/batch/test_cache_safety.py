"""The cache under stress and attack (issue 14): concurrent runs that prune it (item 7)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from charterlint.batch import cache as cache_module
from charterlint.batch.cache import open_cache, prune
from tests.helpers import ROOT


# -- item 7: concurrent runs prune the same cache -------------------------------------------------------------
def test_an_entry_that_vanishes_while_pruning_is_one_less_to_remove(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    for index in range(5):
        open_cache(tmp_path, f"{index:02d}" * 32)
    real = os.scandir

    def racing(path: str | Path) -> Iterator[os.DirEntry[str]]:
        listing = list(real(path))
        for entry in listing:  # another run's pruning removes them all after this one listed them
            if entry.name.startswith("run-"):
                os.rmdir(entry.path)
        return _Listing(listing)

    monkeypatch.setattr(cache_module.os, "scandir", racing)
    prune(tmp_path, keep=1)  # a FileNotFoundError from a vanished entry crashed the run


class _Listing(list[os.DirEntry[str]]):
    def __enter__(self) -> _Listing:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("prune") / "corpus"
    subprocess.run([sys.executable, "-m", "benchmarks.generate", str(out), "--count", "10"], cwd=ROOT,
                   check=True, capture_output=True, timeout=60)
    return out


def test_twenty_concurrent_runs_with_their_own_dates_share_one_cache(small_corpus: Path, tmp_path: Path) -> None:
    """Each --today is a run key of its own, past KEEP_RUNS: every run prunes what the others made."""
    cache = tmp_path / "cache"
    command = [sys.executable, "-m", "charterlint", "check", "--color", "never", "--cache-dir", str(cache), "."]
    expected = subprocess.run([*command[:-1], "--no-cache", "--today", "2026-01-10", "."], cwd=small_corpus,
                              capture_output=True, text=True, timeout=120)
    runs = [subprocess.Popen([*command[:-1], "--today", f"2026-01-{day}", "."], cwd=small_corpus,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for day in range(10, 30)]
    done = []
    for process in runs:
        try:
            out, err = process.communicate(timeout=180)
        except subprocess.TimeoutExpired:
            for other in runs:
                other.kill()
            pytest.fail("a run did not finish")
        done.append((process.returncode, err, out.splitlines()[-1:] == expected.stdout.splitlines()[-1:]))
    assert expected.returncode == 1 and expected.stdout.endswith("in 2 of 10 files\n")
    assert [(code, err) for code, err, _ in done] == [(1, "")] * 20
    assert all(reported for *_, reported in done)


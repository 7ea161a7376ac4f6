"""The cache under stress and attack (issue 14): concurrent runs that prune it (item 7), a cache
directory linked out of the tree (item 4), entries a repository could forge (item 13)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.generate import generate_corpus, write_corpus
from charterlint.batch import cache as cache_module
from charterlint.batch import work as work_module
from charterlint.batch.cache import DEFAULT_DIRECTORY, KEEP_RUNS, CacheError, open_cache, prune
from tests.helpers import CHARTER, run, write


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
    write_corpus(generate_corpus(10), out)
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


# -- item 4: a cache directory that is a link, and what pruning may remove -----------------------------------
def _project_with_a_charter(project: Path) -> Path:
    (project / ".git").mkdir(parents=True)
    write(project / "w.charter.yaml", CHARTER)
    return project


def test_a_cache_directory_linked_out_of_the_tree_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside"
    (outside / "run-precious").mkdir(parents=True)
    for index in range(12):  # past KEEP_RUNS: pruning would have looked at them all
        (outside / f"run-{index:02d}").mkdir()
    project = _project_with_a_charter(outside / "project")
    monkeypatch.chdir(project)
    (project / DEFAULT_DIRECTORY).symlink_to("..", target_is_directory=True)
    before = sorted(path.name for path in outside.iterdir())
    code, out, err = run(["check", "--color", "never", "--today", "2026-01-01"], capsys)
    assert code == 1 and "w.charter.yaml:" in out
    assert err == (f'charterlint: warning: cache directory "{project / DEFAULT_DIRECTORY}" is a symbolic link:'
                   " the cache is kept only in a real directory (linting without the cache)\n")
    assert sorted(path.name for path in outside.iterdir()) == before  # no CACHEDIR.TAG, .gitignore, run-*


def test_a_run_key_directory_that_is_a_link_is_refused(tmp_path: Path) -> None:
    (tmp_path / "outside").mkdir()
    root = tmp_path / "cache"
    root.mkdir()
    (root / f"run-{'ab' * 16}").symlink_to(tmp_path / "outside", target_is_directory=True)
    with pytest.raises(CacheError, match="is a symbolic link"):
        open_cache(root, "ab" * 32)
    assert list((tmp_path / "outside").iterdir()) == []


def test_pruning_removes_only_run_directories_charterlint_made(tmp_path: Path) -> None:
    for index in range(KEEP_RUNS + 4):
        strange = tmp_path / f"run-strange-{index:02d}"  # not made by charterlint (committed, or someone's)
        strange.mkdir()
        os.utime(strange, (1_000, 1_000))
    for index in range(KEEP_RUNS + 2):
        made = open_cache(tmp_path, f"{index:02d}" * 32).directory
        os.utime(made, (2_000 + index, 2_000 + index))
    prune(tmp_path, keep=KEEP_RUNS)
    names = {path.name for path in tmp_path.glob("run-*")}
    assert {f"run-strange-{index:02d}" for index in range(KEEP_RUNS + 4)} <= names
    assert len(names) == KEEP_RUNS + 4 + KEEP_RUNS and f"run-{'00' * 16}" not in names


# -- item 13: entries a repository could forge ----------------------------------------------------------------
def _forge(root: Path) -> int:
    """Turn every entry under `root` into one saying "no findings", as a committed cache could."""
    forged = 0
    for entry in root.glob("run-*/*.json"):
        lines = entry.read_bytes().split(b"\n")
        for index, line in enumerate(lines):
            if line.startswith(b'[{"format"'):
                facts = json.loads(line)[0]
                facts["findings"] = 0
                lines[index] = json.dumps([facts], separators=(",", ":")).encode()
                forged += 1
        entry.write_bytes(b"\n".join(lines))
    return forged


@pytest.fixture
def own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This machine's key directory, kept out of the user's real cache directory."""
    home = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home / "charterlint"


def test_a_forged_entry_is_not_trusted(project: Path, own_key: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _project_with_a_charter(project)
    first = run(["check", "--color", "never", "--today", "2026-01-01"], capsys)
    assert first[0] == 1
    assert _forge(project / DEFAULT_DIRECTORY) == 1
    assert run(["check", "--color", "never", "--today", "2026-01-01"], capsys) == first  # not "no findings"


def test_a_cache_made_with_another_key_is_linted_again(project: Path, own_key: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """A cache committed from another machine (or container image): every entry a miss, then rewritten."""
    _project_with_a_charter(project)
    first = run(["check", "--color", "never", "--today", "2026-01-01"], capsys)
    key = own_key / "key"
    assert key.stat().st_mode & 0o777 == 0o600 and len(key.read_bytes()) == 32
    assert own_key.stat().st_mode & 0o777 == 0o700
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-machine"))
    linted: list[str] = []
    real = work_module.lint_bytes
    monkeypatch.setattr(work_module, "lint_bytes", lambda *args: linted.append(args[0]) or real(*args))
    assert run(["check", "--color", "never", "--today", "2026-01-01"], capsys) == first
    assert linted == ["w.charter.yaml"]
    linted.clear()
    assert run(["check", "--color", "never", "--today", "2026-01-01"], capsys) == first
    assert linted == []  # rewritten with this machine's key: a hit

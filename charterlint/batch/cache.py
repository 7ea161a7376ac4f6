"""The result cache: `.charterlint_cache/`, one small JSON entry per linted file.

Layout: `<root>/<run key>/<hash of the report path>.json`. The run key (cache_key.py) sums up
everything besides the file that linting depends on; each entry records the file's report
path and a hash of its content (and of the rules `per-file-ignores` turns off for it), and
counts only when both match. So an edited file misses and its entry is rewritten, and a
change of settings, rules, charterlint or date starts a new run-key directory; the oldest
directories are removed past `KEEP_RUNS`. Entries are written atomically (a temporary file,
then a rename); an entry that cannot be read or decoded is a miss, never an error.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from charterlint.atomic import write_atomically
from charterlint.batch.cache_entry import BadEntry, decode, encode
from charterlint.model import FileResult

DEFAULT_DIRECTORY = ".charterlint_cache"
KEEP_RUNS = 8  # run-key directories kept: the settings and dates used most recently
MAX_ENTRY_BYTES = 64 * 1024 * 1024
_HEAD_BYTES = 4096  # enough for the first line of most entries
_PREFIX = "run-"
_GITIGNORE = "# Written by charterlint: the cache is not part of the project.\n*\n"
_CACHEDIR_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
                 "# This file is a cache directory tag created by charterlint.\n"
                 "# For information about cache directory tags see https://bford.info/cachedir/\n")


class CacheError(Exception):
    """The cache directory cannot be used (the run goes on without it)."""


def content_key(content: bytes, ignored: Iterable[str] = ()) -> str:
    """The hash an entry must match: the file's content and the rules turned off for it."""
    digest = hashlib.sha256(",".join(sorted(ignored)).encode("ascii", "replace") + b"\0")
    digest.update(content)
    return digest.hexdigest()


def _entry_name(path: str) -> str:
    return hashlib.sha256(path.encode("utf-8", "surrogatepass")).hexdigest()[:32] + ".json"


def _prepare_root(root: Path) -> None:
    """Create the cache directory with a .gitignore (`*`) and a CACHEDIR.TAG, as ruff does."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in ((".gitignore", _GITIGNORE), ("CACHEDIR.TAG", _CACHEDIR_TAG)):
        if not (root / name).exists():
            write_atomically(root / name, text.encode("ascii"))


@dataclass(frozen=True, slots=True)
class ResultCache:
    """The entries of one run key: `get` what an unchanged file gave, `put` what a file gives."""

    root: Path
    run_key: str

    @property
    def directory(self) -> Path:
        return self.root / f"{_PREFIX}{self.run_key[:32]}"

    def get(self, path: str, key: str, content: bytes, slim: bool = False) -> FileResult | None:
        """The cached result of `path` with this content key, or None (missing, stale or damaged);
        `slim`: see cache_entry.decode."""
        try:
            with open(self.directory / _entry_name(path), "rb", buffering=0) as handle:
                # slim: the first line (findings) is all it needs, unless the charter is small
                raw = handle.read(_HEAD_BYTES if slim else MAX_ENTRY_BYTES + 1)
                if b"\n" not in raw or not slim:
                    raw += handle.read(MAX_ENTRY_BYTES + 1 - len(raw))
            if len(raw) > MAX_ENTRY_BYTES:
                return None
            return decode(raw, path, key, content, slim)
        except (OSError, ValueError, TypeError, RecursionError, BadEntry):
            return None

    def store(self, result: FileResult, key: str, content: bytes) -> str:
        """Store `result`; returns why it could not be written ("" when it was, or needs not be)."""
        entry = encode(result, key, content)
        if entry is None:
            return ""  # not faithfully storable: linted again next time
        for attempt in range(3):
            try:
                write_atomically(self.directory / _entry_name(result.path), entry)
                return ""
            except (FileNotFoundError, FileExistsError):
                # the run-key directory was being removed by a concurrent run's pruning (made again)
                if attempt < 2:
                    continue
                return ""  # pruned as least recently used: the entry would not be kept anyway
            except OSError as error:
                return f'cache directory "{self.root}" cannot be written: {error.strerror or error}'
        return ""


def open_cache(root: Path, run_key: str) -> ResultCache:
    """The cache under `root` for this run key, its directory created; raises CacheError."""
    cache = ResultCache(root, run_key)
    try:
        _prepare_root(root)
        for attempt in range(3):  # a concurrent run's pruning may remove it between the two calls
            cache.directory.mkdir(exist_ok=True)
            try:
                os.utime(cache.directory)  # the most recently used run keys are the ones kept
                break
            except FileNotFoundError:
                if attempt == 2:
                    raise
    except OSError as error:
        raise CacheError(f'cache directory "{root}" cannot be used: {error.strerror or error}') from None
    prune(root, keep=KEEP_RUNS)
    return cache


def prune(root: Path, keep: int) -> None:
    """Remove all but the `keep` most recently used run-key directories (best effort).

    Runs with other settings may prune the same directory at the same time: an entry that
    vanishes while being looked at is one less to remove, never an error."""
    runs: list[tuple[int, str]] = []
    try:
        with os.scandir(root) as listing:
            for entry in listing:
                used = _last_used(entry)
                if used is not None:
                    runs.append((used, entry.path))
    except OSError:
        return
    if len(runs) <= keep:
        return
    import shutil  # it pulls in bz2 and lzma: only runs that prune pay for them

    runs.sort(reverse=True)
    for _, stale in runs[keep:]:
        shutil.rmtree(stale, ignore_errors=True)


def _last_used(entry: os.DirEntry[str]) -> int | None:
    """When a run-key directory was last used; None for anything else, or one that has vanished."""
    try:
        if not entry.name.startswith(_PREFIX) or not entry.is_dir(follow_symlinks=False):
            return None
        return entry.stat(follow_symlinks=False).st_mtime_ns
    except OSError:  # removed by a concurrent run's pruning
        return None

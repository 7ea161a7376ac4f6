"""One way to write files others read: a temporary file beside each, then a rename.

Reports, baselines, cache entries and the cache's marker files all go through it, so a run
that is interrupted (Ctrl-C, a full disk, a killed worker) never leaves half a file where a
whole one was, and a reader never sees one being written. A set of files (a run's reports) is
staged whole before any is renamed into place, so a full disk leaves the previous set as it was.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

_ATTEMPTS = 100  # temporary names tried before giving up (each taken by a run that crashed)
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)

Content = str | bytes | Iterable[str]  # an iterable of text pieces is written as it comes (a streamed report)


class Staged(NamedTuple):
    """A file written whole under a temporary name beside its target, waiting to be renamed."""

    temporary: Path
    target: Path


def stage(path: str | Path, content: Content, *, make_parents: bool = True, durable: bool = False) -> Staged:
    """Write `content` to a new temporary file beside `path`; nothing at `path` changes yet.

    Text is UTF-8 with the line breaks given. The file gets the permissions a new file gets (0666
    less the umask): a report is for sharing. Missing parent directories are made unless
    `make_parents` is False (reports and baselines: a missing folder is the user's error, and
    making one could follow a link out of the tree). `durable` flushes the data to the disk, so
    a full disk shows here rather than after the rename. OSError (the temporary removed) when it
    cannot be written.
    """
    target = Path(path)
    if make_parents:
        target.parent.mkdir(parents=True, exist_ok=True)
    # os.open, not tempfile: tempfile costs a one-file run several milliseconds to import.
    for attempt in range(_ATTEMPTS):
        temporary = target.with_name(f".{target.name}.{os.getpid()}-{attempt}.tmp")
        try:
            handle = os.open(temporary, _FLAGS, 0o666)
            break
        except FileExistsError:
            continue
    else:
        raise FileExistsError(17, f"no free temporary name beside {target.name}")
    try:
        with os.fdopen(handle, "wb") as stream:
            if isinstance(content, bytes):
                stream.write(content)
            elif isinstance(content, str):
                stream.write(content.encode("utf-8"))
            else:
                for piece in content:
                    stream.write(piece.encode("utf-8"))
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return Staged(temporary, target)


def commit(staged: Staged) -> None:
    """Rename a staged file into place (a link at the target is replaced, not followed)."""
    try:
        os.replace(staged.temporary, staged.target)
    except BaseException:
        discard(staged)
        raise


def discard(staged: Staged) -> None:
    staged.temporary.unlink(missing_ok=True)


def write_atomically(path: str | Path, content: Content, *, make_parents: bool = True) -> None:
    """Write `content` to `path`, whole or not at all (see `stage`). OSError when it cannot."""
    commit(stage(path, content, make_parents=make_parents))


def commit_all(staged: Sequence[Staged]) -> None:
    """Rename every staged file into place; renames need no space, so a staged set lands whole."""
    for index, item in enumerate(staged):
        try:
            commit(item)
        except BaseException:
            for rest in staged[index + 1:]:
                discard(rest)
            raise


def discard_all(staged: Sequence[Staged]) -> None:
    for item in staged:
        discard(item)

"""One way to write a file others read: a temporary file beside it, then a rename.

Reports, baselines, cache entries and the cache's marker files all go through it, so a run
that is interrupted (Ctrl-C, a full disk, a killed worker) never leaves half a file where a
whole one was, and a reader never sees one being written.
"""

from __future__ import annotations

import os
from pathlib import Path

_ATTEMPTS = 100  # temporary names tried before giving up (each taken by a run that crashed)


def write_atomically(path: str | Path, content: str | bytes, *, make_parents: bool = True) -> None:
    """Write `content` (text as UTF-8 with the line breaks given) to `path`, whole or not at all.

    The file gets the permissions a new file gets (0666 less the umask): a report is for
    sharing. Missing parent directories are made unless `make_parents` is False (reports and
    baselines: a missing folder is the user's error, and making one could follow a link out of
    the tree). A symbolic link at `path` is replaced, not followed (the rename replaces the
    link itself). OSError when it cannot be written.
    """
    target = Path(path)
    if make_parents:
        target.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    # os.open, not tempfile: tempfile costs a one-file run several milliseconds to import.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for attempt in range(_ATTEMPTS):
        temporary = target.with_name(f".{target.name}.{os.getpid()}-{attempt}.tmp")
        try:
            handle = os.open(temporary, flags, 0o666)
            break
        except FileExistsError:
            continue
    else:
        raise FileExistsError(17, f"no free temporary name beside {target.name}")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise

"""Read a regular file, at most a limit's worth: the one guard against special files.

A named pipe, a device (/dev/zero, /dev/stdin) or a directory found by a walk, named in a
configuration or given as a baseline would hang a run or read until memory runs out. The file is
opened without blocking (a pipe with no writer opens at once), checked to be a regular file on
the opened descriptor (no race with a swap after a check), and read to one byte over the limit.
"""

from __future__ import annotations

import errno
import os
import stat

_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


MAX_DATA_FILE_BYTES = 1024 * 1024  # charterlint's own files (configuration, packs) are a few kilobytes


class NotRegularFile(OSError):
    """The path is not a regular file; `kind` says what it is ("a named pipe", "a directory" ...)."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"is {kind}, not a regular file")
        self.kind = kind
        self.strerror = f"is {kind}, not a regular file"


def kind_of(mode: int) -> str | None:
    """What a non-regular file is ("a named pipe" ...); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


def read_regular(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """At most `max_bytes + 1` bytes of the regular file `path` (more than `max_bytes`: over the limit).

    NotRegularFile for anything but a regular file; OSError when it cannot be opened or read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        status = os.fstat(descriptor)
        kind = kind_of(status.st_mode)
        if kind is not None:
            raise NotRegularFile(kind)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        chunks: list[bytes] = []
        # Asking for the file's size, not the limit, spares allocating the limit's worth of memory;
        # a file that grew (or says 0, /proc) reads on to the limit.
        wanted = min(status.st_size, max_bytes) + 1
        total = 0
        while total <= max_bytes:
            chunk = os.read(descriptor, min(wanted, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            wanted = max(wanted - len(chunk), 1 << 16)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def read_text(path: str | os.PathLike[str], max_bytes: int = MAX_DATA_FILE_BYTES, too_big: str = "") -> str:
    """The UTF-8 text of the regular file `path`, read as `read_regular` reads it.

    OSError (EFBIG, "over N bytes" and `too_big`) for a file over `max_bytes`; NotRegularFile,
    OSError or UnicodeDecodeError when it cannot be read as text.
    """
    content = read_regular(path, max_bytes)
    if len(content) > max_bytes:
        raise OSError(errno.EFBIG, f"over {max_bytes:,} bytes{too_big}")
    return content.decode("utf-8")

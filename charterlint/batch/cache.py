"""The result cache: `.charterlint_cache/`, one small JSON entry per linted file.

Layout: `<root>/<run key>/<hash of the report path>.json`. The run key (cache_key.py) sums up
everything besides the file that linting depends on; each entry records the file's report
path and a hash of its content (and of the rules `per-file-ignores` turns off for it), and
counts only when both match. So an edited file misses and its entry is rewritten, and a
change of settings, rules, charterlint or date starts a new run-key directory; the oldest
directories are removed past `KEEP_RUNS`. Entries are written atomically (a temporary file,
then a rename); an entry that cannot be read or decoded is a miss, never an error.

A repository cannot make the cache lie or reach outside it (issue 14): the cache directory must
be a real directory, not a link; every entry line carries a MAC made with this machine's key
(`$XDG_CACHE_HOME/charterlint/key`, 32 random bytes, 0600, outside any repository), so an entry
that arrived with the repository, or was edited, is a miss and is linted again; and pruning
removes only run-key directories whose marker this key signed.
"""

from __future__ import annotations

import hashlib
import os
import stat
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
_MARKER = ".charterlint-run"  # in each run-key directory charterlint made: the directory's name, signed
_KEY_BYTES = 32
_MAC_HEX = 64  # an entry starts with one MAC per line (hex), then a line break
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


def machine_key() -> bytes:
    """This user's key on this machine, made on first use: `$XDG_CACHE_HOME/charterlint/key`
    (`~/.cache/charterlint/key`), 0600 in a 0700 directory. OSError when it cannot be had."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    directory = Path(base) / "charterlint"
    path = directory / "key"
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:
        with open(path, "rb") as stream:
            key = stream.read(_KEY_BYTES + 1)
        if len(key) != _KEY_BYTES:
            raise OSError(f'"{path}" is not a charterlint key (delete it to make a new one)') from None
        return key
    key = os.urandom(_KEY_BYTES)
    with os.fdopen(handle, "wb") as stream:
        stream.write(key)
    return key


def _mac(secret: bytes, scope: str, data: bytes) -> bytes:
    """Keyed BLAKE2b, a MAC as HMAC is, from hashlib, which the cache imports anyway (hmac would be
    one more module for a one-file run), and faster. Compared with ==: a repository's file is
    checked by a run whose timing its author cannot watch."""
    digest = hashlib.blake2b(data, digest_size=_MAC_HEX // 2, key=secret, person=scope.encode("ascii")[:16])
    return digest.hexdigest().encode("ascii")


def _real_directory(path: Path) -> None:
    """OSError unless `path` is a directory itself, not a link to one (nor a file)."""
    mode = os.lstat(path).st_mode
    if stat.S_ISLNK(mode):
        raise NotADirectoryError(20, "is a symbolic link: the cache is kept only in a real directory")
    if not stat.S_ISDIR(mode):
        raise NotADirectoryError(20, "is not a directory")


def _prepare_root(root: Path) -> None:
    """Create the cache directory with a .gitignore (`*`) and a CACHEDIR.TAG, as ruff does."""
    if not os.path.lexists(root):
        root.mkdir(parents=True, exist_ok=True)
    _real_directory(root)  # a committed link (to `../..`) must not make charterlint write there
    for name, text in ((".gitignore", _GITIGNORE), ("CACHEDIR.TAG", _CACHEDIR_TAG)):
        if not (root / name).exists():
            write_atomically(root / name, text.encode("ascii"))


@dataclass(frozen=True, slots=True)
class ResultCache:
    """The entries of one run key: `get` what an unchanged file gave, `put` what a file gives."""

    root: Path
    run_key: str
    secret: bytes  # machine_key(): what an entry's MAC is made with

    @property
    def directory(self) -> Path:
        return self.root / f"{_PREFIX}{self.run_key[:32]}"

    def get(self, path: str, key: str, content: bytes, slim: bool = False) -> FileResult | None:
        """The cached result of `path` with this content key, or None (missing, stale or damaged);
        `slim`: see cache_entry.decode."""
        try:
            # not through a link, and never waiting on a named pipe someone put there
            flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
            with open(os.open(self.directory / _entry_name(path), flags), "rb", buffering=0) as handle:
                # slim: the first line (findings) is all it needs, unless the charter is small
                raw = handle.read(_HEAD_BYTES if slim else MAX_ENTRY_BYTES + 1)
                if raw.count(b"\n") < 2 or not slim:
                    raw += handle.read(MAX_ENTRY_BYTES + 1 - len(raw))
            if len(raw) > MAX_ENTRY_BYTES:
                return None
            return decode(self._verified(raw, slim), path, key, content, slim)
        except (OSError, ValueError, TypeError, RecursionError, BadEntry):
            return None

    def _verified(self, raw: bytes, slim: bool) -> bytes:
        """The entry without its MACs; BadEntry unless they are this machine's for its lines
        (the second line, the charter, only when the run reads it)."""
        macs, _, entry = raw.partition(b"\n")
        head, _, data = entry.partition(b"\n")
        if len(macs) != 2 * _MAC_HEX + 1 or macs[:_MAC_HEX] != self._mac(head):
            raise BadEntry("not signed with this machine's key")
        if not slim and macs[_MAC_HEX + 1:] != self._mac(data):
            raise BadEntry("not signed with this machine's key")
        return entry

    def _mac(self, line: bytes) -> bytes:
        return _mac(self.secret, "entry", self.run_key.encode("ascii") + b"\0" + line)

    def store(self, result: FileResult, key: str, content: bytes) -> str:
        """Store `result`; returns why it could not be written ("" when it was, or needs not be)."""
        encoded = encode(result, key, content)
        if encoded is None:
            return ""  # not faithfully storable: linted again next time
        head, _, data = encoded.partition(b"\n")
        entry = b"".join((self._mac(head), b" ", self._mac(data), b"\n", encoded))
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


def open_cache(root: Path, run_key: str, secret: bytes | None = None) -> ResultCache:
    """The cache under `root` for this run key, its directory created; raises CacheError.

    `secret`: the key entries are signed with (default: machine_key())."""
    try:
        cache = ResultCache(root, run_key, machine_key() if secret is None else secret)
    except OSError as error:
        raise CacheError(f"charterlint's key for its cache cannot be read or made: {error.strerror or error}") from None
    try:
        _prepare_root(root)
        for attempt in range(3):  # a concurrent run's pruning may remove it between the two calls
            cache.directory.mkdir(exist_ok=True)
            try:
                _real_directory(cache.directory)  # a committed link named like a run key
                os.utime(cache.directory)  # the most recently used run keys are the ones kept
                _mark(cache.directory, cache.secret)
                break
            except FileNotFoundError:
                if attempt == 2:
                    raise
    except NotADirectoryError as error:
        raise CacheError(f'cache directory "{root}" {error.strerror}') from None
    except OSError as error:
        raise CacheError(f'cache directory "{root}" cannot be used: {error.strerror or error}') from None
    prune(root, keep=KEEP_RUNS, secret=cache.secret)
    return cache


def _signature(directory: str, secret: bytes) -> bytes:
    return _mac(secret, "run", os.path.basename(directory).encode("utf-8", "surrogateescape"))


def _mark(directory: Path, secret: bytes) -> None:
    """Sign the run-key directory as charterlint's (what pruning looks for)."""
    marker = directory / _MARKER
    if not _marked(str(directory), secret):
        write_atomically(marker, _signature(str(directory), secret))


def _marked(directory: str, secret: bytes) -> bool:
    """Whether charterlint made `directory` with this key."""
    try:
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        with open(os.open(os.path.join(directory, _MARKER), flags), "rb") as stream:
            return stream.read(_MAC_HEX + 1) == _signature(directory, secret)
    except OSError:
        return False


def prune(root: Path, keep: int, secret: bytes | None = None) -> None:
    """Remove all but the `keep` most recently used run-key directories (best effort).

    Only directories charterlint made with this key (`secret`, default machine_key()) count and
    are removed: nothing else in the directory, and nothing a repository committed there. Runs
    with other settings may prune the same directory at the same time: an entry that vanishes
    while being looked at is one less to remove, never an error."""
    try:
        secret = machine_key() if secret is None else secret
    except OSError:
        return
    runs: list[tuple[int, str]] = []
    try:
        with os.scandir(root) as listing:
            for entry in listing:
                used = _last_used(entry)
                if used is not None and _marked(entry.path, secret):
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

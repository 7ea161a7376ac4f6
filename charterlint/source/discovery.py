"""Find the charter files a run lints: explicit files always, directories by file name."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

CHARTER_PATTERNS = ("*.charter.yaml", "*.charter.yml", "*.charter.json", "*.charter.md")
SKIPPED_DIRECTORIES = frozenset({
    "node_modules", "__pycache__", "venv", "site-packages", "build", "dist",
})


@dataclass(frozen=True, slots=True)
class Target:
    """A file to lint: where it is, and how reports name it."""

    path: Path
    display: str


@dataclass(frozen=True, slots=True)
class Discovery:
    targets: tuple[Target, ...]
    missing: tuple[str, ...]  # paths given that do not exist
    unreadable: tuple[Target, ...]  # directories that could not be listed
    outside: tuple[Target, ...] = ()  # file links a walk found that lead out of the folder walked (not read)


def is_charter_name(name: str) -> bool:
    lowered = name.lower()
    return any(fnmatch.fnmatchcase(lowered, pattern) for pattern in CHARTER_PATTERNS)


def display_path(path: Path, root: Path) -> str:
    """Relative to `root` with POSIX separators when inside it, else as absolute POSIX."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return absolute.as_posix()


def _skip_directory(name: str) -> bool:
    return name.startswith(".") or name in SKIPPED_DIRECTORIES


def _listing(directory: str) -> tuple[list[str], list[str]]:
    """The names in `directory`: (directories, the rest), sorted, as os.walk tells them apart
    (a link to a directory is a directory). OSError when it cannot be listed."""
    directories: list[str] = []
    names: list[str] = []
    with os.scandir(directory) as entries:
        for entry in entries:
            try:
                is_directory = entry.is_dir()
            except OSError:
                is_directory = False
            (directories if is_directory else names).append(entry.name)
    return sorted(directories), sorted(names)


def within(real: str, top: Path) -> bool:
    """Whether the resolved path `real` is `top` or below it, links in `top`'s own path followed."""
    tree = os.path.realpath(top)
    return os.path.commonpath([real, tree]) == tree


def leaves_tree(path: Path, top: Path) -> bool:
    """Whether `path`, found walking `top`, is a symbolic link whose target (followed to its end,
    dangling or not) lies outside `top`: a committed link to a secret or a device is not read."""
    return os.path.islink(path) and not within(os.path.realpath(path), top)


def _walk(directory: Path, root: Path, unreadable: list[Target]) -> Iterator[Target]:
    """Charter files below `directory`, depth first in sorted order; symbolic links to directories
    are not followed. A stack, not os.walk: os.walk recurses (before Python 3.12), and a tree about
    1,000 directories deep would raise RecursionError."""
    stack = [os.fspath(directory)]
    while stack:
        current = stack.pop()
        try:
            directories, names = _listing(current)
        except OSError as error:
            failed = Path(error.filename) if error.filename else Path(current)
            unreadable.append(Target(failed, display_path(failed, root)))
            continue
        for name in names:
            if is_charter_name(name):
                path = Path(current) / name
                yield Target(path, display_path(path, root))
        below = (os.path.join(current, name) for name in directories if not _skip_directory(name))
        stack.extend(reversed([path for path in below if not os.path.islink(path)]))


def discover(paths: Sequence[str], root: Path) -> Discovery:
    """The files to lint for `paths` (de-duplicated, in sorted display order)."""
    found: dict[str, Target] = {}
    missing: list[str] = []
    unreadable: list[Target] = []
    outside: dict[str, Target] = {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for target in _walk(path, root, unreadable):
                if leaves_tree(target.path, path):
                    outside.setdefault(target.display, target)
                else:
                    found.setdefault(target.display, target)
        elif path.exists() or path.is_symlink():
            target = Target(path, display_path(path, root))
            found.setdefault(target.display, target)
        else:
            missing.append(given)
    targets = tuple(sorted(found.values(), key=lambda t: t.display))
    skipped = tuple(sorted((t for d, t in outside.items() if d not in found), key=lambda t: t.display))
    return Discovery(targets, tuple(missing), tuple(unreadable), skipped)

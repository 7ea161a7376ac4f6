"""The base versions of charters from git: `git` run with argument lists, never through a shell.

A revision is resolved to a commit once (`rev-parse --verify --end-of-options REF^{commit}`), so
a value such as `--output=/tmp/x` is never taken for an option; everything after that names the
commit by its hash. Renames are what `git diff -M` detects between that commit and the working
tree; a blob is read only when its size is within the run's limit (`max-bytes`).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# Git must not page, prompt, translate or read the user's diff drivers into what we parse.
_ENV = {"GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0"}


class GitError(Exception):
    """Git is missing, the folder is no repository, or the revision names no commit."""


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed from the base commit to the working tree, by path relative to the repository."""

    renamed: dict[str, str]  # new path -> old path
    deleted: tuple[str, ...]


def _git(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False,
                              env={**os.environ, **_ENV}, stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH): --base needs it") from None
    except OSError as error:
        raise GitError(f"git cannot be run: {error.strerror or error}") from None
    if check and done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(reason[-1] if reason else f"git {args[0]} failed")
    return done


def repository_root(folder: Path) -> Path:
    """The top folder of the repository `folder` is in."""
    done = _git(folder, "rev-parse", "--show-toplevel", check=False)
    if done.returncode != 0:
        raise GitError(f'"{folder}" is not inside a git repository (--base compares with a git revision;'
                       " to compare two files, give them: charterlint diff OLD NEW)")
    return Path(os.fsdecode(done.stdout.rstrip(b"\n")))


def resolve_commit(root: Path, ref: str) -> str:
    """The full hash of the commit `ref` names; GitError when it names none."""
    if not ref or ref.startswith("-") or "\0" in ref:
        raise GitError(f'--base "{ref}" is not a revision: give a branch, tag or commit (such as origin/main)')
    done = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}", check=False)
    if done.returncode != 0:
        raise GitError(f'--base "{ref}" names no commit in this repository (fetch it first: actions/checkout'
                       " needs fetch-depth: 0)")
    return done.stdout.decode("ascii", "replace").strip()


def changes(root: Path, commit: str) -> Changes:
    """Renames and deletions from `commit` to the working tree (tracked files)."""
    done = _git(root, "diff", "--no-ext-diff", "--no-textconv", "--no-color", "-M", "--name-status", "-z",
                commit, "--")
    fields = [os.fsdecode(part) for part in done.stdout.split(b"\0")]
    renamed: dict[str, str] = {}
    deleted: list[str] = []
    index = 0
    while index < len(fields) and fields[index]:
        status = fields[index]
        if status.startswith(("R", "C")):
            if status.startswith("R"):
                renamed[fields[index + 2]] = fields[index + 1]
            index += 3
            continue
        if status == "D":
            deleted.append(fields[index + 1])
        index += 2
    return Changes(renamed, tuple(deleted))


@dataclass(frozen=True, slots=True)
class TooLarge:
    size: int


Blob = bytes | TooLarge | None  # None: no such file in the commit


def read_blob(root: Path, commit: str, path: str, max_bytes: int) -> Blob:
    """The file at `path` (relative to the repository, POSIX) in `commit`; None when it has none."""
    return read_blobs(root, commit, [path], max_bytes)[path]


def read_blobs(root: Path, commit: str, paths: Sequence[str], max_bytes: int) -> dict[str, Blob]:
    """The files at `paths` in `commit`, with two git processes for all of them: `cat-file
    --batch-check` for each one's kind and size, then `--batch` for the blobs within the limit.
    (The batch protocol is line-based: a path with a line break in it is asked for alone.)"""
    found: dict[str, Blob] = {}
    listed = [path for path in dict.fromkeys(paths) if "\n" not in path and "\r" not in path]
    sizes = _batch(root, "--batch-check", [f"{commit}:{path}" for path in listed])
    wanted = []
    for path, header in zip(listed, sizes):
        kind, size = header
        if kind != "blob":
            found[path] = None
        elif size > max_bytes:
            found[path] = TooLarge(size)
        else:
            wanted.append(path)
    contents = _contents(root, [f"{commit}:{path}" for path in wanted])
    found.update(zip(wanted, contents))
    for path in paths:
        if path not in found:  # a line break in its name
            found[path] = _one_blob(root, commit, path, max_bytes)
    return found


def _batch(root: Path, mode: str, specs: Sequence[str]) -> list[tuple[str, int]]:
    """(kind, size) of each spec, ("missing", 0) for one that names nothing."""
    if not specs:
        return []
    done = _git_input(root, ["cat-file", mode], "".join(spec + "\n" for spec in specs).encode())
    headers = []
    for line in done.splitlines():
        parts = line.rsplit(b" ", 2)
        if len(parts) == 3 and parts[2].isdigit():
            headers.append((parts[1].decode("ascii", "replace"), int(parts[2])))
        else:  # "<spec> missing" or "ambiguous"
            headers.append(("missing", 0))
    return headers


def _contents(root: Path, specs: Sequence[str]) -> list[bytes]:
    """The content of each spec (all blobs, known to exist), read from one `cat-file --batch`."""
    if not specs:
        return []
    out = _git_input(root, ["cat-file", "--batch"], "".join(spec + "\n" for spec in specs).encode())
    contents, offset = [], 0
    for _ in specs:
        end = out.index(b"\n", offset)
        size = int(out[offset:end].rsplit(b" ", 1)[1])
        contents.append(out[end + 1:end + 1 + size])
        offset = end + 1 + size + 1  # the content, then a line break
    return contents


def _git_input(root: Path, args: list[str], data: bytes) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], input=data, capture_output=True, check=False,
                              env={**os.environ, **_ENV})
    except OSError as error:
        raise GitError(f"git cannot be run: {error.strerror or error}") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(reason[-1] if reason else f"git {args[0]} failed")
    return done.stdout


def _one_blob(root: Path, commit: str, path: str, max_bytes: int) -> Blob:
    spec = f"{commit}:{path}"
    done = _git(root, "cat-file", "-s", spec, check=False)
    if done.returncode != 0:
        return None
    size = int(done.stdout.strip() or 0)
    if size > max_bytes:
        return TooLarge(size)
    if _git(root, "cat-file", "-t", spec).stdout.strip() != b"blob":
        return None
    return _git(root, "cat-file", "blob", spec).stdout


def relative_to_repository(path: Path, root: Path) -> str | None:
    """`path` relative to the repository as git names it (POSIX), None when it is outside."""
    real, top = os.path.realpath(path), os.path.realpath(root)
    if os.path.commonpath([real, top]) != top:
        return None
    return PurePosixPath(*Path(os.path.relpath(real, top)).parts).as_posix()


def under(path: str, prefixes: Sequence[str]) -> bool:
    """Whether a repository path lies at or below one of `prefixes` ("" or "." is the whole repository)."""
    return any(prefix in ("", ".") or path == prefix or path.startswith(prefix.rstrip("/") + "/")
               for prefix in prefixes)

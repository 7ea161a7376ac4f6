"""Lint files into results: reads each file once, never stops at a bad one.

This is the work of one process, one file at a time; batch.py runs it over a whole run, with
the cache and worker processes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from charterlint import __version__
from charterlint.batch.cache_entry import packed
from charterlint.engine.lint import crash_finding, failure, lint_bytes
from charterlint.engine.settings import LintSettings
from charterlint.model import FileResult, Report
from charterlint.source.discovery import Target
from charterlint.source.regular import NotRegularFile, read_regular

if TYPE_CHECKING:
    from charterlint.batch.cache import ResultCache


@dataclass(frozen=True, slots=True)
class Work:
    """One file to lint: where it is, how reports name it, and its content and cache key if read."""

    target: Target
    content: bytes | None = None
    key: str = ""  # the content key its result is cached under (cache.content_key)


@dataclass(frozen=True, slots=True)
class Task:
    """What every file of a run is linted with, in this process or in a worker."""

    settings: LintSettings
    cache: ResultCache | None = None  # where results are stored (Work with content and key)
    slim: bool = False  # results leave out what no reporter of the run shows (see `kept`)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What linting one file gave: a result, or why charterlint crashed on it (result None)."""

    result: FileResult | None
    crash: str = ""
    cache_problem: str = ""  # why the result could not be cached


def read_bytes(target: Target, max_bytes: int) -> bytes | str:
    """The file's content, or a message saying why it cannot be read.

    Reads at most one byte over the limit, so a huge file costs nothing to refuse; reads only
    regular files, so a named pipe or a device (/dev/zero, /dev/stdin) never hangs a run.
    """
    try:
        return read_regular(target.path, max_bytes)
    except NotRegularFile as error:
        return "is a directory, not a charter file" if error.kind == "a directory" else str(error)
    except IsADirectoryError:
        return "is a directory, not a charter file"
    except PermissionError:
        return "cannot be read: permission denied"
    except FileNotFoundError:
        if os.path.islink(target.path):
            return "is a broken symbolic link"
        return "vanished before it could be read"
    except OSError as error:
        return f"cannot be read: {error.strerror or error}"


def read_target(target: Target, settings: LintSettings) -> bytes | FileResult:
    """The file's content, or the CH001 result of a file that cannot be read or is too big."""
    content = read_bytes(target, settings.limits.max_bytes)
    if isinstance(content, str):
        return failure(target.display, f"file {content}", settings)
    if len(content) > settings.limits.max_bytes:
        size = os.path.getsize(target.path) if os.path.exists(target.path) else len(content)
        return failure(
            target.display,
            f"file is {size:,} bytes, over the limit of {settings.limits.max_bytes:,} (limit max-bytes)",
            settings,
        )
    return content


def lint_work(work: Work, task: Task) -> Outcome:
    """Lint one file and cache its result; an exception that escapes the linter (MemoryError,
    a bug) is a crash on this file."""
    try:
        # One path from bytes to result: the content the cache lookup read, else read here (a worker
        # reads its own files, so reading is parallel too).
        content = read_target(work.target, task.settings) if work.content is None else work.content
        result = content if isinstance(content, FileResult) else lint_bytes(work.target.display, content,
                                                                             task.settings)
    except Exception as error:  # noqa: BLE001 - reported as a crash on this file, the run goes on
        return Outcome(None, f"charterlint crashed while linting it: {type(error).__name__}: {error}")
    problem = ""
    if task.cache is not None and work.content is not None and work.key:
        data = packed(result.data)  # serialised once: the entry stores these bytes, the run keeps them
        result = result if data is result.data else replace(result, data=data)
        problem = task.cache.store(result, work.key, work.content)
    return Outcome(kept(result, task.slim), "", problem)


def kept(result: FileResult, slim: bool) -> FileResult:
    """What the run keeps of a result until its reports are written: of the source, only the lines
    findings point at (the others empty: excerpts are all reporters show of it); the parsed charter
    (html, matrix) packed as compact JSON, or dropped when `slim` (no output shows it). Large runs
    keep far less in memory, and worker processes send far less back."""
    lines = _lines_shown(result)
    data = None if slim else packed(result.data)
    if data is result.data and lines == result.source_lines:
        return result
    return replace(result, data=data, source_lines=lines)


def _lines_shown(result: FileResult) -> tuple[str, ...]:
    """The source lines with only those a finding starts on kept ("" is one shared object)."""
    if not result.findings:
        return ()
    shown = {finding.span.start.line for finding in result.findings}
    if len(shown) >= len(result.source_lines):
        return result.source_lines
    return tuple(line if number in shown else "" for number, line in enumerate(result.source_lines, 1))


def crashed(path: str, reason: str, settings: LintSettings) -> FileResult:
    """The result of a file charterlint crashed on: a finding of the rule that reports crashes
    (CH000, internal-error) when it is enabled."""
    finding = crash_finding(path, reason, settings.for_file(path))
    return FileResult(path, (finding,) if finding is not None else (), parsed=False)


def report(files: tuple[FileResult, ...], settings: LintSettings) -> Report:
    """The report of these results: the enabled rules' descriptions and charterlint's version."""
    rules = tuple(active.info() for active in settings.rules.values())
    return Report(files, rules, __version__)

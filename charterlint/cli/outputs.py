"""Where a run's reports go: `--format NAME[:PATH]` parsed and checked, reports written.

Every report goes to standard output or, through the one atomic writer, to its file; the
GitHub job summary gets the findings past the annotation cap.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, Any

import click

from charterlint.atomic import Content, Staged, commit, commit_all, discard_all, stage
from charterlint.exits import SignalsHeld
from charterlint.model import Report
from charterlint.reporters import RenderOptions, Reporter
from charterlint.reporters.inert import inert

# Formats that show each charter's content (FileResult.data); without them results drop it (batch.work.kept).
SHOWS_CONTENT = frozenset({"html"})
# Formats that are one document each: two of them on standard output would be unreadable.
_DOCUMENT_FORMATS = frozenset({"json", "sarif", "junit", "html"})


@dataclass(frozen=True, slots=True)
class OutputSpec:
    name: str
    path: str | None  # None: standard output


class OutputError(Exception):
    """A report or baseline that cannot be written: names the file and why."""


def expand_auto(specs: Sequence[str], github_actions: bool) -> list[str]:
    """`auto` is `text`, plus `github` annotations when running in GitHub Actions."""
    expanded: list[str] = []
    for spec in specs:
        if spec == "auto":
            expanded += ["text", "github"] if github_actions else ["text"]
        elif spec.startswith("auto:"):
            raise click.UsageError('format "auto" writes to standard output: it takes no path')
        else:
            expanded.append(spec)
    return expanded


def parse_formats(specs: Sequence[str], known: Sequence[str],
                  documents: frozenset[str] = _DOCUMENT_FORMATS) -> list[OutputSpec]:
    """`NAME[:PATH]` specs as outputs; click.UsageError for an unknown name or clashing destinations.

    `documents` are the formats that are one document each (at most one on standard output)."""
    outputs = []
    for spec in specs:
        name, _, path = spec.partition(":")
        if name not in known:
            raise click.UsageError(f'unknown format "{name}": expected one of {", ".join(known)}')
        outputs.append(OutputSpec(name, None if path in ("", "-") else path))  # "-": standard output
    _check_destinations(outputs, documents)
    return outputs


def _check_destinations(outputs: Sequence[OutputSpec], documents: frozenset[str]) -> None:
    """Refuse outputs that would overwrite each other or mix documents on standard output."""
    on_stdout = [o.name for o in outputs if o.path is None]
    if len(on_stdout) > 1 and documents & set(on_stdout):
        document = sorted(documents & set(on_stdout))[0]
        raise click.UsageError(f"formats {', '.join(on_stdout)} would all go to standard output:"
                               f" give the document formats a file (e.g. --format {document}:PATH)")
    paths = [os.path.abspath(o.path) for o in outputs if o.path is not None]
    if len(paths) != len(set(paths)):
        raise click.UsageError("two --format outputs name the same file: give each its own")


def write_output(path: str, content: str) -> None:
    """Write a report or baseline; OutputError (naming the file) when it cannot be written.

    A symbolic link at `path` is replaced by the report, never written through (a committed link
    would otherwise let a repository overwrite a file outside it), and a folder link inside the
    working directory is refused; special files the user names (/dev/stdout, /dev/null, a named
    pipe, or a link to one) are written to. Missing folders are an error, not made.
    """
    if _is_special(os.path.abspath(path)):
        _write_special(path, content)
    else:
        commit(_stage_output(path, content))


def _write_special(path: str, content: str | Iterable[str]) -> None:
    try:
        with open(os.path.abspath(path), "w", encoding="utf-8", newline="\n") as stream:  # /dev/stdout, a pipe
            stream.writelines([content] if isinstance(content, str) else content)
    except OSError as error:
        raise OutputError(f'cannot write "{path}": {error.strerror or error}') from None


def _stage_output(path: str, content: Content) -> Staged:
    """The report written whole beside `path` (not yet in place); OutputError naming the file."""
    try:
        absolute = os.path.abspath(path)
        if os.path.isdir(absolute) and not os.path.islink(absolute):
            raise IsADirectoryError(21, "is a directory")
        folder = os.path.dirname(absolute)
        refuse_folder_links(folder)
        if not os.path.isdir(folder):
            shown = os.path.dirname(path) or "."
            if os.path.lexists(folder):
                raise NotADirectoryError(20, f'"{shown}" is not a folder')
            raise FileNotFoundError(2, f'folder "{shown}" does not exist (create it first)')
        return stage(absolute, content, make_parents=False, durable=True)
    except OSError as error:
        raise OutputError(f'cannot write "{path}": {error.strerror or error}') from None


def refuse_folder_links(folder: str) -> None:
    """Refuse a folder link below the working directory: a repository could have committed one
    pointing anywhere. Folders above it (or elsewhere, named absolutely) are the user's own.
    (Reports, rendered pages and imported drafts alike: NotADirectoryError saying which link.)"""
    here = os.getcwd()
    relative = os.path.relpath(folder, here)
    if relative == "." or relative.startswith(os.pardir):
        return
    current = here
    for part in relative.split(os.sep):
        current = os.path.join(current, part)
        if os.path.islink(current):
            raise NotADirectoryError(20, f'folder "{os.path.relpath(current, here)}" is a symbolic link, which'
                                         " charterlint does not write through (name the real folder)")


def _is_special(absolute: str) -> bool:
    """Whether `absolute` is written through rather than replaced: a path under /dev or /proc (the
    system's, never a repository's), or an existing character device or named pipe, or a link to
    one (the only links followed)."""
    if absolute.startswith(("/dev/", "/proc/")):
        return True
    try:
        mode = os.stat(absolute).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def append_step_summary(report: Report, outputs: Sequence[OutputSpec]) -> None:
    """Findings past GitHub's annotation cap go to the job summary, when there is one."""
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary_path or not any(output.name == "github" for output in outputs):
        return
    from charterlint.reporters.github import step_summary  # only GitHub runs need it

    markdown = step_summary(report)
    if markdown:
        with open(summary_path, "a", encoding="utf-8", newline="\n") as stream:
            stream.write(markdown)


# What `wrote ... to PATH` calls each format's file (a run whose only output is files says where they went).
REPORT_NAMES = {"text": "text report", "json": "JSON report", "sarif": "SARIF report", "github": "GitHub annotations",
                "junit": "JUnit report", "html": "HTML report"}


@dataclass(frozen=True, slots=True)
class Rendered:
    """One output, rendered: where it goes, its text, and whether that text is coloured."""

    output: OutputSpec
    content: str | Iterable[str]  # pieces of a streamed report, written as they come
    color: bool = False


def write_reports(report: Report, outputs: Sequence[OutputSpec], renderers: Mapping[str, Reporter],
                  options: RenderOptions, color_for: Callable[[IO[Any]], bool]) -> None:
    """Render the report in each format and write it; `options.color` applies to standard output only.

    All or none: see `write_rendered`."""
    step_summary = bool(os.environ.get("GITHUB_STEP_SUMMARY")) and any(output.name == "github" for output in outputs)
    contents = []
    for output in outputs:
        color = output.path is None and color_for(sys.stdout)
        rendered = RenderOptions(color=color, quiet=options.quiet, statistics=options.statistics,
                                 today=options.today, review_period=options.review_period, step_summary=step_summary)
        contents.append(Rendered(output, renderers[output.name](report, rendered), color))
    write_rendered(contents, REPORT_NAMES, quiet=options.quiet)
    append_step_summary(report, outputs)


def _batched(content: str | Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """A streamed report in pieces of about `size` characters (click.echo flushes every call)."""
    if isinstance(content, str):
        yield content
        return
    batch: list[str] = []
    length = 0
    for piece in content:
        batch.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(batch)
            batch, length = [], 0
    if batch:
        yield "".join(batch)


def write_rendered(contents: Sequence[Rendered], names: Mapping[str, str], *, quiet: bool = False) -> None:
    """Write rendered outputs: files first, then standard output and special files.

    All or none: every file is written whole under a temporary name beside its target (a
    streamed report as it is made) before any is renamed into place, so a failure, a full disk or
    Ctrl-C until then leaves the previous run's reports as they were; SIGINT/SIGTERM wait while
    the renames run (the run then stops, exit 130/143, with the whole set in place). Standard output and special files (a pipe may block) come after,
    interruptible. When nothing went to standard output, a line on standard error says where
    each file went (`wrote SARIF report to out.sarif`, by `names`), so a run is never silent
    about its result; standard output stays clean for piping, and `quiet` leaves the line out.
    """
    special = [rendered.output.path is None or _is_special(os.path.abspath(rendered.output.path))
               for rendered in contents]
    staged: list[Staged] = []
    try:  # every report file written whole beside its target before any is put in place
        for rendered, through in zip(contents, special):
            if not through and rendered.output.path is not None:
                staged.append(_stage_output(rendered.output.path, rendered.content))
    except BaseException:
        discard_all(staged)
        raise
    with SignalsHeld():
        commit_all(staged)
    for rendered, through in zip(contents, special):
        if rendered.output.path is None:
            for piece in _batched(rendered.content):
                click.echo(piece, nl=False, color=rendered.color)
        elif through:
            _write_special(rendered.output.path, rendered.content)
    if quiet or any(rendered.output.path is None for rendered in contents):
        return
    for rendered, through in zip(contents, special):
        if not through and rendered.output.path is not None:
            name = names.get(rendered.output.name, f"{rendered.output.name} report")
            click.echo(f"wrote {name} to {inert(rendered.output.path)}", err=True)

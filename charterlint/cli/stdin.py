"""`charterlint check -`: lint a charter read from standard input, as editors and scripts do.

The input is reported under `--stdin-filename` (relative to the current directory, like any
file) or as `-`; its kind comes from that name's suffix, else from its content (front matter:
Markdown, `{`: JSON, else YAML).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

import click

from charterlint.engine.lint import failure, lint_bytes
from charterlint.engine.settings import LintSettings
from charterlint.model import FileResult, Report
from charterlint.source.discovery import display_path

STDIN = "-"


def stdin_paths(paths: Sequence[str], stdin_filename: str | None) -> tuple[tuple[str, ...], bool]:
    """The paths to discover, and whether standard input (`-`) is linted too."""
    if stdin_filename is not None and STDIN not in paths:
        raise click.UsageError('--stdin-filename names standard input: add "-" to the paths')
    return tuple(path for path in paths if path != STDIN), STDIN in paths


def stdin_refusal(command: str, paths: Sequence[str]) -> str | None:
    """Why `command`, which reads only files, does not take `-` among `paths`; None when `-` is not there.

    Without it, `-` was looked for as a file and reported as a path that does not exist.
    """
    if STDIN not in paths:
        return None
    return (f'charterlint {command} does not read standard input ("-"): name the file (a file called "-" is'
            ' ./-); only check reads a charter from standard input')


def stdin_display(stdin_filename: str | None, root: Path) -> str:
    """How reports name standard input: the given name as a relative POSIX path, else `-`."""
    if not stdin_filename:
        return STDIN
    return display_path(Path(stdin_filename), root)


def lint_stdin(display: str, stream: BinaryIO | None, settings: LintSettings) -> FileResult:
    """Read the stream (at most one byte over the limit) and lint it under `display`."""
    limit = settings.limits.max_bytes
    raw = stream.read(limit + 1) if stream is not None else b""
    if len(raw) > limit:
        return failure(display, f"standard input is over the limit of {limit:,} bytes (limit max-bytes)", settings)
    return lint_bytes(display, raw, settings)


def with_result(report: Report, result: FileResult) -> Report:
    """The report with one more file, kept in path order."""
    files = tuple(sorted((*report.files, result), key=lambda r: r.path))
    return dataclasses.replace(report, files=files)

"""`charterlint matrix`: lint the charters as `check` does, print or write their coverage matrices.

The matrix is a view, not a gate: the exit code is 0 when every file parsed, 1 when some file
could not be read or parsed (it has no matrix), 2 for a usage or configuration error or a
path that does not exist. `charterlint check` decides whether findings fail a build.

The text format fits the terminal: `$COLUMNS` when set, else the terminal's width when standard
output is one, else 80 columns; a text file gets `$COLUMNS` or 80.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from typing import IO, Any

import click

from charterlint.cli.check import find_targets, lint_files
from charterlint.cli.outputs import OutputError, OutputSpec, Rendered, parse_formats, write_rendered
from charterlint.cli.request import CheckRequest, build_settings, with_file_ignores
from charterlint.config.resolve import ConfigError
from charterlint.engine.settings import review_period
from charterlint.exits import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE
from charterlint.model import Report
from charterlint.reporters import RenderOptions, reporters
from charterlint.reporters.inert import inert

FORMATS = ("text", "markdown", "csv")
DEFAULT_WIDTH = 80
# What `wrote ... to PATH` calls each format's file.
NAMES = {"text": "coverage matrix", "markdown": "Markdown coverage matrix", "csv": "CSV coverage matrix"}


def output_width(stream: IO[Any] | None) -> int:
    """The columns text may use: $COLUMNS when it is a positive number, else the width of `stream`
    when it is a terminal, else 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if stream is not None and getattr(stream, "isatty", lambda: False)():
        try:
            return os.get_terminal_size(stream.fileno()).columns or DEFAULT_WIDTH
        except (OSError, ValueError):
            pass
    return DEFAULT_WIDTH


def _render(report: Report, output: OutputSpec, options: RenderOptions) -> str:
    # lazy: each format's module is imported only when asked for
    if output.name == "markdown":
        from charterlint.reporters import matrix_markdown

        return matrix_markdown.render(report, options)
    if output.name == "csv":
        from charterlint.reporters import matrix_csv

        return matrix_csv.render(report, options)
    from charterlint.reporters import matrix

    return matrix.render(report, options, output_width(sys.stdout if output.path is None else None))


def run_matrix(paths: Sequence[str], *, today: dt.date | None, preset: str | None, config: str | None,
               isolated: bool, formats: Sequence[str], color_for: Callable[[IO[Any]], bool]) -> int:
    outputs = parse_formats(formats, FORMATS, documents=frozenset(FORMATS))
    request = CheckRequest(paths=paths, formats=(), color_choice="auto", quiet=False, statistics=False,
                           today=today, preset=preset, select=None, extend_select=(), ignore=(), fail_on=None,
                           exit_zero=False, config=config, isolated=isolated, lints=False)
    try:
        settings_config, settings = build_settings(request, [*reporters(), "auto"])
    except ConfigError as error:
        click.echo(f"charterlint: error: {inert(str(error))}", err=True)
        return EXIT_USAGE
    discovery, targets = find_targets(paths, settings_config, False)
    settings = with_file_ignores(settings, settings_config, targets, None)
    run = lint_files(request, settings_config, settings, targets, discovery.unreadable, None, slim=False)
    report = run.report
    contents = []
    for output in outputs:
        color = output.name == "text" and output.path is None and color_for(sys.stdout)
        options = RenderOptions(color=color, today=settings.today, review_period=review_period(settings.rules))
        contents.append(Rendered(output, _render(report, output, options), color))
    try:
        write_rendered(contents, NAMES)
    except OutputError as error:
        click.echo(f"charterlint: error: {inert(str(error))}", err=True)
        return EXIT_USAGE
    if discovery.missing or run.crashes:
        return EXIT_USAGE
    return EXIT_FINDINGS if any(result.data is None for result in report.files) else EXIT_CLEAN

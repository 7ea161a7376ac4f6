"""`charterlint matrix`: lint the charters as `check` does, print their coverage matrices.

The matrix is a view, not a gate: the exit code is 0 when every file parsed, 1 when some file
could not be read or parsed (it has no matrix), 2 for a usage or configuration error or a
path that does not exist. `charterlint check` decides whether findings fail a build.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Sequence
from typing import IO, Any

import click

from charterlint.cli.check import find_targets, lint_files
from charterlint.cli.request import CheckRequest, build_settings, with_file_ignores
from charterlint.config.resolve import ConfigError
from charterlint.engine.settings import review_period
from charterlint.exits import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE
from charterlint.reporters import RenderOptions, reporters
from charterlint.reporters.inert import inert
from charterlint.reporters.matrix import render


def run_matrix(paths: Sequence[str], *, today: dt.date | None, preset: str | None, config: str | None,
               isolated: bool, color_for: Callable[[IO[Any]], bool]) -> int:
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
    color = color_for(sys.stdout)
    options = RenderOptions(color=color, today=settings.today, review_period=review_period(settings.rules))
    click.echo(render(report, options), nl=False, color=color)
    if discovery.missing or run.crashes:
        return EXIT_USAGE
    return EXIT_FINDINGS if any(result.data is None for result in report.files) else EXIT_CLEAN

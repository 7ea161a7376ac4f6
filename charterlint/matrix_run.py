"""`charterlint matrix`: lint the charters as `check` does, print their coverage matrices.

The matrix is a view, not a gate: the exit code is 0 when every file parsed, 1 when some file
could not be read or parsed (it has no matrix), 2 for a usage or configuration error or a
path that does not exist. `charterlint check` decides whether findings fail a build.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

import click

from charterlint.batch import lint_run
from charterlint.config import ConfigError
from charterlint.configure import lintable
from charterlint.files import discover
from charterlint.linter import failure
from charterlint.model import Report
from charterlint.reporters import RenderOptions, reporters
from charterlint.reporters.matrix import render
from charterlint.review_status import review_period
from charterlint.plan import make_plan
from charterlint.run import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, CheckRequest, build_settings, with_file_ignores


def run_matrix(paths: Sequence[str], *, today: dt.date | None, preset: str | None, config: str | None,
               isolated: bool, color_for: Callable[[IO[Any]], bool]) -> int:
    request = CheckRequest(paths=paths, formats=(), color_choice="auto", quiet=False, statistics=False,
                           today=today, preset=preset, select=None, extend_select=(), ignore=(), fail_on=None,
                           exit_zero=False, config=config, isolated=isolated)
    try:
        settings_config, settings = build_settings(request, [*reporters(), "auto"])
    except ConfigError as error:
        click.echo(f"charterlint: error: {error}", err=True)
        return EXIT_USAGE
    discovery = discover(paths, Path.cwd())
    for missing in discovery.missing:
        click.echo(f'charterlint: error: path "{missing}" does not exist', err=True)
    targets = lintable(discovery.targets, paths, settings_config, False)
    settings = with_file_ignores(settings, settings_config, targets, None)
    plan, warning = make_plan(request, settings_config, settings, use_cache=bool(targets), slim=False)
    if warning:
        click.echo(f"charterlint: warning: {warning}", err=True)
    run = lint_run(targets, settings, plan)
    for crash in run.crashes:
        click.echo(f"charterlint: error: {crash}", err=True)
    report = run.report
    unreadable = tuple(failure(t.display, "directory cannot be read: permission denied", settings)
                       for t in discovery.unreadable)
    if unreadable:
        report = Report(tuple(sorted(report.files + unreadable, key=lambda r: r.path)), report.rules,
                        report.tool_version)
    color = color_for(sys.stdout)
    options = RenderOptions(color=color, today=settings.today, review_period=review_period(settings.rules))
    click.echo(render(report, options), nl=False, color=color)
    if discovery.missing or run.crashes:
        return EXIT_USAGE
    return EXIT_FINDINGS if any(result.data is None for result in report.files) else EXIT_CLEAN

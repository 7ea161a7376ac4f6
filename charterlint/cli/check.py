"""`charterlint check`: from a request to written reports and an exit code.

The steps, in order: settings (cli.request), the files (source.discovery, `exclude`), the run
(cli.plan, batch), baselines, the reports (cli.outputs), the exit code (exits).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO, Any, Protocol

import click

from charterlint.batch.run import Run, lint_run
from charterlint.cli.outputs import SHOWS_CONTENT, OutputError, expand_auto, parse_formats, write_output, write_reports
from charterlint.cli.plan import make_plan
from charterlint.cli.request import CheckRequest, build_settings, with_file_ignores
from charterlint.cli.stdin import lint_stdin, stdin_display, stdin_paths, with_result
from charterlint.collector import collecting_cycles
from charterlint.config.resolve import Config, ConfigError
from charterlint.config.settings import lintable, render_config
from charterlint.engine.lint import failure
from charterlint.engine.settings import LintSettings, review_period
from charterlint.exits import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, exit_code
from charterlint.model import Report, Severity
from charterlint.reporters import RenderOptions, reporters
from charterlint.reporters.inert import inert
from charterlint.source.discovery import Discovery, Target, discover
from charterlint.source.regular import read_text

MAX_BASELINE_BYTES = 256 * 1024 * 1024  # a baseline of a million findings is about 200 MB


class BaselinePaths(Protocol):
    """What a request says of baselines (`check`'s and `diff`'s)."""

    @property
    def baseline(self) -> str | None: ...
    @property
    def write_baseline(self) -> str | None: ...


def apply_baselines(report: Report, request: BaselinePaths) -> Report:
    """--write-baseline records the findings, then both it and --baseline suppress those recorded."""
    # lazy: only runs with a baseline read or write one
    from charterlint.engine.baseline import BaselineError, apply_baseline, count_entries, read_baseline, render_baseline

    cwd = Path.cwd()
    path = request.write_baseline or request.baseline
    if path is None:
        return report
    base = Path(os.path.abspath(path)).parent  # the baseline's paths are relative to it
    if request.write_baseline is not None:
        write_output(path, render_baseline(report, base, cwd))
        click.echo(f"charterlint: wrote {count_entries(report)} findings to {inert(path)}", err=True)
    try:
        text = read_text(path, MAX_BASELINE_BYTES)  # a pipe or a device never hangs the run
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or error
        raise BaselineError(f'baseline "{path}" cannot be read: {reason} (write one with --write-baseline)') from None
    return apply_baseline(report, read_baseline(text, path), base, cwd)


def find_targets(paths: Sequence[str], config: Config, force_exclude: bool) -> tuple[Discovery, tuple[Target, ...]]:
    """The files to lint under `paths` (`exclude` applied); names each path that does not exist."""
    discovery = discover(paths, Path.cwd())
    for missing in discovery.missing:
        click.echo(f'charterlint: error: path "{inert(missing)}" does not exist', err=True)
    for link in discovery.outside:
        click.echo(f'charterlint: warning: not following "{inert(link.display)}": a symbolic link to a file outside'
                   " the folder walked (name it on the command line to lint it)", err=True)
    return discovery, lintable(discovery.targets, paths, config, force_exclude)


def lint_files(request: CheckRequest, config: Config, settings: LintSettings, targets: Sequence[Target],
               unreadable: Sequence[Target], stdin_name: str | None, *, slim: bool) -> Run:
    """Lint the files (from the cache, in processes, as planned), the unreadable and standard input.

    `slim`: no output shows the parsed charters (only the HTML page and the matrix do).
    """
    plan, warning = make_plan(request, config, settings, use_cache=bool(targets), slim=slim)
    if warning:
        click.echo(f"charterlint: warning: {inert(warning)}", err=True)
    run = lint_run(targets, settings, plan)
    if run.cache_problem:
        click.echo(f"charterlint: warning: {inert(run.cache_problem)} (results were not cached)", err=True)
    for crash in run.crashes:
        click.echo(f"charterlint: error: {inert(crash)}", err=True)
    report = run.report
    if unreadable:
        extra = tuple(failure(t.display, "directory cannot be read: permission denied", settings) for t in unreadable)
        report = Report(tuple(sorted(report.files + extra, key=lambda r: r.path)), report.rules,
                        report.tool_version)
    if stdin_name is not None:
        report = with_result(report, lint_stdin(stdin_name, getattr(sys.stdin, "buffer", None), settings))
    return replace(run, report=report)


def run_check(request: CheckRequest, color_for: Callable[[IO[Any]], bool]) -> int:
    known = reporters()
    try:
        config, settings = build_settings(request, [*known, "auto"])
    except ConfigError as error:
        click.echo(f"charterlint: error: {inert(str(error))}", err=True)
        return EXIT_USAGE
    if request.show_config:
        click.echo(render_config(config, settings, Path.cwd()), nl=False)
        return EXIT_CLEAN
    specs = expand_auto(config.formats, os.environ.get("GITHUB_ACTIONS") == "true")
    outputs = parse_formats(specs, [*known, "auto"])
    paths, from_stdin = stdin_paths(request.paths, request.stdin_filename)
    discovery, targets = find_targets(paths, config, request.force_exclude)
    if request.show_files:
        click.echo("".join(f"{inert(target.display)}\n" for target in targets), nl=False)
        return EXIT_USAGE if discovery.missing else EXIT_CLEAN
    if not (targets or discovery.unreadable or from_stdin or discovery.missing):
        # a green run that linted nothing would hide a wrong path or a misnamed file
        click.echo("charterlint: error: no charter files found (directories are searched for"
                   " *.charter.yaml, *.charter.yml, *.charter.json and *.charter.md; name other files"
                   " explicitly)", err=True)
        return EXIT_USAGE
    stdin_name = stdin_display(request.stdin_filename, Path.cwd()) if from_stdin else None
    settings = with_file_ignores(settings, config, targets, stdin_name)
    if request.fix or request.diff:
        if from_stdin:
            click.echo("charterlint: error: --fix and --diff change files: they do not read standard input", err=True)
            return EXIT_USAGE
        # lazy: only a run that fixes pays for the fixes
        from charterlint.cli.fix import fix_files, summary

        totals = fix_files(targets, settings, unsafe=request.unsafe_fixes, diff=request.diff)
        click.echo(summary(totals, diff=request.diff), err=True)
        if request.diff or totals.failed:
            return EXIT_USAGE if totals.failed else (EXIT_FINDINGS if totals.applied else EXIT_CLEAN)
    slim = not any(output.name in SHOWS_CONTENT for output in outputs)
    run = lint_files(request, config, settings, targets, discovery.unreadable, stdin_name, slim=slim)
    report = run.report
    if request.baseline is not None or request.write_baseline is not None:
        from charterlint.engine.baseline import BaselineError  # lazy: baselines bring in jsonschema

        try:
            report = apply_baselines(report, request)
        except (BaselineError, OutputError) as error:
            click.echo(f"charterlint: error: {inert(str(error))}", err=True)
            return EXIT_USAGE
    options = RenderOptions(quiet=request.quiet, statistics=request.statistics, today=settings.today,
                            review_period=review_period(settings.rules))
    try:
        with collecting_cycles():  # pure-Python JSON encoding leaves cycles behind
            write_reports(report, outputs, known, options, color_for)
    except OutputError as error:
        click.echo(f"charterlint: error: {inert(str(error))}", err=True)
        return EXIT_USAGE
    if discovery.missing or run.crashes:
        return EXIT_USAGE
    return exit_code(report.findings, Severity.parse(config.fail_on), request.exit_zero)

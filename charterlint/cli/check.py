"""`charterlint check`: from a request to written reports and an exit code."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any, Literal

import click

from charterlint.batch.run import Run, lint_run
from charterlint.config.resolve import Config, ConfigError
from charterlint.config.settings import (command_line_layer, config_path, lint_settings, lintable, load_config,
                                   per_file_ignores, render_config, with_formats)
from charterlint.exits import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE
from charterlint.source.discovery import Discovery, Target, discover
from charterlint.engine.lint import LintSettings, failure
from charterlint.model import Report, Severity
from charterlint.reporters import RenderOptions, Reporter, reporters
from charterlint.cli.stdin import lint_stdin, stdin_display, stdin_paths, with_result

# Formats that show each charter's content (FileResult.data); without them results are slimmed.
SHOWS_CONTENT = frozenset({"html"})


@dataclass(frozen=True, slots=True)
class CheckRequest:
    """What the user asked `check` to do (already parsed from the command line)."""

    paths: Sequence[str]
    formats: Sequence[str]
    color_choice: str
    quiet: bool
    statistics: bool
    today: dt.date | None  # None: the configuration's, else the system date
    preset: str | None  # None: the configuration's `extends`, else recommended
    select: Sequence[str] | None
    extend_select: Sequence[str]
    ignore: Sequence[str]
    fail_on: str | None  # None: the configuration's, else warning
    exit_zero: bool
    stdin_filename: str | None = None  # how reports name standard input (`-` among the paths)
    config: str | None = None  # --config PATH
    isolated: bool = False  # ignore configuration files
    force_exclude: bool = False  # apply `exclude` to files named on the command line too
    show_config: bool = False
    show_files: bool = False
    baseline: str | None = None  # report only findings this baseline does not record
    write_baseline: str | None = None  # record the findings in this baseline file
    jobs: int | Literal["auto"] | None = None  # None: the configuration's, else auto
    cache: bool | None = None  # None: the configuration's (on unless `cache: false`)
    cache_dir: str | None = None  # None: .charterlint_cache beside the configuration file, else in cwd


@dataclass(frozen=True, slots=True)
class OutputSpec:
    name: str
    path: str | None  # None: standard output


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


# Formats that are one document each: two of them on standard output would be unreadable.
_DOCUMENT_FORMATS = frozenset({"json", "sarif", "junit", "html"})


def parse_formats(specs: Sequence[str], known: Sequence[str]) -> list[OutputSpec]:
    outputs = []
    for spec in specs:
        name, _, path = spec.partition(":")
        if name not in known:
            raise click.UsageError(f'unknown format "{name}": expected one of {", ".join(known)}')
        outputs.append(OutputSpec(name, path or None))
    _check_destinations(outputs)
    return outputs


def _check_destinations(outputs: Sequence[OutputSpec]) -> None:
    """Refuse outputs that would overwrite each other or mix documents on standard output."""
    on_stdout = [o.name for o in outputs if o.path is None]
    if len(on_stdout) > 1 and _DOCUMENT_FORMATS & set(on_stdout):
        raise click.UsageError(f"formats {', '.join(on_stdout)} would all go to standard output:"
                               " give the document formats a file (e.g. --format sarif:charterlint.sarif)")
    paths = [os.path.abspath(o.path) for o in outputs if o.path is not None]
    if len(paths) != len(set(paths)):
        raise click.UsageError("two --format outputs name the same file: give each its own")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class OutputError(Exception):
    """A report or baseline that cannot be written: names the file and why."""


def write_output(path: str, content: str) -> None:
    """Write a report or baseline; OutputError (naming the file) when it cannot be written."""
    try:
        resolved = os.path.realpath(path)  # a link to a report is written through, not replaced
        if os.path.exists(resolved) and not os.path.isfile(resolved):
            if os.path.isdir(resolved):
                raise IsADirectoryError(21, "is a directory")
            with open(resolved, "w", encoding="utf-8", newline="\n") as stream:  # /dev/stdout, a pipe
                stream.write(content)
            return
        write_atomically(resolved, content)
    except OSError as error:
        raise OutputError(f'cannot write "{path}": {error.strerror or error}') from None


def write_atomically(path: str, content: str) -> None:
    """Write via a temporary file and a rename: an interrupted run leaves no half report."""
    import tempfile

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; a report is for sharing
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def append_step_summary(report: Report, outputs: Sequence[OutputSpec]) -> None:
    """Findings past GitHub's annotation cap go to the job summary, when there is one."""
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary_path or not any(output.name == "github" for output in outputs):
        return
    from charterlint.reporters.github import step_summary

    markdown = step_summary(report)
    if markdown:
        with open(summary_path, "a", encoding="utf-8", newline="\n") as stream:
            stream.write(markdown)


def exit_code(report: Report, fail_on: str, exit_zero: bool) -> int:
    threshold = Severity.parse(fail_on)
    failing = any(f.severity >= threshold for f in report.active_findings)
    return EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN


def build_settings(request: CheckRequest, known_formats: Sequence[str]) -> tuple[Config, LintSettings]:
    """The configuration (files, then the command line, merged) and the lint settings it gives."""
    cwd = Path.cwd()
    command_line = command_line_layer(cwd, select=request.select, extend_select=request.extend_select,
                                      ignore=request.ignore, fail_on=request.fail_on, today=request.today)
    path = config_path(cwd, request.config, request.isolated)
    config, rules = load_config(path, command_line, request.preset, cwd, known_formats)
    config = with_formats(config, request.formats)
    return config, lint_settings(config, rules, dt.date.today())


def with_file_ignores(settings: LintSettings, config: Config, targets: Sequence[Target],
                      stdin_name: str | None) -> LintSettings:
    pairs = [(target.display, target.path) for target in targets]
    if stdin_name is not None:
        pairs.append((stdin_name, Path(stdin_name)))
    return replace(settings, per_file_ignores=per_file_ignores(config, pairs))


def apply_baselines(report: Report, request: CheckRequest) -> Report:
    """--write-baseline records the findings, then both it and --baseline suppress those recorded."""
    from charterlint.engine.baseline import (BaselineError, apply_baseline, count_entries, read_baseline,
                                      render_baseline)

    cwd = Path.cwd()
    path = request.write_baseline or request.baseline
    if path is None:
        return report
    base = Path(os.path.abspath(path)).parent  # the baseline's paths are relative to it
    if request.write_baseline is not None:
        write_output(path, render_baseline(report, base, cwd))
        click.echo(f"charterlint: wrote {count_entries(report)} findings to {path}", err=True)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or error
        raise BaselineError(f'baseline "{path}" cannot be read: {reason} (write one with --write-baseline)') from None
    return apply_baseline(report, read_baseline(text, path), base, cwd)


def find_targets(paths: Sequence[str], config: Config, force_exclude: bool) -> tuple[Discovery, tuple[Target, ...]]:
    """The files to lint under `paths` (`exclude` applied); names each path that does not exist."""
    discovery = discover(paths, Path.cwd())
    for missing in discovery.missing:
        click.echo(f'charterlint: error: path "{missing}" does not exist', err=True)
    return discovery, lintable(discovery.targets, paths, config, force_exclude)


def lint_files(request: CheckRequest, config: Config, settings: LintSettings, targets: Sequence[Target],
               unreadable: Sequence[Target], stdin_name: str | None, *, slim: bool) -> Run:
    """Lint the files (from the cache, in processes, as planned), the unreadable and standard input.

    `slim`: no output shows the parsed charters (only the HTML page and the matrix do).
    """
    from charterlint.cli.plan import make_plan

    plan, warning = make_plan(request, config, settings, use_cache=bool(targets), slim=slim)
    if warning:
        click.echo(f"charterlint: warning: {warning}", err=True)
    run = lint_run(targets, settings, plan)
    if run.cache_problem:
        click.echo(f"charterlint: warning: {run.cache_problem} (results were not cached)", err=True)
    for crash in run.crashes:
        click.echo(f"charterlint: error: {crash}", err=True)
    report = run.report
    if unreadable:
        extra = tuple(failure(t.display, "directory cannot be read: permission denied", settings) for t in unreadable)
        report = Report(tuple(sorted(report.files + extra, key=lambda r: r.path)), report.rules,
                        report.tool_version)
    if stdin_name is not None:
        report = with_result(report, lint_stdin(stdin_name, getattr(sys.stdin, "buffer", None), settings))
    return replace(run, report=report)


def _write(report: Report, outputs: Sequence[OutputSpec], renderers: Mapping[str, Reporter], request: CheckRequest,
           settings: LintSettings, color_for: Callable[[IO[Any]], bool]) -> None:
    from charterlint.checks.review import review_period

    step_summary = bool(os.environ.get("GITHUB_STEP_SUMMARY")) and any(output.name == "github" for output in outputs)
    for output in outputs:
        options = RenderOptions(color=output.path is None and color_for(sys.stdout), quiet=request.quiet,
                                statistics=request.statistics, today=settings.today,
                                review_period=review_period(settings.rules), step_summary=step_summary)
        content = renderers[output.name](report, options)
        if output.path is None:
            click.echo(content, nl=False, color=options.color)
        else:
            write_output(output.path, content)
    append_step_summary(report, outputs)


def run_check(request: CheckRequest, color_for: Callable[[IO[Any]], bool]) -> int:
    known = reporters()
    try:
        config, settings = build_settings(request, [*known, "auto"])
    except ConfigError as error:
        click.echo(f"charterlint: error: {error}", err=True)
        return EXIT_USAGE
    if request.show_config:
        click.echo(render_config(config, settings, Path.cwd()), nl=False)
        return EXIT_CLEAN
    specs = expand_auto(config.formats, os.environ.get("GITHUB_ACTIONS") == "true")
    outputs = parse_formats(specs, [*known, "auto"])
    paths, from_stdin = stdin_paths(request.paths, request.stdin_filename)
    discovery, targets = find_targets(paths, config, request.force_exclude)
    if request.show_files:
        click.echo("".join(f"{target.display}\n" for target in targets), nl=False)
        return EXIT_USAGE if discovery.missing else EXIT_CLEAN
    if not (targets or discovery.unreadable or from_stdin or discovery.missing):
        # a green run that linted nothing would hide a wrong path or a misnamed file
        click.echo("charterlint: error: no charter files found (directories are searched for"
                   " *.charter.yaml, *.charter.yml, *.charter.json and *.charter.md; name other files"
                   " explicitly)", err=True)
        return EXIT_USAGE
    stdin_name = stdin_display(request.stdin_filename, Path.cwd()) if from_stdin else None
    settings = with_file_ignores(settings, config, targets, stdin_name)
    slim = not any(output.name in SHOWS_CONTENT for output in outputs)
    run = lint_files(request, config, settings, targets, discovery.unreadable, stdin_name, slim=slim)
    report = run.report
    if request.baseline is not None or request.write_baseline is not None:
        from charterlint.engine.baseline import BaselineError

        try:
            report = apply_baselines(report, request)
        except (BaselineError, OutputError) as error:
            click.echo(f"charterlint: error: {error}", err=True)
            return EXIT_USAGE
    try:
        _write(report, outputs, known, request, settings, color_for)
    except OutputError as error:
        click.echo(f"charterlint: error: {error}", err=True)
        return EXIT_USAGE
    if discovery.missing or run.crashes:
        return EXIT_USAGE
    return exit_code(report, config.fail_on, request.exit_zero)

"""`charterlint check`: from a request to written reports and an exit code."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import click

from charterlint.files import discover
from charterlint.linter import ActiveRule, LintSettings, failure
from charterlint.model import Report, Severity
from charterlint.reporters import RenderOptions, reporters
from charterlint.rule import RuleFileError, load_builtin_rules
from charterlint.runner import lint_targets
from charterlint.schema import charter_validator
from charterlint.selection import SelectionError, select_rules

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True, slots=True)
class CheckRequest:
    """What the user asked `check` to do (already parsed from the command line)."""

    paths: Sequence[str]
    formats: Sequence[str]
    color_choice: str
    quiet: bool
    statistics: bool
    today: dt.date
    preset: str
    select: Sequence[str] | None
    extend_select: Sequence[str]
    ignore: Sequence[str]
    fail_on: str
    exit_zero: bool


@dataclass(frozen=True, slots=True)
class OutputSpec:
    name: str
    path: str | None  # None: standard output


def parse_formats(specs: Sequence[str], known: Sequence[str]) -> list[OutputSpec]:
    outputs = []
    for spec in specs:
        name, _, path = spec.partition(":")
        if name not in known:
            raise click.UsageError(f'unknown format "{name}": expected one of {", ".join(known)}')
        outputs.append(OutputSpec(name, path or None))
    return outputs


def write_atomically(path: str, content: str) -> None:
    """Write via a temporary file and a rename: an interrupted run leaves no half report."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def exit_code(report: Report, fail_on: str, exit_zero: bool) -> int:
    threshold = Severity.parse(fail_on)
    failing = any(f.severity >= threshold for f in report.active_findings)
    return EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN


def build_settings(request: CheckRequest) -> LintSettings:
    try:
        rules = select_rules(load_builtin_rules(), request.preset, request.select,
                             request.extend_select, request.ignore)
    except (SelectionError, RuleFileError) as error:
        raise click.UsageError(str(error)) from None
    active = {rule.code: ActiveRule(rule, rule.severity) for rule in rules}
    return LintSettings(rules=active, today=request.today, validator=charter_validator())


def run_check(request: CheckRequest, color_for: Callable[[IO[Any]], bool]) -> int:
    known = reporters()
    outputs = parse_formats(request.formats, list(known))
    settings = build_settings(request)
    discovery = discover(request.paths, Path.cwd())
    for missing in discovery.missing:
        click.echo(f'charterlint: error: path "{missing}" does not exist', err=True)
    report = lint_targets(discovery.targets, settings)
    if discovery.unreadable:
        extra = tuple(failure(t.display, "directory cannot be read: permission denied", settings)
                      for t in discovery.unreadable)
        report = Report(tuple(sorted(report.files + extra, key=lambda r: r.path)), report.rules,
                        report.tool_version)
    for output in outputs:
        stream = sys.stdout
        options = RenderOptions(
            color=output.path is None and color_for(stream),
            quiet=request.quiet,
            statistics=request.statistics,
        )
        content = known[output.name](report, options)
        if output.path is None:
            click.echo(content, nl=False, color=options.color)
        else:
            write_atomically(output.path, content)
    if discovery.missing:
        return EXIT_USAGE
    return exit_code(report, request.fail_on, request.exit_zero)

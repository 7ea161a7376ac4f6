"""`charterlint diff`: the promises a change weakens, from a request to reports and an exit code.

`--base REF [PATHS]`: each charter under PATHS in the working tree against its version at REF
(its old path when git saw a rename), and each charter deleted since. `OLD NEW`: two files.
Exit 1 when a finding at or above the fail level remains (as `check`), 2 for a usage,
configuration or git error, a path outside the repository, or a file that cannot be read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import IO, Any

import click

from charterlint import __version__
from charterlint.batch.work import read_bytes
from charterlint.cli.check import apply_baselines
from charterlint.cli.diff_settings import DiffOptions, Resolved, resolve_diff_settings
from charterlint.cli.outputs import SHOWS_CONTENT, OutputError, OutputSpec, expand_auto, parse_formats, write_reports
from charterlint.cli.stdin import stdin_refusal
from charterlint.config.resolve import ConfigError
from charterlint.config.settings import lintable
from charterlint.diff.git import (
    Changes,
    GitError,
    TooLarge,
    changes,
    read_blobs,
    relative_to_repository,
    repository_root,
    resolve_commit,
    under,
)
from charterlint.diff.versions import Compared, DiffSettings, compare_versions
from charterlint.exits import EXIT_USAGE, exit_code
from charterlint.model import Report, Severity
from charterlint.reporters import RenderOptions, Reporter, reporters
from charterlint.reporters.inert import inert
from charterlint.source.discovery import Target, discover, display_path, is_charter_name


@dataclass(frozen=True, slots=True)
class DiffRequest:
    """What the user asked `diff` to do (already parsed from the command line)."""

    base: str | None  # a git revision; None: compare two files
    paths: Sequence[str]
    formats: Sequence[str]
    quiet: bool
    options: DiffOptions
    exit_zero: bool = False
    baseline: str | None = None
    write_baseline: str | None = None


def _renderers() -> dict[str, Reporter]:
    from charterlint.reporters.changes_markdown import render  # lazy: only diff writes the summary table

    return {**reporters(), "markdown": render}


def _error(message: str) -> int:
    click.echo(f"charterlint: error: {inert(message)}", err=True)
    return EXIT_USAGE


def _read(target: Target, settings: DiffSettings) -> bytes | str:
    content = read_bytes(target, settings.limits.max_bytes)
    return f'"{target.display}" {content}' if isinstance(content, str) else content  # "x" is a directory, ...


_BLOBS_AT_ONCE = 256  # base versions read from git per batch: two git processes each, bounded memory


@dataclass(frozen=True, slots=True)
class _Compared:
    """What a run compared, and the errors of the files it could not (said on stderr; exit 2)."""

    files: list[Compared] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _two_files(request: DiffRequest, resolved: Resolved) -> _Compared | str:
    if len(request.paths) != 2:
        return "give --base REF (and the paths to compare), or two files: charterlint diff OLD NEW"
    missing = [path for path in request.paths if not os.path.lexists(path)]
    if missing:
        return f'path "{missing[0]}" does not exist'
    cwd = Path.cwd()
    old, new = (Target(Path(p), display_path(Path(p), cwd)) for p in request.paths)
    settings = resolved.with_paths([(new.display, new.path)])
    before, after = _read(old, settings), _read(new, settings)
    if isinstance(before, str) or isinstance(after, str):
        return before if isinstance(before, str) else str(after)
    return _Compared([compare_versions(new.display, before, after, settings, f'"{old.display}"', old.display)])


@dataclass(frozen=True, slots=True)
class _Version:
    """One charter to compare: where it is now (None: deleted) and where it was at the base."""

    display: str
    path: Path
    target: Target | None
    old: str  # its path in the base commit, relative to the repository
    renamed_from: str | None = None


def _versions(request: DiffRequest, resolved: Resolved, root: Path, changed: Changes,
              errors: list[str]) -> list[_Version] | str:
    """The charters under the paths (and those deleted there), each with its path in the base;
    a path that is not there is an error of its own, and the others are still compared."""
    cwd = Path.cwd()
    prefixes = []
    for path in request.paths:
        relative = relative_to_repository(Path(path).absolute(), root)
        if relative is None:
            return f'path "{path}" is outside the git repository at {root}'
        prefixes.append(relative)
    deleted = [gone for gone in changed.deleted if under(gone, prefixes) and is_charter_name(PurePath(gone).name)
               and not resolved.config.excludes(root / gone)]
    errors += [f'path "{p}" does not exist' for p, prefix in zip(request.paths, prefixes)
               if not os.path.lexists(p) and not any(under(gone, [prefix]) for gone in deleted)]
    discovery = discover([p for p in request.paths if os.path.lexists(p)], cwd)
    found: list[_Version] = []
    for target in lintable(discovery.targets, request.paths, resolved.config, False):
        relative = relative_to_repository(target.path, root)
        if relative is None:  # a link out of the repository: git has no base version of it
            errors.append(f'"{target.display}" leads outside the git repository at {root}: not compared')
            continue
        old = changed.renamed.get(relative, relative)
        found.append(_Version(target.display, target.path, target, old,
                              display_path(root / old, cwd) if old != relative else None))
    found += [_Version(display_path(root / gone, cwd), root / gone, None, gone) for gone in deleted]
    return found


def _from_git(request: DiffRequest, resolved: Resolved) -> _Compared | str:
    assert request.base is not None
    try:
        root = repository_root(Path.cwd())
        commit = resolve_commit(root, request.base)
        changed = changes(root, commit)
    except GitError as error:
        return str(error)
    run = _Compared()
    versions = _versions(request, resolved, root, changed, run.errors)
    if isinstance(versions, str):
        return versions
    settings = resolved.with_paths([(version.display, version.path) for version in versions])
    base_name = f'"{request.base}"'
    for start in range(0, len(versions), _BLOBS_AT_ONCE):
        chunk = versions[start:start + _BLOBS_AT_ONCE]
        try:
            blobs = read_blobs(root, commit, [version.old for version in chunk], settings.limits.max_bytes)
        except GitError as error:
            run.errors.append(f"cannot read the charters at {request.base}: {error}")
            continue
        for version in chunk:
            base = blobs[version.old]
            if isinstance(base, TooLarge):  # the loader says it is over the limit, without git reading it
                base = b" " * (settings.limits.max_bytes + 1)
            content = _read(version.target, settings) if version.target is not None else None
            if isinstance(content, str):
                run.errors.append(content)
                continue
            run.files.append(compare_versions(version.display, base, content, settings, base_name,
                                              version.renamed_from))
    return run


def _append_summary(report: Report, outputs: Sequence[OutputSpec]) -> None:
    """In GitHub Actions (annotations asked for), the Markdown summary goes to the job summary too."""
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary_path or not any(output.name == "github" for output in outputs):
        return
    from charterlint.reporters.changes_markdown import render  # lazy: as in _renderers

    try:
        with open(summary_path, "a", encoding="utf-8", newline="\n") as stream:
            stream.write(render(report, RenderOptions()))
    except OSError as error:
        click.echo(f"charterlint: warning: cannot write the job summary: {inert(error.strerror or str(error))}",
                   err=True)


def run_diff(request: DiffRequest, color_for: Callable[[IO[Any]], bool]) -> int:
    refusal = stdin_refusal("diff", request.paths)
    if refusal is not None:
        return _error(refusal)
    renderers = _renderers()
    try:
        resolved = resolve_diff_settings(request.options, list(renderers) + ["auto"])
    except ConfigError as error:
        return _error(str(error))
    for note in resolved.notes:
        click.echo(f"charterlint: warning: {inert(note)}", err=True)
    outputs = parse_formats(expand_auto(request.formats or ["auto"], os.environ.get("GITHUB_ACTIONS") == "true"),
                            [*renderers, "auto"], frozenset({"json", "sarif", "junit", "html"}))
    if not any(output.name in SHOWS_CONTENT for output in outputs):  # unchanged charters need not be parsed
        resolved = replace(resolved, settings=replace(resolved.settings, keep_data=False))
    run = _two_files(request, resolved) if request.base is None else _from_git(request, resolved)
    if isinstance(run, str):
        return _error(run)
    for message in run.errors:
        _error(message)
    if not (run.files or run.errors):
        return _error("no charter files found (directories are searched for *.charter.yaml, *.charter.yml,"
                      " *.charter.json and *.charter.md; name other files explicitly)")
    settings = resolved.settings
    for item in run.files:
        if item.note:
            click.echo(f"charterlint: warning: {inert(item.note)}", err=True)
    report = Report(tuple(sorted((item.result for item in run.files), key=lambda r: r.path)),
                    tuple(active.info() for active in sorted(settings.rules.values(), key=lambda a: a.rule.code)),
                    __version__)
    if request.baseline is not None or request.write_baseline is not None:
        from charterlint.engine.baseline import BaselineError  # lazy: baselines bring in jsonschema

        try:
            report = apply_baselines(report, request)
        except (BaselineError, OutputError) as error:
            return _error(str(error))
    try:
        write_reports(report, outputs, renderers, RenderOptions(quiet=request.quiet, today=settings.today),
                      color_for)
    except OutputError as error:
        return _error(str(error))
    _append_summary(report, outputs)
    if run.errors:
        return EXIT_USAGE
    return exit_code(report.findings, Severity.parse(resolved.config.fail_on), request.exit_zero)

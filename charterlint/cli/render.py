"""`charterlint render`: the published charter (HTML, Markdown or Word) from the source that was linted.

Each file's bytes are read once and linted as `check` lints them (configuration, presets,
per-file ignores, inline suppressions); the page is built from that same content. A charter
with error-level findings is refused (exit 1) unless `--force`, which renders it as a draft
(a banner, and `noindex` in HTML); a charter the schema rejects is never rendered, since the
page could not say what it means. Exit 0 when every file was rendered, 1 when one was
refused, 2 for a usage, configuration or template error (nothing is written then).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePath

import click

from charterlint.atomic import Staged, commit_all, discard_all, stage
from charterlint.batch.work import read_target
from charterlint.cli.check import find_targets
from charterlint.cli.outputs import refuse_folder_links
from charterlint.cli.request import CheckRequest, build_settings, with_file_ignores
from charterlint.cli.stdin import stdin_refusal
from charterlint.config.resolve import Config, ConfigError
from charterlint.engine.lint import lint_loaded
from charterlint.engine.settings import LintSettings
from charterlint.exits import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE
from charterlint.model import FileResult, Finding, Report, Severity, unpacked
from charterlint.reporters import RenderOptions, reporters, text
from charterlint.reporters.inert import inert
from charterlint.source.discovery import CHARTER_PATTERNS, Target, display_path
from charterlint.source.document import Document

FORMATS = ("html", "md", "docx")
SUFFIXES = {"html": ".html", "md": ".md", "docx": ".docx"}
EXTRA_HINT = "pip install 'charterlint[render]'"
STDOUT = "-"


@dataclass(frozen=True, slots=True)
class RenderRequest:
    """What the user asked `render` to do."""

    paths: Sequence[str]
    output_format: str
    output: str | None  # a file for one charter, a directory for several; None: standard output
    force: bool
    today: dt.date | None
    preset: str | None
    config: str | None
    isolated: bool


_SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".docx": "docx"}
_FORMAT_NAMES = {"html": "an HTML", "md": "a Markdown", "docx": "a Word"}


def page_format(chosen: str | None, output: str | None) -> str:
    """The page's format: --format, else the suffix of -o FILE, else html. A file name whose suffix
    says another format than --format is a usage error (a Word document named .html helps nobody)."""
    implied = _SUFFIX_FORMATS.get(PurePath(output).suffix.lower()) if output else None
    if chosen is not None and implied is not None and implied != chosen:
        raise click.UsageError(f'"{output}" is {_FORMAT_NAMES[implied]} file name but --format is {chosen}'
                               " (change one of them)")
    return chosen or implied or "html"


def _error(message: str) -> None:
    click.echo(f"charterlint: error: {inert(message)}", err=True)


def missing_extra() -> str | None:
    """The name of a module of the `render` extra that is not installed, else None."""
    import importlib.util  # lazy: only render asks

    for module in ("jinja2", "docx", "markdown_it"):
        if importlib.util.find_spec(module) is None:
            return module
    return None


def output_name(target: Target, output_format: str) -> str:
    """`housing.charter.yaml` -> `housing.html`."""
    name = PurePath(target.display).name
    for pattern in CHARTER_PATTERNS:
        suffix = pattern.removeprefix("*")
        if name.endswith(suffix):
            return name[: -len(suffix)] + SUFFIXES[output_format]
    return PurePath(name).stem + SUFFIXES[output_format]


def _destinations(targets: Sequence[Target], request: RenderRequest) -> list[Path | None] | str:
    """Where each page goes, or why they cannot go anywhere."""
    output = request.output
    if output is None or output == STDOUT:  # "-": standard output, as for init and check's NAME:-
        if len(targets) > 1:
            return f"{len(targets)} charters to render: give -o DIRECTORY for their pages"
        if request.output_format == "docx" and sys.stdout.isatty():
            return "a Word document is not for a terminal: give -o FILE.docx"
        return [None]
    as_directory = output.endswith(("/", os.sep)) or Path(output).is_dir()
    if len(targets) == 1 and not as_directory:
        return _not_over_a_source(targets, [Path(output)])
    directory = Path(output)
    if directory.exists() and not directory.is_dir():
        return f'"{output}" is not a directory: several charters are rendered into a directory'
    names = [output_name(target, request.output_format) for target in targets]
    for name in names:
        if names.count(name) > 1:
            clash = [t.display for t, n in zip(targets, names) if n == name]
            return f'{" and ".join(clash)} would both be written to {name}: render them into different directories'
    return _not_over_a_source(targets, [directory / name for name in names])


def _not_over_a_source(targets: Sequence[Target], destinations: list[Path]) -> list[Path | None] | str:
    """The destinations, unless one would replace a charter being rendered (`-o` naming the source)
    or be written through a folder link a repository could have committed (as reports are not)."""
    sources = {target.path.resolve() for target in targets}
    for destination in destinations:
        if destination.resolve() in sources:
            return f'"{destination}" is a charter being rendered: give -o another file, or a directory'
        try:
            refuse_folder_links(os.path.dirname(os.path.abspath(destination)))
        except NotADirectoryError as error:
            return f'cannot write "{destination}": {error.strerror}'
    return list(destinations)


def _errors(result: FileResult) -> tuple[Finding, ...]:
    """The error-level findings no directive or baseline suppressed: what stops a page."""
    return tuple(f for f in result.active_findings if f.severity is Severity.ERROR)


def _refusal(result: FileResult, force: bool) -> str | None:
    """Why a linted file is not rendered, or None."""
    errors = _errors(result)
    if result.data is None:
        return "was not rendered: it could not be read as a charter"
    if errors and not force:
        return (f"was not rendered: {len(errors)} error-level finding{'s' if len(errors) > 1 else ''}"
                " (fix them, or render a draft with --force)")
    return None


def _schema_rejects(data: Mapping[str, object]) -> bool:
    from charterlint.schema.validator import charter_validator  # lazy: only --force on a charter with errors

    return not charter_validator().passes_fast(dict(data))


def _show_errors(result: FileResult) -> None:
    shown = Report((replace(result, findings=_errors(result), skipped=None),))
    click.echo("".join(text.stream(shown, RenderOptions(quiet=True))), err=True, nl=False)


def _body(document: Document | None) -> str:
    if document is not None and document.body is not None:
        return "\n".join(document.body.lines)
    return ""


def render_files(request: RenderRequest) -> int:
    missing = missing_extra()
    if missing is not None:
        _error(f"charterlint render needs the render extra ({missing} is not installed): {EXTRA_HINT}")
        return EXIT_USAGE
    refusal = stdin_refusal("render", request.paths)
    if refusal is not None:
        _error(refusal)
        return EXIT_USAGE
    # lazy: the writers and their libraries load only for render
    from charterlint.render.html import RenderError
    from charterlint.render.publish import load_messages

    check = CheckRequest(paths=request.paths, formats=(), color_choice="never", quiet=True, statistics=False,
                         today=request.today, preset=request.preset, select=None, extend_select=(), ignore=(),
                         fail_on=None, exit_zero=False, config=request.config, isolated=request.isolated)
    try:
        config, settings = build_settings(check, [*reporters(), "auto"])
        words = config.render.messages
        messages = load_messages(words, display_path(words, Path.cwd()) if words is not None else None)
    except ConfigError as error:
        _error(str(error))
        return EXIT_USAGE
    except RenderError as error:
        _error(error.shown(Path.cwd()))
        return EXIT_USAGE
    discovery, targets = find_targets(request.paths, config, False)
    if not targets:
        if discovery.missing:
            return EXIT_USAGE
        _error("no charter files found (directories are searched for *.charter.yaml, *.charter.yml,"
               " *.charter.json and *.charter.md; name other files explicitly)")
        return EXIT_USAGE
    destinations = _destinations(targets, request)
    if isinstance(destinations, str):
        _error(destinations)
        return EXIT_USAGE
    settings = with_file_ignores(settings, config, targets, None)
    staged: list[tuple[Staged | None, bytes | str, str]] = []
    refused = False
    try:
        for target, destination in zip(targets, destinations):
            content = _render_one(target, settings, config, messages, request)
            if content is None:
                refused = True
                continue
            staged.append((stage(destination, content) if destination is not None else None, content, target.display))
    except RenderError as error:
        discard_all([item for item, _, _ in staged if item is not None])
        _error(error.shown(Path.cwd()))
        return EXIT_USAGE
    except OSError as error:
        discard_all([item for item, _, _ in staged if item is not None])
        _error(f"the page cannot be written: {error.strerror or error}")
        return EXIT_USAGE
    _publish(staged)
    if discovery.missing:
        return EXIT_USAGE
    return EXIT_FINDINGS if refused else EXIT_CLEAN


def _render_one(target: Target, settings: LintSettings, config: Config, messages: Mapping[str, str],
                request: RenderRequest) -> bytes | str | None:
    """The page of one file, or None when it is refused (the reason said on standard error)."""
    from charterlint.render.publish import page_content  # lazy: see render_files

    raw = read_target(target, settings)
    result, document = (raw, None) if isinstance(raw, FileResult) else lint_loaded(target.display, raw, settings)
    reason = _refusal(result, request.force)
    data = unpacked(result.data)
    if reason is None and data is not None and _errors(result) and _schema_rejects(data):
        reason = "was not rendered: it does not match the charter schema (--force renders a draft only of a" \
                 " charter the schema accepts)"
    if reason is not None or data is None or document is None:
        _show_errors(result)
        _error(f"{target.display} {reason or 'was not rendered'}")
        return None
    return page_content(data, messages, request.output_format, body=_body(document), draft=bool(_errors(result)),
                        language=config.render.language, templates=config.render.templates)


def _publish(staged: Sequence[tuple[Staged | None, bytes | str, str]]) -> None:
    """Rename the pages into place (all or none), or print the one page."""
    files = [item for item, _, _ in staged if item is not None]
    commit_all(files)
    for item, content, source in staged:
        if item is None:
            if isinstance(content, bytes):
                sys.stdout.buffer.write(content)
                sys.stdout.flush()
            else:
                click.echo(content, nl=False)
        else:
            click.echo(f"charterlint: rendered {inert(source)} to {inert(str(item.target))}", err=True)

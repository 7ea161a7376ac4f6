"""`charterlint import`: a published charter to a draft in the format, then the draft's findings.

The draft is written (through the one atomic writer) and then linted by `check` itself, with the
configuration `check` would find, so that what the writer sees is what `check` will say.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import IO, Any

import click

from charterlint.atomic import write_atomically
from charterlint.cli.outputs import refuse_folder_links
from charterlint.cli.stdin import stdin_refusal
from charterlint.exits import EXIT_USAGE
from charterlint.importer.blocks import ImportFailure
from charterlint.importer.draft import draft_text
from charterlint.importer.extract import extract
from charterlint.importer.reader import MissingExtra, read_source
from charterlint.reporters.inert import inert

DRAFT_SUFFIX = ".charter.yaml"


def default_output(source: str) -> str:
    """`policy.html` -> `policy.charter.yaml`, in the current directory."""
    name = PurePath(source).name
    stem = name[: -len(PurePath(name).suffix)] if PurePath(name).suffix else name
    return (stem or "imported") + DRAFT_SUFFIX


def _counted(number: int, noun: str) -> str:
    """`1 channel`, `2 channels`."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _fail(message: str) -> int:
    click.echo(f"charterlint: error: {inert(message)}", err=True)
    return EXIT_USAGE


def run_import(source: str, output: str | None, force: bool, today: dt.date | None,
               color_choice: str, color_for: Callable[[IO[Any]], bool], *, config: str | None = None,
               isolated: bool = False) -> int:
    """Read the source, write the draft, lint it; exit 0 when the draft is written, 2 when it cannot be.

    `config` and `isolated` choose the configuration the draft is linted with, as `check --config/--isolated`.
    """
    refusal = stdin_refusal("import", (source,))
    if refusal is not None:
        return _fail(refusal)
    target = output or default_output(source)
    if not target.endswith((".yaml", ".yml")):
        return _fail(f'"{target}": the draft is YAML: name it *.charter.yaml')
    if os.path.lexists(target) and not force:
        return _fail(f'"{target}" already exists (use --force to overwrite it)')
    try:
        extraction = extract(read_source(source))
    except MissingExtra as error:  # says what is missing, not what is wrong with the source
        return _fail(str(error))
    except ImportFailure as error:
        return _fail(f'"{source}" {error}')
    shown = Path(target).as_posix()
    text = draft_text(extraction, shown)
    folder = os.path.dirname(os.path.abspath(target))
    try:
        refuse_folder_links(folder)  # as for reports: a committed folder link could point anywhere
        if not os.path.isdir(folder):  # worded as for reports
            raise FileNotFoundError(2, f'folder "{os.path.dirname(target)}" does not exist (create it first)')
        write_atomically(target, text, make_parents=False)
    except OSError as error:
        return _fail(f'cannot write "{target}": {error.strerror or error}')
    todos = text.count("# TODO (")
    scored = sum(1 for c in extraction.commitments if c.within or c.target)
    click.echo(f"wrote {inert(shown)}: {_counted(len(extraction.channels), 'channel')},"
               f" {_counted(scored, 'commitment')} with a time or share, {_counted(todos, 'TODO')} to fill;"
               " what `charterlint check` says of it:")
    # lazy: as the command itself, so that only import pays for check's modules here
    from charterlint.cli.check import run_check
    from charterlint.cli.request import CheckRequest

    request = CheckRequest(paths=(target,), formats=("text",), color_choice=color_choice, quiet=False,
                           statistics=False, today=today, preset=None, select=None, extend_select=(), ignore=(),
                           fail_on=None, exit_zero=True, jobs=1, cache=False, config=config, isolated=isolated)
    code = run_check(request, color_for)
    return code  # 0 (exit-zero), or 2 when check could not lint the draft (a broken configuration)

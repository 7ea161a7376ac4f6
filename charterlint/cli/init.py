"""`charterlint init`: a starter charter, explained by comments, that passes the recommended preset.

The text lives in `templates/` (package data). Review dates start from the day the file is
written, so the starter passes the review rules for a year; its other values are placeholders
(Example Ltd, example.com) that the writer replaces.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
from importlib import resources
from pathlib import Path, PurePath

import click

from charterlint.exits import EXIT_CLEAN, EXIT_USAGE
from charterlint.source.discovery import is_charter_name
from charterlint.source.loader import SUFFIX_KINDS

FORMATS = ("yaml", "md")
DEFAULT_NAMES = {"yaml": "customer-service.charter.yaml", "md": "customer-service.charter.md"}
STDOUT = "-"
_KIND_FORMATS = {"yaml": "yaml", "markdown": "md", "json": "json"}

# The schema's $id is not published yet: editors read the copy `charterlint schema` writes.
_YAML_HEADER = """\
# yaml-language-server: $schema=./charter.schema.json
# (for completion and checks in your editor, write the schema beside this file once:
#  charterlint schema > charter.schema.json)
#
# A starter customer service charter from `charterlint init`. Replace the example values
# (Example Ltd, example.com, the hours, times and targets) with your own promises, then run
# `charterlint check` on this file; `charterlint explain CODE` says why a rule asks for something.

"""
_MARKDOWN_HEADER = """\
---
# A starter customer service charter from `charterlint init`: the structured charter in this
# front matter (what charterlint checks), the text customers read below it. Replace the example
# values (Example Ltd, example.com, the hours, times and targets) with your own promises, then
# run `charterlint check` on this file; `charterlint explain CODE` says why a rule asks for something.

"""


def a_year_after(day: dt.date) -> dt.date:
    """The same date a year later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def _template(name: str) -> str:
    return resources.files("charterlint").joinpath("templates", name).read_text(encoding="utf-8")


def starter(fmt: str, today: dt.date) -> str:
    """The starter charter in `fmt` (yaml or md), reviewed `today`."""
    charter = (_template("starter.yaml.in")
               .replace("@TODAY@", today.isoformat())
               .replace("@NEXT_REVIEW@", a_year_after(today).isoformat()))
    if fmt == "md":
        return _MARKDOWN_HEADER + charter + "---\n" + _template("starter-body.md.in")
    return _YAML_HEADER + charter


def resolve_target(path: str | None, fmt: str | None) -> tuple[str, str]:
    """(where to write, format): a directory gets the default name; the suffix sets the format.

    Raise click.UsageError when the name's suffix says another kind of file than `fmt`.
    """
    if path is None or (path != STDOUT and os.path.isdir(path)):
        chosen = fmt or "yaml"
        name = DEFAULT_NAMES[chosen]
        return (name if path is None else os.path.join(path, name)), chosen
    kind = SUFFIX_KINDS.get(PurePath(path).suffix.lower())
    implied = _KIND_FORMATS.get(kind) if kind else None
    if implied == "json":
        raise click.UsageError(f'"{path}": init writes YAML or Markdown (use a .yaml or .md name)')
    if fmt is not None and implied is not None and implied != fmt:
        label = "Markdown" if implied == "md" else "YAML"
        raise click.UsageError(f'"{path}" is a {label} file name but --format is {fmt} (change one of them)')
    return path, fmt or implied or "yaml"


def write_new(path: str, content: str, force: bool) -> str | None:
    """Write `content` to a new file (any file with --force); the error message, or None."""
    try:
        with open(path, "w" if force else "x", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
    except FileExistsError:
        return f'"{path}" already exists (use --force to overwrite it)'
    except FileNotFoundError:
        return f'cannot write "{path}": directory "{os.path.dirname(path)}" does not exist'
    except OSError as error:
        return f'cannot write "{path}": {error.strerror or error}'
    return None


def init_charter(path: str | None, fmt: str | None, force: bool, today: dt.date) -> int:
    """`charterlint init`: write the starter (or print it for `-`); exit 0, or 2 when it cannot."""
    target, chosen = resolve_target(path, fmt)
    content = starter(chosen, today)
    if target == STDOUT:
        click.echo(content, nl=False)
        return EXIT_CLEAN
    error = write_new(target, content, force)
    if error is not None:
        click.echo(f"charterlint: error: {error}", err=True)
        return EXIT_USAGE
    shown = Path(target).as_posix()
    click.echo(f"wrote {shown}: replace the example values, then run: charterlint check {shlex.quote(shown)}")
    if not is_charter_name(os.path.basename(target)):
        click.echo(f'charterlint: note: "{shown}" does not end in .charter.yaml or .charter.md: '
                   "directory searches will not find it (name it on the command line)", err=True)
    return EXIT_CLEAN

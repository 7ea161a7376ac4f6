"""`check --fix`, `--unsafe-fixes` and `--diff`: fix the charter files a run would lint.

Each file is read once, fixed as text (fixes.run), and written back through the atomic writer
with its permissions kept, or shown as a unified diff. A symbolic link is never written through
(it could lead out of the tree), nor a file that is not UTF-8 or does not parse.
"""

from __future__ import annotations

import difflib
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from charterlint.atomic import commit, stage
from charterlint.batch.work import read_bytes
from charterlint.engine.settings import LintSettings
from charterlint.fixes.run import decode_fixable, fix_text
from charterlint.reporters.inert import inert
from charterlint.source.discovery import Target


@dataclass(frozen=True, slots=True)
class FixTotals:
    """What a fix run did, for its summary line."""

    applied: int = 0
    files: int = 0
    unsafe_left: int = 0
    failed: bool = False  # a fixed file could not be written


def _warn(target: Target, why: str) -> None:
    click.echo(f'charterlint: warning: not fixing "{inert(target.display)}": {inert(why)}', err=True)


def _write(path: Path, text: str, bom: bytes) -> None:
    """Write the fixed text in place of `path`, keeping its permission bits."""
    mode = stat.S_IMODE(os.stat(path).st_mode)
    staged = stage(path, bom + text.encode("utf-8"), make_parents=False)
    try:
        os.chmod(staged.temporary, mode)
    except OSError:
        pass  # a file system without permission bits: the new file's defaults
    commit(staged)


def unified_diff(display: str, before: str, after: str) -> str:
    """A unified diff of one file, as `git diff` names its sides (the name made inert: a line break
    in it would start a line of its own in a CI log)."""
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=f"a/{inert(display)}", tofile=f"b/{inert(display)}")
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
                   for line in lines)


def fix_files(targets: Sequence[Target], settings: LintSettings, *, unsafe: bool, diff: bool) -> FixTotals:
    """Fix each target (or print its diff); return the totals."""
    applied = files = unsafe_left = 0
    failed = False
    for target in targets:
        if os.path.islink(target.path):
            _warn(target, "a symbolic link (fix the file it links to)")
            continue
        content = read_bytes(target, settings.limits.max_bytes)
        decoded = decode_fixable(content) if isinstance(content, bytes) else None
        if decoded is None:
            continue  # unreadable or not UTF-8: the lint that follows reports it
        text, bom = decoded
        fixed = fix_text(target.display, text, settings, unsafe=unsafe)
        if fixed.problem and "does not parse" not in fixed.problem:
            _warn(target, fixed.problem)
        unsafe_left += fixed.unsafe_left
        if fixed.text == text:
            continue
        applied, files = applied + fixed.applied, files + 1
        if diff:
            click.echo(unified_diff(target.display, text, fixed.text), nl=False)
            continue
        try:
            _write(target.path, fixed.text, bom)
        except OSError as error:
            click.echo(f'charterlint: error: "{inert(target.display)}" cannot be written:'
                       f" {inert(error.strerror or str(error))}", err=True)
            failed = True
    return FixTotals(applied, files, unsafe_left, failed)


def summary(totals: FixTotals, *, diff: bool) -> str:
    """`charterlint: fixed 3 findings in 2 files (1 more fix with --unsafe-fixes)`."""
    def plural(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else ('es' if word.endswith('x') else 's')}"

    verb = "would fix" if diff else "fixed"
    line = f"charterlint: {verb} {plural(totals.applied, 'finding')} in {plural(totals.files, 'file')}"
    if totals.unsafe_left:
        line += f" ({plural(totals.unsafe_left, 'more fix')} with --unsafe-fixes)"
    return line

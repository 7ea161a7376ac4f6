"""Lint a set of files into a Report: reads each file once, never stops at a bad one."""

from __future__ import annotations

import os
from collections.abc import Sequence

from charterlint import __version__
from charterlint.files import Target
from charterlint.linter import LintSettings, failure, lint_bytes
from charterlint.model import FileResult, Report


def read_bytes(target: Target, max_bytes: int) -> bytes | str:
    """The file's content, or a message saying why it cannot be read.

    Reads at most one byte over the limit, so a huge file costs nothing to refuse.
    """
    try:
        with open(target.path, "rb") as handle:
            return handle.read(max_bytes + 1)
    except IsADirectoryError:
        return "is a directory, not a charter file"
    except PermissionError:
        return "cannot be read: permission denied"
    except FileNotFoundError:
        if os.path.islink(target.path):
            return "is a broken symbolic link"
        return "vanished before it could be read"
    except OSError as error:
        return f"cannot be read: {error.strerror or error}"


def lint_target(target: Target, settings: LintSettings) -> FileResult:
    content = read_bytes(target, settings.limits.max_bytes)
    if isinstance(content, str):
        return failure(target.display, f"file {content}", settings)
    if len(content) > settings.limits.max_bytes:
        size = os.path.getsize(target.path) if os.path.exists(target.path) else len(content)
        return failure(
            target.display,
            f"file is {size:,} bytes, over the limit of {settings.limits.max_bytes:,} (limit max-bytes)",
            settings,
        )
    return lint_bytes(target.display, content, settings)


def lint_targets(targets: Sequence[Target], settings: LintSettings) -> Report:
    results = tuple(lint_target(target, settings) for target in targets)
    rules = tuple(active.rule.info(active.severity) for active in settings.rules.values())
    return Report(results, rules, __version__)

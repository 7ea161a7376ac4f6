"""What the user asked `check` (and `matrix`) to do, and the settings that request gives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from charterlint.config.resolve import Config
from charterlint.config.settings import (
    command_line_layer,
    config_path,
    lint_settings,
    load_config,
    per_file_ignores,
    with_formats,
)
from charterlint.engine.settings import LintSettings
from charterlint.source.discovery import Target


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
    fix: bool = False  # --fix: make the safe fixes, then report what remains
    unsafe_fixes: bool = False  # --unsafe-fixes: make the unsafe fixes too
    diff: bool = False  # --diff: print the fixes as a unified diff, write nothing
    lints: bool = True  # False (matrix): the configuration's rule packs load only if named with --config


def build_settings(request: CheckRequest, known_formats: Sequence[str]) -> tuple[Config, LintSettings]:
    """The configuration (files, then the command line, merged) and the lint settings it gives."""
    cwd = Path.cwd()
    command_line = command_line_layer(cwd, select=request.select, extend_select=request.extend_select,
                                      ignore=request.ignore, fail_on=request.fail_on, today=request.today)
    path = config_path(cwd, request.config, request.isolated)
    # A repository's rulesets and plugins (code) load only for a run that lints, or from a
    # configuration the user named (docs/security.md).
    packs = (request.lints and not (request.show_config or request.show_files)) or request.config is not None
    config, rules = load_config(path, command_line, request.preset, cwd, known_formats, packs=packs)
    config = with_formats(config, request.formats)
    return config, lint_settings(config, rules, dt.date.today())


def with_file_ignores(settings: LintSettings, config: Config, targets: Sequence[Target],
                      stdin_name: str | None) -> LintSettings:
    pairs = [(target.display, target.path) for target in targets]
    if stdin_name is not None:
        pairs.append((stdin_name, Path(stdin_name)))
    return replace(settings, per_file_ignores=per_file_ignores(config, pairs))

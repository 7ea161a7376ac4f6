"""How `check` and `matrix` lint their files: how many processes, and which cache.

The command line overrides the configuration: `--jobs` over `jobs`, `--no-cache` over
`cache`, `--cache-dir` over the default `.charterlint_cache/` beside the configuration file
(in the current directory when there is none).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Literal

from charterlint import __version__
from charterlint.batch.run import Plan
from charterlint.cli.request import CheckRequest, build_settings
from charterlint.config.resolve import Config
from charterlint.engine.settings import LintSettings
from charterlint.reporters import reporters

JobsChoice = int | Literal["auto"] | None  # None: not given


def jobs(given: JobsChoice, config: Config) -> int | None:
    """Processes to lint in; None: by the number of files (parallel.auto_jobs)."""
    if given is None:
        return config.jobs
    return None if given == "auto" else given


def cache_root(given: str | None, config: Config, cwd: Path) -> Path:
    """Where the cache lives: --cache-dir, else beside the configuration file, else in `cwd`."""
    from charterlint.batch.cache import DEFAULT_DIRECTORY  # lazy: runs without the cache skip its imports

    if given is not None:
        return cwd / given
    if config.files:
        return (cwd / config.files[0]).parent / DEFAULT_DIRECTORY
    return cwd / DEFAULT_DIRECTORY


def worker_settings(request: CheckRequest, cwd: str, ignores: Mapping[str, frozenset[str]]) -> LintSettings:
    """The lint settings of a worker process that does not fork: built as the parent built them."""
    os.chdir(cwd)  # a forkserver's children start where the server started
    _, settings = build_settings(request, [*reporters(), "auto"])
    return replace(settings, per_file_ignores=dict(ignores))


def make_plan(request: CheckRequest, config: Config, settings: LintSettings, *, use_cache: bool,
              slim: bool) -> tuple[Plan, str]:
    """The plan, and a warning when the cache cannot be used (the run goes on without it).

    `slim`: no reporter of the run shows the charters' content (batch.work.kept).
    """
    cwd = Path.cwd()
    pinned = replace(request, today=settings.today)  # workers must not see midnight pass
    rebuild = partial(worker_settings, pinned, str(cwd), dict(settings.per_file_ignores))
    plan = Plan(jobs(request.jobs, config), None, slim, rebuild)
    enabled = config.cache if request.cache is None else request.cache
    if not (use_cache and enabled):
        return plan, ""
    # lazy: runs without the cache (--no-cache, standard input only) never import it
    from charterlint.batch.cache import CacheError, open_cache
    from charterlint.batch.cache_key import run_key

    try:
        cache = open_cache(cache_root(request.cache_dir, config, cwd), run_key(settings, __version__))
    except CacheError as error:
        return plan, f"{error} (linting without the cache)"
    return replace(plan, cache=cache), ""

"""How many processes a run lints in when `--jobs` is auto: by the number of files and cores."""

from __future__ import annotations

import os

AUTO_MIN_FILES = 50  # below this, starting processes costs more than it saves
AUTO_FILES_PER_JOB = 25


def usable_cores() -> int:
    """The CPU cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def auto_jobs(files: int, cores: int) -> int:
    """One process below AUTO_MIN_FILES files, else one per AUTO_FILES_PER_JOB files, at most `cores`."""
    if files < AUTO_MIN_FILES:
        return 1
    return max(1, min(cores, files // AUTO_FILES_PER_JOB))

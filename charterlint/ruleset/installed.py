"""A quick look for installed plugins, before paying for importlib.metadata.

Most runs have no plugin installed. importlib.metadata costs a few milliseconds to import and
parses every distribution's entry points; a one-file run (pre-commit) feels that. This scan
reads only `entry_points.txt` files on sys.path as bytes and looks for the group's name: when
no file names it, no entry point of the group can exist. When one does, or when sys.path holds
something this scan cannot read (a zip file), the caller asks importlib.metadata.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

PLUGIN_GROUP = "charterlint.rules"  # the entry-point group rule packs install under
_METADATA_SUFFIXES = (".dist-info", ".egg-info")


def _listing(directory: str) -> list[str] | None:
    """Metadata directory names in `directory`; None when it is not a directory we can list."""
    try:
        with os.scandir(directory) as entries:
            return [entry.name for entry in entries if entry.name.lower().endswith(_METADATA_SUFFIXES)]
    except NotADirectoryError:
        return None
    except OSError:
        return []


def may_declare(group: str, path: Sequence[str] | None = None) -> bool:
    """False only when no distribution on `path` (default sys.path) can declare `group`."""
    needle = group.encode("utf-8")
    for entry in sys.path if path is None else path:
        directory = entry or "."
        names = _listing(directory)
        if names is None:
            if os.path.exists(directory):
                return True  # a zip archive or the like: let importlib.metadata look inside
            continue
        for name in names:
            try:
                with open(os.path.join(directory, name, "entry_points.txt"), "rb") as handle:
                    if needle in handle.read():
                        return True
            except OSError:
                continue
    return False

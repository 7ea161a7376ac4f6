"""Where the shipped data lives: inside the package when installed, beside it in a checkout."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """`schemas` or `rules`: packaged copy first (wheel), else the source checkout's."""
    packaged = _PACKAGE / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / name


@cache
def load_schema(name: str) -> Any:
    """A JSON Schema from `schemas/` (read once per process; schemas are immutable data)."""
    with open(data_dir("schemas") / name, encoding="utf-8") as handle:
        return json.load(handle)

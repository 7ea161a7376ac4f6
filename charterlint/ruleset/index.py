"""rules/index.json: the built-in rule files' data, parsed ahead, so a run need not parse 44 files.

The index records a digest of the rule files it was made from; it is used only while the
files still have that digest (else they are parsed, as fast as PyYAML's C loader allows), so
an edited rule file is never shadowed by a stale index. Regenerate it, with docs/rules.md, by
`python -m charterlint.ruleset`; tests/ruleset/test_builtin_rule_files.py checks it is current and
that every file it was made from passes the rule schema.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

INDEX = "index.json"


class _RuleLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's C loader with dates kept as strings, as the positioned loader keeps them."""


_RuleLoader.add_constructor("tag:yaml.org,2002:timestamp", _RuleLoader.construct_yaml_str)


def rule_paths(directory: Path) -> list[Path]:
    return sorted(directory.glob("CH*.yaml"))


def digest(paths: Sequence[Path], contents: Sequence[bytes]) -> str:
    """Each file's name, size and CRC-32: enough to tell an edited file (zlib costs no import time)."""
    return ";".join(f"{path.name}:{len(content)}:{zlib.crc32(content):08x}" for path, content in zip(paths, contents))


def parse(content: bytes) -> dict[str, Any]:
    """One rule file's data (not validated: see the module docstring)."""
    data: dict[str, Any] = yaml.load(content, Loader=_RuleLoader)  # noqa: S506 - a safe loader
    return data


def _indexed(directory: Path, expected: str) -> dict[str, Any] | None:
    try:
        index = json.loads((directory / INDEX).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(index, dict) or index.get("digest") != expected or not isinstance(index.get("rules"), dict):
        return None
    rules: dict[str, Any] = index["rules"]
    return rules


def builtin_rule_data(directory: Path) -> list[tuple[Path, dict[str, Any]]]:
    """Each built-in rule file with its data, by file name: from the index while it is current."""
    paths = rule_paths(directory)
    contents = [path.read_bytes() for path in paths]
    indexed = _indexed(directory, digest(paths, contents))
    if indexed is not None and all(path.name in indexed for path in paths):
        return [(path, indexed[path.name]) for path in paths]
    return [(path, parse(content)) for path, content in zip(paths, contents)]


def render_index(directory: Path) -> str:
    """The index of the rule files in `directory`, as written to rules/index.json."""
    paths = rule_paths(directory)
    contents = [path.read_bytes() for path in paths]
    rules = {path.name: parse(content) for path, content in zip(paths, contents)}
    return json.dumps({"digest": digest(paths, contents), "rules": rules}, indent=1, sort_keys=True,
                      ensure_ascii=False) + "\n"

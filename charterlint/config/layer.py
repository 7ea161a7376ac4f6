"""Read one configuration file into plain data with a position per key, and validate it.

`.charterlint.yaml` goes through the same positioned YAML loader as charters, so errors
point at the line and column of the offending key or value. TOML (`[tool.charterlint]` in
pyproject.toml) is parsed by tomllib, which keeps no positions: a small scan of the text's
table headers and `key =` lines finds the line of each key (best effort: a value inside a
multi-line array is reported at its key's line).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from charterlint.charter.subjects import kind_of
from charterlint.model import Span
from charterlint.schema.datafile import DataFileError, first_failure, key_name, located, parse_data_file
from charterlint.schema.validator import schema_validator
from charterlint.source.document import NodeSpans
from charterlint.source.pointer import keys, pointers
from charterlint.source.regular import read_text

CLI_FLAGS = {"select": "--select", "extend-select": "--extend-select", "ignore": "--ignore",
             "fail-on": "--fail-on", "today": "--today"}

class ConfigError(Exception):
    """A configuration that cannot be used: names the file, line, column and key."""


@dataclass(frozen=True, slots=True)
class Layer:
    """One configuration file's settings (or the command line's), validated by the schema."""

    source: str  # the file as shown in messages; "" for the command line
    base: Path  # the directory its relative paths and globs are relative to
    data: Mapping[str, Any]
    nodes: Mapping[str, NodeSpans]  # by JSON pointer

    def error(self, pointer: str, message: str, anchor: str = "value") -> ConfigError:
        """An error at the key or value `pointer` names: `file:line:column: key: message`."""
        if not self.source:
            key = key_name(pointer)
            return ConfigError(f"{CLI_FLAGS.get(key.split('.')[0], key)}: {message}")
        return ConfigError(located(self.source, self.nodes, pointer, message, anchor, whole="configuration"))


def read_layer(path: Path, source: str) -> Layer | None:
    """The validated settings in `path`; None for a pyproject.toml without [tool.charterlint]."""
    try:
        text = read_text(path, too_big=": not a configuration file")  # a pipe or a device never hangs the run
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{source}: cannot be read: {getattr(error, 'strerror', None) or error}") from None
    if path.suffix == ".toml":
        found = _read_toml(text, source)
        if found is None:
            return None
        data, nodes = found
    else:
        data, nodes = _read_yaml(text, source)
    layer = Layer(source, path.parent.resolve(), data, nodes)
    validate_layer(layer)
    return layer


def _read_yaml(text: str, source: str) -> tuple[Any, Mapping[str, NodeSpans]]:
    try:
        file = parse_data_file(text, source)
    except DataFileError as error:
        raise ConfigError(str(error)) from None
    return file.data, file.nodes


def _read_toml(text: str, source: str) -> tuple[Any, Mapping[str, NodeSpans]] | None:
    if sys.version_info >= (3, 11):  # imported here: most runs read no TOML
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"\s*\(at line (\d+), column (\d+)\)$", str(error))
        position = f"{where.group(1)}:{where.group(2)}:" if where else ""
        message = str(error)[: where.start()] if where else str(error)
        raise ConfigError(f"{source}:{position} invalid TOML: {message}") from None
    section = document.get("tool", {}).get("charterlint")
    if section is None:
        return None
    data = _plain(section)
    found = _toml_keys(text)
    nodes = {pointer: _toml_node(found, pointer) for pointer in pointers(data)}
    return data, nodes


def _plain(value: Any) -> Any:
    """TOML dates become ISO strings, as YAML dates stay strings."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return value


# Patterns for TOML keys, compiled on first use (re caches them): most runs read no TOML.
_HEADER = r"^\s*\[\[?([^\]]+)\]\]?\s*(?:#.*)?$"
_KEY = r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
_PART = r"""[A-Za-z0-9_-]+|"([^"]*)"|'([^']*)'"""


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(m.group(1) or m.group(2) or m.group(0) for m in re.finditer(_PART, dotted))


def _toml_keys(text: str) -> list[tuple[tuple[str, ...], int, int]]:
    """Every table header and `key =` line: its full key path, line and column."""
    found: list[tuple[tuple[str, ...], int, int]] = []
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(_HEADER, line)
        if header:
            table = _parts(header.group(1))
            found.append((table, number, header.start(1) + 1))
            continue
        key = re.match(_KEY, line)
        if key:
            found.append((table + _parts(key.group(1)), number, key.start(1) + 1))
    return found


def _toml_node(found: list[tuple[tuple[str, ...], int, int]], pointer: str) -> NodeSpans:
    """The line of the key that best matches `pointer` (the longest common key path)."""
    target = ("tool", "charterlint", *keys(pointer))
    best, best_score = Span.at(1, 1), -1
    for path, line, column in found:
        score = 0
        for mine, theirs in zip(path, target):
            if mine != theirs:
                break
            score += 1
        if score == len(path) and score > best_score:
            best, best_score = Span.at(line, column), score
    return NodeSpans(best, best)


def validate_layer(layer: Layer) -> None:
    """Raise ConfigError for the first schema failure, in source order."""
    if not isinstance(layer.data, dict):  # named by kind, never quoted: `extends` may name any file
        raise layer.error("", f"expected a mapping of settings, not {kind_of(layer.data)}")
    failure = first_failure(schema_validator("config.schema.json"), layer.data, layer.nodes)
    if failure is not None:
        pointer, anchor, message = failure
        raise layer.error(pointer, message, anchor)

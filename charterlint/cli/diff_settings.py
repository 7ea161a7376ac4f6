"""What `charterlint diff` takes from the configuration and the command line: its rules (every
CH6xx rule, less those turned off one at a time), their severities, the limits and fail level.

The configuration's `select`, `extend-select` and preset choose `check`'s rules; diff runs
every diff rule unless an `ignore` (configuration or `--ignore`) or a `per-file-ignores` entry
names one alone (diff.rules). `--select` narrows a diff run to some diff rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from charterlint.config.globs import PathGlob
from charterlint.config.resolve import Config, ConfigError, Layers
from charterlint.config.settings import command_line_layer, config_path, load_config_layers
from charterlint.diff.rules import diff_rules, turned_off
from charterlint.diff.versions import DiffSettings
from charterlint.engine.settings import ActiveRule
from charterlint.ruleset.rule import Rule
from charterlint.ruleset.selection import SelectionError, resolve
from charterlint.schema.problems import charter_validator


@dataclass(frozen=True, slots=True)
class DiffOptions:
    """The options of `charterlint diff` that choose rules and settings."""

    select: Sequence[str] | None
    ignore: Sequence[str]
    fail_on: str | None
    today: dt.date | None
    config: str | None
    isolated: bool


@dataclass(frozen=True, slots=True)
class Resolved:
    config: Config
    settings: DiffSettings
    file_ignores: tuple[tuple[PathGlob, frozenset[str]], ...]
    notes: tuple[str, ...]  # configuration selectors diff does not apply, said on stderr

    def with_paths(self, pairs: Iterable[tuple[str, Path]]) -> DiffSettings:
        """The settings with `per-file-ignores` worked out for these (report path, file) pairs."""
        off = {display: frozenset().union(*(codes for glob, codes in self.file_ignores if glob.matches(path)))
               for display, path in pairs}
        return replace(self.settings, turned_off={path: codes for path, codes in off.items() if codes})


def _named_alone_only(selectors: Sequence[str], rules: Sequence[Rule], setting: str) -> set[str]:
    """--ignore on the command line: each selector must name one diff rule alone."""
    codes, notes = turned_off(selectors, rules)
    if notes:
        raise ConfigError(f"{setting}: {notes[0]}")
    unknown = [s for s in selectors if not turned_off([s], rules)[0]]
    if unknown:
        raise ConfigError(f'{setting}: "{unknown[0]}" names no diff rule (diff rules are CH6xx: charterlint rules)')
    return codes


def _config_ignores(layers: Layers, rules: Sequence[Rule]) -> tuple[set[str], list[str]]:
    codes: set[str] = set()
    notes: list[str] = []
    for layer in layers.layers[:-1]:  # the files; the command line's --ignore is checked strictly
        found, said = turned_off(layer.data.get("ignore", ()), rules)
        codes |= found
        notes += [f"{layer.source}: ignore: {note}" for note in said]
    return codes, notes


_FileIgnores = tuple[tuple[PathGlob, frozenset[str]], ...]


def _file_ignores(layers: Layers, rules: Sequence[Rule]) -> tuple[_FileIgnores, list[str]]:
    found = layers.last("per-file-ignores")
    if found is None:
        return (), []
    layer, table = found
    entries, notes = [], []
    for glob, selectors in table.items():
        codes, said = turned_off(selectors, rules)
        notes += [f"{layer.source}: per-file-ignores: {note}" for note in said]
        if codes:
            entries.append((PathGlob(glob, layer.base), frozenset(codes)))
    return tuple(entries), notes


def resolve_diff_settings(options: DiffOptions, known_formats: Sequence[str]) -> Resolved:
    """The configuration and diff settings; ConfigError for a selector or file that is wrong."""
    cwd = Path.cwd()
    command_line = command_line_layer(cwd, fail_on=options.fail_on, today=options.today)
    path = config_path(cwd, options.config, options.isolated)
    config, rules, layers = load_config_layers(path, command_line, None, cwd, known_formats)
    by_kind = diff_rules(rules)
    family = list(by_kind.values())
    enabled = {rule.code for rule in family}
    if options.select is not None:
        try:
            enabled = resolve(options.select, family, "--select")
        except SelectionError as error:
            raise ConfigError(f"{error} among the diff rules (CH6xx: charterlint rules)") from None
    off, notes = _config_ignores(layers, family)
    enabled -= off | _named_alone_only(options.ignore, family, "--ignore")
    file_ignores, file_notes = _file_ignores(layers, family)
    active = {kind: ActiveRule(rule, config.severities.get(rule.code, rule.severity))
              for kind, rule in by_kind.items() if rule.code in enabled}
    settings = DiffSettings(active, tuple(family), charter_validator(), config.today or dt.date.today(),
                            config.limits)
    return Resolved(config, settings, file_ignores, tuple(notes + file_notes))

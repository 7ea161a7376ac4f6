"""From the command line's request to the run's Config, rules and lint settings.

I/O lives here and in config.py (finding and reading configuration files, importing
plugins); merging and checking are pure functions of what was read.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from charterlint.config.layer import Layer
from charterlint.config.resolve import Config, ConfigError, Layers, find_config, load_layers, resolve_config
from charterlint.engine.settings import ActiveRule, LintSettings
from charterlint.ruleset.rule import Rule, RuleFileError, load_builtin_rules
from charterlint.schema.problems import charter_validator
from charterlint.source.discovery import Target, display_path


def command_line_layer(cwd: Path, *, select: Sequence[str] | None = None, extend_select: Sequence[str] = (),
                       ignore: Sequence[str] = (), fail_on: str | None = None,
                       today: dt.date | None = None) -> Layer:
    """The command line's settings as the last configuration layer (only what was given)."""
    given: dict[str, Any] = {"select": None if select is None else list(select),
                             "extend-select": list(extend_select) or None, "ignore": list(ignore) or None,
                             "fail-on": fail_on, "today": today.isoformat() if today else None}
    return Layer("", cwd, {key: value for key, value in given.items() if value is not None}, {})


def config_path(cwd: Path, explicit: str | None, isolated: bool) -> Path | None:
    """The configuration file to read: --config, else the one found from `cwd` up (none if --isolated)."""
    if explicit is not None and isolated:
        raise ConfigError("--config and --isolated cannot be used together"
                          " (--isolated ignores every configuration file)")
    if isolated:
        return None
    if explicit is None:
        return find_config(cwd)
    path = Path(explicit)
    if not path.exists() or path.is_dir():  # a pipe or a device: read_layer says what it is
        raise ConfigError(f'--config: "{explicit}" does not exist')
    return path


def load_config(path: Path | None, command_line: Layer, preset: str | None, cwd: Path,
                formats: Sequence[str], *, packs: bool = False) -> tuple[Config, tuple[Rule, ...]]:
    """The merged configuration and every rule of this run (built-in and plugin rules).

    The configuration's `rulesets:` and `plugins:` load only when `packs` is true (a command that
    lints, or a configuration the user named with --config): a repository's configuration runs no
    code for `explain`, `rules`, `matrix`, `--show-config` or `--show-files`. Without them, rule
    selectors that name no known rule are passed over (they may name a pack's rules).
    """
    config, rules, _ = load_config_layers(path, command_line, preset, cwd, formats, packs=packs)
    return config, rules


def load_config_layers(path: Path | None, command_line: Layer, preset: str | None, cwd: Path,
                       formats: Sequence[str], *, packs: bool = False) -> tuple[Config, tuple[Rule, ...], Layers]:
    """As `load_config`, with the layers it merged, for a command that reads them one by one
    (`diff` judges each file's `ignore` on its own): the files are read once."""
    layers = load_layers(path, command_line, preset, cwd)
    try:
        rules = tuple(sorted(load_builtin_rules() + _plugin_rules(layers, packs), key=lambda rule: rule.code))
    except RuleFileError as error:
        raise ConfigError(str(error)) from None
    skipped = not packs and (layers.last("rulesets") is not None or layers.last("plugins") is not None)
    return resolve_config(layers, rules, formats, lenient=skipped), rules, layers


def _plugin_rules(layers: Layers, packs: bool) -> tuple[Rule, ...]:
    """Rules of declarative rulesets, `plugins:` modules (when `packs`) and installed packs (entry points)."""
    # lazy, here and below: most runs load no pack, and the plugin machinery costs start-up time
    from charterlint.ruleset.installed import PLUGIN_GROUP, may_declare

    rulesets, modules, search_path = layers.plugin_sources() if packs else ((), (), ())
    if not (rulesets or modules or may_declare(PLUGIN_GROUP)):
        return ()  # no pack to load: skip importing the plugin machinery
    from charterlint.ruleset.plugins import PluginError, load_rule_packs

    try:
        return load_rule_packs(rulesets, modules, search_path=search_path)
    except PluginError as error:
        raise ConfigError(str(error)) from None


def lint_settings(config: Config, rules: Sequence[Rule], today: dt.date) -> LintSettings:
    """What linting each file needs: the enabled rules with their severity and options."""
    enabled = set(config.enabled)
    active = {
        rule.code: ActiveRule(rule, config.severities.get(rule.code, rule.severity), config.options.get(rule.code, {}))
        for rule in rules
        if rule.code in enabled and not rule.engine.compares  # diff rules: only `charterlint diff` reports them
    }
    return LintSettings(rules=active, today=config.today or today, validator=charter_validator(),
                        limits=config.limits, catalogue=tuple(rules))


def lintable(targets: Iterable[Target], paths: Sequence[str], config: Config,
             force_exclude: bool) -> tuple[Target, ...]:
    """The targets `exclude` leaves; files named on the command line stay unless --force-exclude."""
    named = {os.path.abspath(path) for path in paths if not os.path.isdir(path)}
    return tuple(
        target for target in targets
        if not config.excludes(target.path) or (not force_exclude and os.path.abspath(target.path) in named)
    )


def per_file_ignores(config: Config, targets: Iterable[tuple[str, Path]]) -> dict[str, frozenset[str]]:
    """{report path: codes turned off} for the (report path, file) pairs `per-file-ignores` matches."""
    found = {display: config.ignored_in(path) for display, path in targets}
    return {display: codes for display, codes in found.items() if codes}


def render_config(config: Config, settings: LintSettings, cwd: Path) -> str:
    """`--show-config`: the effective settings as YAML (what the run will use, after merging)."""
    data: dict[str, Any] = {
        "config-files": list(config.files),
        "preset": config.preset,
        "fail-on": config.fail_on,
        "today": settings.today.isoformat(),
        "format": list(config.formats),
        "limits": {"max-bytes": config.limits.max_bytes, "max-depth": config.limits.max_depth,
                   "max-nodes": config.limits.max_nodes},
        "jobs": "auto" if config.jobs is None else config.jobs,
        "cache": config.cache,
        "exclude": [glob.pattern for glob in config.exclude],
        "per-file-ignores": {entry.glob.pattern: sorted(entry.codes) for entry in config.per_file_ignores},
        "rulesets": [display_path(path, cwd) for path in config.rulesets],
        "plugins": list(config.plugins),
        "rules": {code: _rule_entry(active) for code, active in settings.rules.items()},
    }
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=None)


def _rule_entry(active: ActiveRule) -> Mapping[str, Any]:
    entry: dict[str, Any] = {"name": active.rule.name, "severity": active.severity.label}
    if active.rule.options:
        entry["options"] = {**active.rule.default_options, **active.options}
    return entry


def with_formats(config: Config, given: Sequence[str]) -> Config:
    """Command-line formats over the configuration's, over `auto`."""
    return replace(config, formats=tuple(given) or config.formats or ("auto",))

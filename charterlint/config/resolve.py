"""Find, read and merge configuration into a frozen Config.

Layers apply in order: the preset, then each file of the `extends` chain from the base to the
file found, then the command line. Later layers override earlier ones key by key; `rules` and
`limits` merge per entry; `select` / `extend-select` / `ignore` apply in turn, as ruff does.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from charterlint.charter.subjects import did_you_mean
from charterlint.config.globs import PathGlob
from charterlint.config.layer import ConfigError, Layer, read_layer
from charterlint.model import Severity
from charterlint.ruleset.rule import Rule
from charterlint.ruleset.selection import PRESETS, matches, no_rule, preset_codes
from charterlint.schema.datafile import explain, one_of, unknown_key
from charterlint.schema.validator import compile_schema
from charterlint.source.discovery import display_path, within
from charterlint.source.document import Limits
from charterlint.source.pointer import escape
from charterlint.source.regular import read_text

CONFIG_NAMES = (".charterlint.yaml", ".charterlint.yml", "pyproject.toml")
# Also matches a header with a typo in its brackets (`[tool.charterlint`), so the file is read
# and its TOML error reported instead of the configuration being passed over silently.
_TOOL_SECTION = r"^\s*\[+\s*tool\s*\.\s*charterlint\b"  # compiled when a pyproject.toml is met
_LIMIT_FIELDS = {"max-bytes": "max_bytes", "max-depth": "max_depth", "max-nodes": "max_nodes"}

__all__ = ["Config", "ConfigError", "FileIgnore", "Layers", "RenderSettings", "find_config", "load_layers",
           "resolve_config"]


@dataclass(frozen=True, slots=True)
class FileIgnore:
    """Rules not run on files matching a glob."""

    glob: PathGlob
    codes: frozenset[str]


@dataclass(frozen=True, slots=True)
class Layers:
    """The configuration as read: the preset and the layers over it, the command line last."""

    preset: str
    files: tuple[str, ...]  # the files read, the one found (or given) first
    layers: tuple[Layer, ...]

    def last(self, key: str) -> tuple[Layer, Any] | None:
        """The layer that sets `key` last, and its value."""
        for layer in reversed(self.layers):
            if key in layer.data:
                return layer, layer.data[key]
        return None

    def plugin_sources(self) -> tuple[tuple[Path, ...], tuple[str, ...], tuple[Path, ...]]:
        """Rule pack files, plugin modules, and the directories those modules are imported from."""
        rulesets: tuple[Path, ...] = ()
        found = self.last("rulesets")
        if found is not None:
            layer, paths = found
            for index, given in enumerate(paths):
                if not (layer.base / given).exists():
                    raise layer.error(f"/rulesets/{index}",
                                      f'"{given}" does not exist (paths are relative to {layer.source})')
            rulesets = tuple(layer.base / given for given in paths)
        modules = self.last("plugins")
        if modules is None:
            return rulesets, (), ()
        return rulesets, tuple(modules[1]), (modules[0].base,)


@dataclass(frozen=True, slots=True)
class RenderSettings:
    """`render:` in the configuration: what `charterlint render` publishes with (docs/render.md)."""

    templates: Path | None = None  # the organisation's template directory, searched first
    messages: Path | None = None  # a YAML file of the page's words
    language: str | None = None  # the page's language when the charter gives none


@dataclass(frozen=True, slots=True)
class Config:
    """The effective settings of a run (configuration files and command line merged)."""

    files: tuple[str, ...] = ()
    preset: str = "recommended"
    enabled: tuple[str, ...] = ()  # rule codes, in code order
    severities: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    per_file_ignores: tuple[FileIgnore, ...] = ()
    exclude: tuple[PathGlob, ...] = ()
    fail_on: str = "warning"
    today: dt.date | None = None
    formats: tuple[str, ...] = ()
    limits: Limits = Limits()
    rulesets: tuple[Path, ...] = ()
    plugins: tuple[str, ...] = ()
    jobs: int | None = None  # processes linting in parallel; None: chosen by the number of files
    cache: bool = True  # keep results in the cache directory
    render: RenderSettings = RenderSettings()

    def ignored_in(self, path: Path) -> frozenset[str]:
        """The codes `per-file-ignores` turns off for `path`."""
        return frozenset().union(*(entry.codes for entry in self.per_file_ignores if entry.glob.matches(path)))

    def excludes(self, path: Path) -> bool:
        return any(glob.matches(path) for glob in self.exclude)


def repository_of(directory: Path) -> Path:
    """The repository a configuration in `directory` belongs to: the nearest folder at or above it
    holding .git, else `directory` itself (what a configuration's `extends` and `format` may reach)."""
    for candidate in (directory, *directory.parents):
        if (candidate / ".git").exists():
            return candidate
    return directory


def inside(path: Path, root: Path, *, follow: bool = True) -> bool:
    """Whether `path` lies inside `root`, links in its folders followed; a link at `path` itself is
    followed to its end when `follow` (a file to read), not otherwise (a report replaces a link)."""
    if follow:
        real = os.path.realpath(path)
    else:
        real = os.path.join(os.path.realpath(path.parent), path.name)
    return within(real, root)


def _system_path(path: str) -> bool:
    """/dev/stdout, /dev/null and the like: never a repository's file."""
    return os.path.abspath(path).startswith("/dev/")


def find_config(start: Path) -> Path | None:
    """The first configuration file from `start` upward, stopping at the repository root."""
    for directory in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_section(candidate)):
                return candidate
        if (directory / ".git").exists():
            return None
    return None


def _has_section(pyproject: Path) -> bool:
    try:
        return re.search(_TOOL_SECTION, read_text(pyproject), re.MULTILINE) is not None
    except (OSError, UnicodeDecodeError):
        return False


def load_layers(path: Path | None, command_line: Layer, preset: str | None, cwd: Path) -> Layers:
    """Read `path` and the files it extends (cycles are errors); the command line goes last."""
    chain: list[Layer] = []
    seen: list[Path] = []
    base_preset = "recommended"
    while path is not None:
        source = display_path(path, cwd)
        if path.resolve() in seen:
            cycle = " -> ".join([*(layer.source for layer in chain), source])
            raise chain[-1].error("/extends", f'"{chain[-1].data["extends"]}" makes a cycle: {cycle}')
        seen.append(path.resolve())
        layer = read_layer(path, source)
        if layer is None:
            raise ConfigError(f"{source}: has no [tool.charterlint] section")
        chain.append(layer)
        path, base_preset = _extended(layer, base_preset)
    files = tuple(layer.source for layer in chain)
    return Layers(preset or base_preset, files, (*reversed(chain), command_line))


def _extended(layer: Layer, preset: str) -> tuple[Path | None, str]:
    extends = layer.data.get("extends")
    if extends is None:
        return None, preset
    if extends in PRESETS:
        return None, extends
    target = layer.base / extends
    if target.exists() and not target.is_dir():  # a pipe or a device: read_layer says what it is
        if not inside(target, repository_of(layer.base)):  # /etc/passwd, ../secret.env: never read
            raise layer.error("/extends", f'"{extends}" is outside the repository: a configuration extends only'
                                          " presets and files inside its own repository")
        return target, preset
    if "/" not in extends and "." not in extends:
        raise layer.error("/extends", f'"{extends}" is neither a preset ({", ".join(PRESETS)})'
                                      f" nor a configuration file{did_you_mean(extends, PRESETS)}")
    raise layer.error("/extends", f'"{extends}" does not exist (paths are relative to {layer.source})')


def resolve_config(layers: Layers, rules: Sequence[Rule], formats: Sequence[str], *,
                   lenient: bool = False) -> Config:
    """Check every rule name, option and format against what this run knows; merge the layers.

    `lenient`: the configuration's rule packs were not loaded, so a selector or `rules:` key that
    names no known rule is passed over instead of being an error.
    """
    enabled = preset_codes(rules, layers.preset)
    severities: dict[str, Severity] = {}
    options: dict[str, dict[str, Any]] = {}
    limits: dict[str, int] = {}
    for layer in layers.layers:
        if "select" in layer.data:
            enabled = _codes(layer, "select", layer.data["select"], rules, lenient=lenient)
        enabled |= _codes(layer, "extend-select", layer.data.get("extend-select", ()), rules, lenient=lenient)
        enabled -= _codes(layer, "ignore", layer.data.get("ignore", ()), rules, lenient=lenient)
        for name, setting in layer.data.get("rules", {}).items():
            if lenient and not any(matches(name, rule) or name == rule.name for rule in rules):
                continue  # a rule of a pack that was not loaded
            rule = _rule(layer, name, rules)
            if "severity" in setting:
                severities[rule.code] = Severity.parse(setting["severity"])
            _check_options(layer, f"/rules/{escape(name)}/options", setting.get("options", {}), rule)
            options.setdefault(rule.code, {}).update(setting.get("options", {}))
        limits.update({_LIMIT_FIELDS[key]: value for key, value in layer.data.get("limits", {}).items()})
    rulesets, plugins, _ = layers.plugin_sources()
    return Config(
        files=layers.files,
        preset=layers.preset,
        enabled=tuple(rule.code for rule in rules if rule.code in enabled),
        severities=severities,
        options=options,
        per_file_ignores=_per_file_ignores(layers, rules, lenient),
        exclude=_globs(layers, "exclude"),
        fail_on=_value(layers, "fail-on", "warning"),
        today=_today(layers),
        formats=_formats(layers, formats),
        limits=Limits(**limits),
        rulesets=rulesets,
        plugins=plugins,
        jobs=_jobs(layers),
        cache=bool(_value(layers, "cache", True)),
        render=_render(layers),
    )


def _render(layers: Layers) -> RenderSettings:
    """`render:` of the last layer that sets it; its paths relative to that file, inside its repository
    (a repository's configuration never reads templates or words from elsewhere on the machine)."""
    found = layers.last("render")
    if found is None:
        return RenderSettings()
    layer, value = found
    paths: dict[str, Path] = {}
    for key in ("templates", "messages"):
        if key in value:
            path = layer.base / value[key]
            if layer.source and not inside(path, repository_of(layer.base)):
                raise layer.error(f"/render/{key}", f'"{value[key]}" is outside the repository: templates and'
                                                    " messages are read only from inside it")
            paths[key] = path
    return RenderSettings(paths.get("templates"), paths.get("messages"), value.get("language"))


def _jobs(layers: Layers) -> int | None:
    value = _value(layers, "jobs", "auto")
    return None if value == "auto" else int(value)


def _value(layers: Layers, key: str, default: Any) -> Any:
    found = layers.last(key)
    return default if found is None else found[1]


def _codes(layer: Layer, key: str, selectors: Sequence[str], rules: Sequence[Rule], pointer: str = "", *,
           lenient: bool = False) -> set[str]:
    codes: set[str] = set()
    for index, selector in enumerate(selectors):
        named = {rule.code for rule in rules if matches(selector, rule)}
        if not named and not lenient:
            raise layer.error(f"{pointer or '/' + key}/{index}", no_rule(selector, rules))
        codes |= named
    return codes


def _rule(layer: Layer, name: str, rules: Sequence[Rule]) -> Rule:
    """The one rule a `rules:` key names, by its code or its name."""
    for rule in rules:
        if name.upper() == rule.code or name == rule.name:
            return rule
    if any(matches(name, rule) for rule in rules):
        raise layer.error(f"/rules/{escape(name)}",
                          f'"{name}" names several rules: rules takes one rule\'s code or name', "key")
    raise layer.error(f"/rules/{escape(name)}", no_rule(name, rules), "key")


def _check_options(layer: Layer, pointer: str, given: Mapping[str, Any], rule: Rule) -> None:
    if given and not rule.options:
        raise layer.error(f"{pointer}/{escape(next(iter(given)))}",
                          f"rule {rule.code} ({rule.name}) has no options", "key")
    see = f"(see charterlint explain {rule.code})"
    properties = {name: {"title": f"a valid {name} {see}", **spec} for name, spec in rule.options.items()}
    validator = compile_schema({"type": "object", "properties": properties, "additionalProperties": False})
    if validator.passes_fast(dict(given)):
        return
    errors = sorted(validator.detailed.iter_errors(dict(given)), key=lambda e: list(e.absolute_path))
    if errors:
        sub_pointer, anchor, message = explain(errors[0])
        if errors[0].validator == "additionalProperties":
            unknown = sub_pointer.rpartition("/")[2]
            message = unknown_key(unknown, sorted(rule.options)).replace("key", "option", 1)
        raise layer.error(pointer + sub_pointer, message, anchor)


def _per_file_ignores(layers: Layers, rules: Sequence[Rule], lenient: bool = False) -> tuple[FileIgnore, ...]:
    found = layers.last("per-file-ignores")
    if found is None:
        return ()
    layer, table = found
    return tuple(
        FileIgnore(PathGlob(glob, layer.base),
                   frozenset(_codes(layer, "per-file-ignores", selectors, rules, f"/per-file-ignores/{escape(glob)}",
                                    lenient=lenient)))
        for glob, selectors in table.items()
    )


def _globs(layers: Layers, key: str) -> tuple[PathGlob, ...]:
    found = layers.last(key)
    return () if found is None else tuple(PathGlob(glob, found[0].base) for glob in found[1])


def _today(layers: Layers) -> dt.date | None:
    found = layers.last("today")
    if found is None:
        return None
    layer, value = found
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise layer.error("/today", f'"{value}" is not a date: expected YYYY-MM-DD') from None


def _formats(layers: Layers, known: Sequence[str]) -> tuple[str, ...]:
    found = layers.last("format")
    if found is None:
        return ()
    layer, value = found
    specs = [value] if isinstance(value, str) else value
    resolved = []
    for index, spec in enumerate(specs):
        name, _, path = spec.partition(":")
        if name not in known:
            raise layer.error("/format" if isinstance(value, str) else f"/format/{index}", one_of(name, list(known)))
        if path and layer.source and not os.path.isabs(path):
            path = str(layer.base / path)
        if path and layer.source and path != "-" and not _system_path(path) and not inside(
                Path(path), repository_of(layer.base), follow=False):
            raise layer.error("/format" if isinstance(value, str) else f"/format/{index}",
                              f'"{spec}" writes outside the repository: a configuration writes reports only'
                              " inside its own repository (give such a path with --format)")
        resolved.append(f"{name}:{path}" if path else name)
    return tuple(resolved)

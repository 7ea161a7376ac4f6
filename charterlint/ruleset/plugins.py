"""Plugins: rule packs from entry points, local modules and declarative rulesets.

Loaded in small stages, as flake8 loads its plugins: find (entry points of the group
`charterlint.rules`, the modules `plugins:` names) -> load (import; the object must be a
`RulePack`) -> validate (prefixes apart from each other and from CH, codes under the
pack's prefix, names unique, rule files valid). Errors name the plugin as
`package[entry]` (`local[module]` for `plugins:` modules) or the rule file and line.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from charterlint.resources import data_dir
from charterlint.ruleset.installed import PLUGIN_GROUP, may_declare
from charterlint.ruleset.packs import MANIFEST, PackError, RulePack, load_pack, read_manifest
from charterlint.ruleset.rule import Rule, load_builtin_rules

GROUP = PLUGIN_GROUP
LOCAL = "local"
DEFAULT_ATTRIBUTE = "rule_pack"


class PluginError(Exception):
    """A plugin or ruleset that cannot be used; the message names it (the CLI exits 2)."""


@dataclass(frozen=True, slots=True)
class Plugin:
    """A plugin found, not yet imported: where it comes from and what to import."""

    package: str  # the distribution's name, or "local" for a `plugins:` module
    entry: str  # the entry point's name, or the module's
    value: str  # "module" (its `rule_pack`) or "module:attribute"

    @property
    def display(self) -> str:
        return f"{self.package}[{self.entry}]"


@dataclass(frozen=True, slots=True)
class Source:
    """A pack to validate, with how errors name it and the rule files to read (None: all)."""

    display: str
    pack: RulePack
    files: tuple[Path, ...] | None = None
    declarative: bool = False


def find_entry_points() -> tuple[Plugin, ...]:
    """Installed plugins, once each (a distribution may appear twice on sys.path)."""
    if not may_declare(GROUP):
        return ()
    import importlib.metadata  # costly to import: only when some distribution may be a plugin

    found: dict[tuple[str, str], Plugin] = {}
    for entry_point in importlib.metadata.entry_points(group=GROUP):
        dist = getattr(entry_point, "dist", None)
        package = dist.name if dist is not None else "unknown"
        found.setdefault((package, entry_point.name), Plugin(package, entry_point.name, entry_point.value))
    return tuple(sorted(found.values(), key=lambda plugin: (plugin.package, plugin.entry)))


def find_local(modules: Sequence[str]) -> tuple[Plugin, ...]:
    return tuple(Plugin(LOCAL, module, module) for module in dict.fromkeys(modules))


@contextlib.contextmanager
def _search_path(paths: Sequence[Path]) -> Iterator[None]:
    added = [str(path) for path in paths if str(path) not in sys.path]
    sys.path[:0] = added
    importlib.invalidate_caches()
    try:
        yield
    finally:
        for entry in added:
            sys.path.remove(entry)


def _import(value: str) -> object:
    module_name, _, attribute = value.partition(":")
    found: object = importlib.import_module(module_name.strip())
    for part in (attribute.strip() or DEFAULT_ATTRIBUTE).split("."):
        found = getattr(found, part)
    return found


def load_plugin(plugin: Plugin, search_path: Sequence[Path] = ()) -> Source:
    """Import a plugin; it must be a RulePack (or a module whose `rule_pack` is one)."""
    try:
        with _search_path(search_path):
            found = _import(plugin.value)
    except Exception as error:  # noqa: BLE001 - whatever a plugin raises on import is reported
        raise PluginError(f'{plugin.display}: cannot load "{plugin.value}": {type(error).__name__}: {error}') from None
    if not isinstance(found, RulePack):
        raise PluginError(f'{plugin.display}: "{plugin.value}" is a {type(found).__name__},'
                          " not a charterlint.api.RulePack")
    return Source(plugin.display, found)


def ruleset_source(path: Path) -> Source:
    """A declarative ruleset: a pack directory, its pack.yaml, or one rule file of a pack."""
    if path.is_dir():
        manifest, files = path / MANIFEST, None
    elif path.is_file():
        manifest = path if path.name == MANIFEST else path.parent / MANIFEST
        files = None if path.name == MANIFEST else (path,)
    else:
        raise PluginError(f"{path}: no such file or directory (rulesets name pack directories or rule files)")
    if not manifest.is_file():
        raise PluginError(f"{manifest}: not found: a rule pack declares its code prefix there (prefix: ACME)")
    try:
        return Source(str(manifest), read_manifest(manifest), files, declarative=True)
    except PackError as error:
        raise PluginError(str(error)) from None


def _overlap(source: Source, prefixes: dict[str, str]) -> None:
    prefix = source.pack.prefix
    for other, display in prefixes.items():
        if prefix.startswith(other) or other.startswith(prefix):
            raise PluginError(f'{source.display}: prefix "{prefix}" overlaps prefix "{other}" of {display}'
                              " (a code prefix must select one pack)")


def _merged(sources: Sequence[Source]) -> list[Source]:
    """One source per pack: a pack installed and also named in `plugins:`, or named twice."""
    merged: list[Source] = []
    for source in sources:
        for index, earlier in enumerate(merged):
            if earlier.pack == source.pack:
                both = None if earlier.files is None or source.files is None else earlier.files + source.files
                merged[index] = replace(earlier, files=tuple(dict.fromkeys(both)) if both else None)
                break
        else:
            merged.append(source)
    return merged


def validate(sources: Sequence[Source], builtin: Sequence[Rule]) -> tuple[Rule, ...]:
    """Every rule of the sources, in code order, once each pack has been checked."""
    prefixes: dict[str, str] = {}
    taken = {rule.name: rule.code for rule in builtin}
    rules: list[Rule] = []
    for source in _merged(sources):
        _overlap(source, prefixes)
        try:
            loaded = load_pack(source.pack, taken, source.files)
        except PackError as error:
            raise PluginError(str(error) if source.declarative else f"{source.display}: {error}") from None
        prefixes[source.pack.prefix] = source.display
        taken.update({rule.name: rule.code for rule in loaded})
        rules += loaded
    return tuple(sorted(rules, key=lambda rule: rule.code))


def load_rule_packs(rulesets: Sequence[Path], modules: Sequence[str], *, entry_points: bool = True,
                    search_path: Sequence[Path] = ()) -> tuple[Rule, ...]:
    """The rules of declarative `rulesets`, installed plugins and local `modules`, in code order.

    `search_path` lists directories (e.g. the configuration file's) searched first for
    `modules`. Raises PluginError naming the plugin or file that cannot be used.
    """
    sources = [ruleset_source(path) for path in rulesets]
    plugins = (find_entry_points() if entry_points else ()) + find_local(modules)
    sources += [load_plugin(plugin, search_path) for plugin in plugins]
    return validate(sources, load_builtin_rules())


def rules_of(pack: RulePack) -> tuple[Rule, ...]:
    """The rules of one pack, validated as a plugin's are (for a pack's own tests)."""
    return validate([Source(pack.name or pack.prefix, pack)], load_builtin_rules())


def rules_at(path: Path | None) -> tuple[Rule, ...]:
    """The rules `charterlint rules [--test] PATH` reads: built-ins, a pack, or one rule file."""
    builtin = load_builtin_rules()
    if path is None:
        return builtin
    builtin_dir = data_dir("rules").resolve()
    resolved = path.resolve()
    if resolved == builtin_dir:
        return builtin
    if resolved.parent == builtin_dir:
        return tuple(rule for rule in builtin if Path(rule.source).resolve() == resolved)
    return validate([ruleset_source(path)], builtin)

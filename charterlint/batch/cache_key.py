"""The run key: a hash of everything a file's findings depend on, besides the file itself.

That is: charterlint's version and code, the parsing and validation libraries, the charter
schema, every rule's file and check code (built-in and plugin), the enabled rules with their
severities and options, the limits, and the date review rules compare with. Code is
identified by the size and modification time of its files (cheap, and it changes whenever a
file is edited or reinstalled), rule files and the schema by their content.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from charterlint.engine.settings import ActiveRule, LintSettings
from charterlint.resources import data_dir
from charterlint.ruleset.rule import Rule

_PACKAGE = Path(__file__).resolve().parent.parent
# What linting runs (the reporters and the command line are not cached).
_CODE_DIRECTORIES = (_PACKAGE, *(_PACKAGE / name for name in ("source", "schema", "charter", "checks", "ruleset",
                                                               "engine", "batch", "config")))
_LIBRARIES = ("yaml", "_yaml", "yaml._yaml", "jsonschema", "jsonschema_rs", "referencing", "rpds")


def _stamp(path: str | Path) -> list[Any]:
    try:
        status = os.stat(path)
    except OSError:
        return [str(path), None]
    return [str(path), status.st_size, status.st_mtime_ns]


def _code() -> Iterator[list[Any]]:
    for directory in _CODE_DIRECTORIES:
        try:
            names = sorted(os.listdir(directory))
        except OSError:
            continue
        yield from (_stamp(directory / name) for name in names if name.endswith(".py"))


def _libraries() -> Iterator[list[Any]]:
    for name in _LIBRARIES:
        module = sys.modules.get(name)
        location = getattr(module, "__file__", None)
        if location:
            yield [name, *_stamp(location)[1:]]


def _digest(path: str | Path) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""


def _check_identity(rule: Rule) -> list[Any]:
    """Where a rule's check comes from: module, name and that module's file stamp."""
    check: Any = rule.check
    while hasattr(check, "check"):  # packs wrap a plugin's check (packs.OwnCodes)
        check = check.check
    if check is None:
        return ["engine"]
    module = getattr(check, "__module__", None) or type(check).__module__
    name = getattr(check, "__qualname__", None) or type(check).__qualname__
    location = getattr(sys.modules.get(module), "__file__", None)
    return [module, name, *(_stamp(location)[1:] if location else [])]


def _plugin_code(rules: Iterable[Rule]) -> Iterator[list[Any]]:
    """Every loaded module of the packages plugin checks come from (their helpers too)."""
    packages = set()
    for rule in rules:
        module = _check_identity(rule)[0]
        if module != "engine" and not module.startswith("charterlint"):
            packages.add(module.split(".")[0])
    for name in sorted(name for name in list(sys.modules) if name.split(".")[0] in packages):
        location = getattr(sys.modules[name], "__file__", None)
        if location:
            yield [name, *_stamp(location)[1:]]


def _rule(rule: Rule) -> list[Any]:
    return [rule.code, rule.name, rule.source, _digest(rule.source) if rule.source else "", _check_identity(rule)]


def _active(code: str, active: ActiveRule) -> list[Any]:
    return [code, int(active.severity), {**active.rule.default_options, **active.options}]


def run_key(settings: LintSettings, version: str) -> str:
    """The hex digest that names this run's cache directory."""
    limits = settings.limits
    catalogue = settings.catalogue or tuple(active.rule for active in settings.rules.values())
    parts = {
        "charterlint": version,
        "python": sys.version,
        "code": list(_code()),
        "libraries": list(_libraries()),
        "schema": _digest(data_dir("schemas") / "charter.schema.json"),
        "today": settings.today.isoformat(),
        "limits": [limits.max_bytes, limits.max_depth, limits.max_nodes],
        "enabled": [_active(code, active) for code, active in sorted(settings.rules.items())],
        "catalogue": [_rule(rule) for rule in catalogue],
        "plugins": list(_plugin_code(catalogue)),
    }
    text = json.dumps(parts, sort_keys=True, default=repr)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

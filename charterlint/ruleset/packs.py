"""Rule packs: rules under one code prefix, read from rule files in the built-in format.

A declarative pack is a directory: `pack.yaml` (validated by schemas/pack.schema.json)
declares the prefix, and every other `*.yaml` file is one rule whose `check` is a generic
check. A Python pack is a `RulePack` value a plugin module provides: its rule files may
also name the pack's own check functions. Both load here, with errors naming file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from charterlint.checks.context import Check, Context
from charterlint.ruleset.declarative import CheckSpecError, bind_generic
from charterlint.ruleset.rule import ENGINE, Rule, RuleFileError, parse_rule_source, rule_from_data
from charterlint.schema.datafile import DataFile, DataFileError, read_data_file
from charterlint.source.document import Document, Problem
from charterlint.source.regular import read_text

MANIFEST = "pack.yaml"
BUILTIN_PREFIX = "CH"
_PREFIX = re.compile(r"^[A-Z]{2,8}$")


class PackError(Exception):
    """A pack that cannot be used: the message names the file and line, or the pack."""


@dataclass(frozen=True, slots=True)
class RulePack:
    """Rules under one code prefix: a directory of rule files and the checks they name.

    `prefix` starts every code of the pack (`ACME` -> `ACME001`); `CH` is charterlint's
    own. `rules` is a directory holding one rule file per rule (`*.yaml`, the format of
    charterlint's `rules/`). `checks` maps the names rule files give in `check:` to check
    functions; rules that bind a generic check need none. `name` names the pack in
    messages (default: the prefix).
    """

    prefix: str
    rules: Path
    checks: Mapping[str, Check] = field(default_factory=dict)
    name: str = ""


@dataclass(frozen=True, slots=True)
class OwnCodes:
    """A Python pack's check, refusing problems reported under codes of another pack."""

    check: Check
    prefix: str

    def __call__(self, document: Document, context: Context) -> Iterator[Problem]:
        for problem in self.check(document, context):
            if problem.code is not None and re.fullmatch(rf"{self.prefix}[0-9]{{3}}", problem.code) is None:
                raise ValueError(f'problem code "{problem.code}" is not one of the pack\'s ({self.prefix}...)')
            yield problem


def check_prefix(prefix: str) -> str | None:
    """What is wrong with a pack prefix, or None."""
    if not _PREFIX.match(prefix):
        return f'prefix "{prefix}" is not 2 to 8 upper-case letters'
    if prefix.startswith(BUILTIN_PREFIX):
        return f'prefix "{prefix}" starts with CH, which is reserved for charterlint\'s own rules'
    return None


def read_manifest(path: Path) -> RulePack:
    """The declarative pack whose `pack.yaml` is `path`."""
    try:
        manifest = read_data_file(path, "pack.schema.json")
    except DataFileError as error:
        raise PackError(str(error)) from None
    problem = check_prefix(manifest.data["prefix"])
    if problem is not None:
        raise PackError(manifest.locate("/prefix", problem.removeprefix("prefix ")))
    return RulePack(manifest.data["prefix"], path.parent, name=manifest.data.get("name", ""))


def rule_files(directory: Path) -> list[Path]:
    """The rule files of a pack directory: every `*.yaml`/`*.yml` but the manifest, by name."""
    files = [p for p in directory.iterdir() if p.suffix in (".yaml", ".yml") and p.name != MANIFEST]
    return sorted(p for p in files if p.is_file())


def _bind(pack: RulePack, check: Any, parsed: DataFile, source: str) -> Check:
    if isinstance(check, str):
        if check == ENGINE:
            raise PackError(parsed.locate("/check", "only charterlint's own rules can be engine rules"))
        if check not in pack.checks:
            provided = ", ".join(sorted(pack.checks)) or "none"
            raise PackError(parsed.locate("/check", f'"{check}" is not a check the pack provides'
                                                    f" (its checks: {provided})"))
        return OwnCodes(pack.checks[check], pack.prefix)
    try:
        return bind_generic(check)
    except CheckSpecError as error:
        raise PackError(parsed.locate(f"/check{error.pointer}", error.message)) from None


def _load_rule(pack: RulePack, path: Path) -> tuple[Rule, DataFile]:
    source = str(path)
    try:
        parsed = parse_rule_source(source, read_text(path))
    except RuleFileError as error:
        raise PackError(str(error)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise PackError(f"{source}: cannot be read: {error}") from None
    code = parsed.data["code"]
    if re.fullmatch(rf"{pack.prefix}[0-9]{{3}}", code) is None:
        raise PackError(parsed.locate("/code", f'"{code}" does not use the pack\'s prefix "{pack.prefix}"'
                                               f" (expected {pack.prefix} and three digits, e.g. {pack.prefix}001)"))
    if "engine" in parsed.data:  # engine roles change how every file is linted: charterlint's own rules only
        raise PackError(parsed.locate("/engine", "only charterlint's own rules can have engine roles", anchor="key"))
    if "fix" in parsed.data:  # a fix is code in charterlint/fixes/, keyed by a built-in rule's code
        raise PackError(parsed.locate("/fix", "only charterlint's own rules can have fixes", anchor="key"))
    if "options-from" in parsed.data:  # it names a built-in rule file beside the rule's own
        raise PackError(parsed.locate("/options-from", "only charterlint's own rules can share options",
                                      anchor="key"))
    rule = rule_from_data(parsed.data, source, _bind(pack, parsed.data["check"], parsed, source))
    return rule, parsed


def load_pack(pack: RulePack, taken: Mapping[str, str] | None = None,
              files: Sequence[Path] | None = None) -> tuple[Rule, ...]:
    """The rules of a pack (all its files, or `files`), in code order.

    `taken` maps rule names already in use (built-in and other packs) to their codes: a
    name, like a code, must name one rule only.
    """
    problem = check_prefix(pack.prefix)
    if problem is not None:
        raise PackError(problem)
    if not pack.rules.is_dir():
        raise PackError(f"{pack.rules}: the pack's rule directory does not exist")
    names = dict(taken or {})
    codes: dict[str, str] = {}
    rules: list[Rule] = []
    for path in rule_files(pack.rules) if files is None else files:
        rule, parsed = _load_rule(pack, path)
        if rule.code in codes:
            raise PackError(parsed.locate("/code", f"{rule.code} is already used by {codes[rule.code]}"))
        if rule.name in names:
            raise PackError(parsed.locate("/name", f'"{rule.name}" is already used by {names[rule.name]}'))
        codes[rule.code], names[rule.name] = str(path), rule.code
        rules.append(rule)
    return tuple(sorted(rules, key=lambda rule: rule.code))

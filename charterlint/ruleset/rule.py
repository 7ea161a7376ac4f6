"""Rules: metadata read from rule files, bound to a check function.

A check is a pure function `(document, context) -> iterable of Problem`. It is named in the
rule file as `module.function` under `charterlint.checks` (built-in checks), or `engine`
for the CH0xx rules the linter itself applies (parsing, schema, references).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from charterlint.checks.context import Check
from charterlint.model import Severity
from charterlint.resources import data_dir
from charterlint.schema.datafile import DataFile, DataFileError, parse_data_file, validate

ENGINE = "engine"
DOCS_URL = "https://github.com/charterlint/charterlint/blob/main/docs/rules.md"


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule as its file describes it, plus the check it runs (None for engine rules)."""

    code: str
    name: str
    severity: Severity
    recommended: bool
    summary: str
    rationale: str
    check: Check | None
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    details: str = ""
    examples: Mapping[str, Any] = field(default_factory=dict)
    source: str = ""

    @property
    def default_options(self) -> dict[str, Any]:
        return {name: spec["default"] for name, spec in self.options.items()}

    @property
    def help_uri(self) -> str:
        """The rule's section in docs/rules.md (GitHub's anchor for `### CODE name`)."""
        return f"{DOCS_URL}#{self.code.lower()}-{self.name}"


class RuleFileError(Exception):
    """A rule file that cannot be used: names the file, line and what is wrong."""


def _bind(check: Any, source: str) -> Check | None:
    if check == ENGINE:
        return None
    if not isinstance(check, str):
        raise RuleFileError(f"{source}: declarative checks need a rule pack loader")
    module_name, _, function_name = check.rpartition(".")
    try:
        module = importlib.import_module(f"charterlint.checks.{module_name}")
        function: Check = getattr(module, function_name)
    except (ImportError, AttributeError) as error:
        raise RuleFileError(f"{source}: check {check!r} not found ({error})") from None
    return function


def parse_rule_file(source: str, text: str) -> dict[str, Any]:
    """Parse and validate one rule file against schemas/rule.schema.json."""
    data: dict[str, Any] = parse_rule_source(source, text).data
    return data


def parse_rule_source(source: str, text: str) -> DataFile:
    """Like `parse_rule_file`, keeping the span of every node (rule packs report positions)."""
    try:
        file = parse_data_file(text, source)
        validate(file, "rule.schema.json")
    except DataFileError as error:
        raise RuleFileError(str(error)) from None
    return file


def rule_from_data(data: Mapping[str, Any], source: str, check: Check | None) -> Rule:
    return Rule(
        code=data["code"],
        name=data["name"],
        severity=Severity.parse(data["severity"]),
        recommended=bool(data.get("recommended", False)),
        summary=data["summary"],
        rationale=data["rationale"].strip(),
        check=check,
        options=data.get("options", {}),
        tags=tuple(data.get("tags", ())),
        details=data.get("details", "").strip(),
        examples=data["examples"],
        source=source,
    )


def load_rule_file(path: Path) -> Rule:
    """A rule file parsed with positions and validated against schemas/rule.schema.json."""
    source = str(path)
    data = parse_rule_file(source, path.read_text(encoding="utf-8"))
    return rule_from_data(data, source, _bind(data["check"], source))


@cache
def load_builtin_rules() -> tuple[Rule, ...]:
    """Every built-in rule, in code order (read once per process: rules are immutable).

    Built-in rule files are not validated here: they ship with charterlint, and
    tests/ruleset/test_builtin_rule_files.py validates every one (rule_index.py says how they are read).
    """
    from charterlint.ruleset.index import builtin_rule_data

    rules = []
    for path, data in builtin_rule_data(data_dir("rules")):
        source = str(path)
        rules.append(rule_from_data(data, source, _bind(data["check"], source)))
    return tuple(sorted(rules, key=lambda rule: rule.code))

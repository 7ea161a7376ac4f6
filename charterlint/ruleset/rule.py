"""Rules: metadata read from rule files, bound to a check function.

A check is a pure function `(document, context) -> iterable of Problem`. A built-in rule
file names it by its name in checks/registry.py, describes a generic check (a mapping, as
declarative packs do), or says `engine` for the rules whose problems the engine finds itself
(parsing, schema, directives, crashes). What the engine must know about a rule beyond its
check (it gates the content rules, it cannot be suppressed, ...) is the rule file's `engine`
mapping, read into `EngineRole`; ruleset.roles looks the rules up by role.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from charterlint.charter.subjects import did_you_mean
from charterlint.checks.context import Check
from charterlint.checks.registry import builtin_checks
from charterlint.model import Severity
from charterlint.resources import data_dir
from charterlint.ruleset.declarative import CheckSpecError, bind_generic
from charterlint.ruleset.index import builtin_rule_data
from charterlint.schema.datafile import DataFile, DataFileError, parse_data_file, validate
from charterlint.source.regular import read_text

ENGINE = "engine"
DOCS_URL = "https://github.com/charterlint/charterlint/blob/main/docs/rules.md"


class EngineRole(NamedTuple):
    """What the engine does with a rule besides running its check: the rule file's `engine`.

    Only built-in rules have one (packs are refused one: see ruleset.packs); the
    fields are documented in schemas/rule.schema.json and docs/writing-rules.md. A NamedTuple,
    not a frozen dataclass: it is made on every start-up, where a dataclass costs ten times more.
    """

    reports: tuple[str, ...] = ()  # problem kinds (source.problem_kinds) reported under this rule
    gates: bool = False  # a problem of this rule stops the content rules (its check runs first)
    always_reported: bool = False  # reported even when the configuration does not select it
    suppressible: bool = True  # False: inline directives cannot suppress its findings
    review_period: str = ""  # the option whose value is the review period reviewer reports use
    compares: str = ""  # a diff rule: the change kind `charterlint diff` reports under it (never run by check)

    @classmethod
    def parse(cls, data: Mapping[str, Any]) -> EngineRole:
        return cls(reports=tuple(data.get("reports", ())), gates=bool(data.get("gates", False)),
                   always_reported=bool(data.get("always-reported", False)),
                   suppressible=bool(data.get("suppressible", True)), review_period=data.get("review-period", ""),
                   compares=data.get("compares", ""))

    @property
    def checks_the_file(self) -> bool:
        """Whether the rule checks the file itself (its form, references, directives), before
        and apart from the content rules: what every documented example must pass."""
        return bool(self.reports) or self.gates


class FixInfo(NamedTuple):
    """The rule file's `fix`: whether its findings have a fix, and whether `check --fix` makes it."""

    safe: bool
    title: str
    details: str = ""

    @classmethod
    def parse(cls, data: Mapping[str, Any] | None) -> FixInfo | None:
        if not data or not data.get("available", False):
            return None
        return cls(safe=bool(data["safe"]), title=data["title"], details=data.get("details", "").strip())

    @property
    def label(self) -> str:
        return "safe" if self.safe else "unsafe (with --unsafe-fixes)"


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
    engine: EngineRole = EngineRole()
    matrix_cells: tuple[str, ...] = ()  # coverage-matrix cells its findings at a channel flag
    # The charter sections the check reads (`reads:`; engine.sections says how they gate it);
    # None: not declared, so any error in the file stops it.
    reads: tuple[str, ...] | None = None
    fix: FixInfo | None = None  # the rule file's `fix`, when its findings have one

    @property
    def default_options(self) -> dict[str, Any]:
        return {name: spec["default"] for name, spec in self.options.items()}

    @property
    def help_uri(self) -> str:
        """The rule's section in docs/rules.md (GitHub's anchor for `### CODE name`)."""
        return f"{DOCS_URL}#{self.code.lower()}-{self.name}"


class RuleFileError(Exception):
    """A rule file that cannot be used: names the file, line and what is wrong."""


def _bind(data: Mapping[str, Any], source: str, checks: Mapping[str, Check]) -> Check | None:
    """The check a built-in rule file names: None for `engine`, one of `checks` (the registry of
    built-in checks), or a generic check."""
    role = data.get("engine", {})
    check, reports = data["check"], role.get("reports") or role.get("compares")
    if check == ENGINE or reports:
        if check != ENGINE or not reports:
            raise RuleFileError(f"{source}: a rule has check: engine exactly when the engine reports problem kinds"
                                " (engine.reports) or change kinds (engine.compares) under it")
        return None
    if isinstance(check, Mapping):
        try:
            return bind_generic(check)
        except CheckSpecError as error:
            raise RuleFileError(f"{source}: /check{error.pointer}: {error.message}") from None
    if check not in checks:
        raise RuleFileError(f'{source}: check "{check}" is not a built-in check (charterlint/checks/registry.py)'
                            f"{did_you_mean(check, sorted(checks))}")
    return checks[check]


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
        engine=EngineRole.parse(data.get("engine", {})),
        matrix_cells=tuple(data.get("matrix-cells", ())),
        reads=tuple(data["reads"]) if "reads" in data else None,
        fix=FixInfo.parse(data.get("fix")),
    )


def load_rule_file(path: Path) -> Rule:
    """A rule file parsed with positions and validated against schemas/rule.schema.json."""
    source = str(path)
    data = parse_rule_file(source, read_text(path))
    if "options-from" in data:  # the built-in rule beside it whose options this rule shares
        owner = path.with_name(f"{data['options-from']}.yaml")
        if not owner.is_file():
            raise RuleFileError(f"{source}: options-from: no rule file {owner.name} beside it")
        data = {**data, "options": parse_rule_file(str(owner), read_text(owner)).get("options", {})}
    return rule_from_data(data, source, _bind(data, source, builtin_checks()))


@cache
def load_builtin_rules() -> tuple[Rule, ...]:
    """Every built-in rule, in code order (read once per process: rules are immutable).

    Built-in rule files are not validated here: they ship with charterlint, and
    tests/ruleset/test_builtin_rule_files.py validates every one (ruleset/index.py says how they are read).
    """
    rules = []
    checks = builtin_checks()
    found = builtin_rule_data(data_dir("rules"))
    options = {data["code"]: data.get("options", {}) for _, data in found}
    for path, data in found:
        source = str(path)
        if "options-from" in data:  # one piece of logic reported by two rules: one set of word lists
            data = {**data, "options": options[data["options-from"]]}
        rules.append(rule_from_data(data, source, _bind(data, source, checks)))
    return tuple(sorted(rules, key=lambda rule: rule.code))

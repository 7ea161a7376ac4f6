"""The one module of shared test helpers: charter texts, linting text with chosen rules, running
the command line, project directories, rule packs and plugins, hand-made reports, golden files
and the official SARIF schema. Fixtures every test may use live in conftest.py."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from charterlint.cli.app import main
from charterlint.engine.lint import lint_bytes
from charterlint.engine.settings import ActiveRule, LintSettings
from charterlint.model import FileResult, Finding, Report, RuleInfo, Severity, Span, Suppression
from charterlint.ruleset.rule import Rule, load_builtin_rules
from charterlint.ruleset.selection import select_rules
from charterlint.schema.problems import charter_validator

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent  # the repository
FIXTURES = TESTS / "fixtures"


# === charter texts, linting, the command line ==================================================
TODAY = dt.date(2026, 1, 1)

# --- charter texts ------------------------------------------------------------------------------
# Tests point at lines and columns of these texts: change none of them.

# The minimal valid charter: one phone channel, open always (12 lines; the phone's hours on line 10).
MINIMAL_CHARTER = """\
charter_format: 1
title: Example Water customer charter
organization:
  name: Example Water
overview:
  mission: Safe water.
channels:
  - id: phone
    type: phone
    hours: always
review:
  last_reviewed: 2025-06-01
"""

# The first six lines of the charters the rule tests build: what follows starts on line 7.
CHARTER_HEAD = """\
charter_format: 1
title: Example Water customer charter
organization:
  name: Example Water
overview:
  mission: Safe, reliable water for every home.
"""
# A phone channel entry answered within 60 seconds, 80% of the time (5 lines).
ANSWERED_PHONE = """\
  - id: phone
    type: phone
    hours: always
    commitments:
      answer: {within: 60 seconds, target: 80%}
"""
# CHARTER_HEAD, then `channels:` holding ANSWERED_PHONE (12 lines: what follows starts on line 13).
ANSWERED_PHONE_HEAD = CHARTER_HEAD + "channels:\n" + ANSWERED_PHONE
# The review section that closes most test charters (2 lines).
REVIEW = """\
review:
  last_reviewed: 2025-06-01
"""


@cache
def builtin_rules() -> tuple[Rule, ...]:
    return load_builtin_rules()


@cache
def _validator():  # type: ignore[no-untyped-def]
    return charter_validator()


def settings_for(select: Sequence[str] | None = None, *, preset: str = "recommended",
                 today: dt.date = TODAY, options: dict[str, dict[str, object]] | None = None) -> LintSettings:
    rules = select_rules(builtin_rules(), preset, list(select) if select is not None else None)
    options = options or {}
    active = {r.code: ActiveRule(r, r.severity, options.get(r.code, {})) for r in rules}
    return LintSettings(rules=active, today=today, validator=_validator())


def lint_text(text: str, select: Sequence[str] | None = None, *, filename: str = "test.charter.yaml",
              preset: str = "recommended", today: dt.date = TODAY,
              options: dict[str, dict[str, object]] | None = None) -> FileResult:
    settings = settings_for(select, preset=preset, today=today, options=options)
    return lint_bytes(filename, text.encode("utf-8"), settings)


def findings(text: str, select: Sequence[str] | None = None, **kwargs: object) -> list[tuple[str, int, int, str]]:
    """(code, line, column, message) of every finding, in report order."""
    result = lint_text(text, select, **kwargs)  # type: ignore[arg-type]
    return [(f.code, f.span.start.line, f.span.start.column, f.message) for f in result.findings]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """`charterlint ARGS` in-process: the exit code, standard output and standard error."""
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err

# A charter with a last review and no cadence (review status from the default period).
UNCADENCED = """\
charter_format: 1
title: T
organization: {name: O}
overview: {mission: M}
review: {last_reviewed: 2025-03-01}
channels:
  - {id: phone, type: phone, hours: always, commitments: {answer: {within: 60 seconds}}}
"""


# === configuration, suppression and baseline tests: a project and a runner =====================
# ANSWERED_PHONE_HEAD with a hedge for its mission, then REVIEW (14 lines).
# Under the recommended preset on 2026-01-01 this gives CH301 (warning, 6:21), CH114 (warning, 11:5),
# and, where the missing sections would go, CH104 (error, 13:1), CH401 and CH403 (warnings, 13:1);
# under strict also infos.
# A water company's charter (CH401 applies: the sector bills), its sector on the name's line so that
# every line stays where the tests expect it.
CHARTER = ANSWERED_PHONE_HEAD.replace("Safe, reliable water for every home.", "We reply shortly.").replace(
    "  name: Example Water\n", "  {name: Example Water, sector: utility}\n") + REVIEW
_HEADLINE = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info) "
                       r"(?P<code>[A-Z]+\d+) \[[a-z0-9-]+\] (?P<message>.*)$")

Found = tuple[str, str, str, int, int]  # path, code, severity, line, column


@pytest.fixture
def project(project: Path) -> Path:
    """The shared `project` (conftest.py) made a repository root (it has .git), holding w.charter.yaml."""
    (project / ".git").mkdir()
    (project / "w.charter.yaml").write_text(CHARTER, encoding="utf-8")
    return project


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`run` with the arguments after `capsys`, as the configuration tests write it."""
    return run(list(args), capsys)


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[Found]]:
    """Run `check` with text output; the exit code and every reported finding."""
    code, out, err = cli(capsys, "check", "--format", "text", "--color", "never", *args)
    assert "Traceback" not in err
    found = [(m["path"], m["code"], m["severity"], int(m["line"]), int(m["column"]))
             for m in map(_HEADLINE.match, out.splitlines()) if m]
    return code, found


def messages(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    """`path:line:column: CODE message` of every reported finding."""
    _, out, _ = cli(capsys, "check", "--format", "text", "--color", "never", *args)
    return [f'{m["path"]}:{m["line"]}:{m["column"]}: {m["code"]} {m["message"]}'
            for m in map(_HEADLINE.match, out.splitlines()) if m]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# === rule packs and plugins ====================================================================
PROJECT = TESTS / "plugin_project"
ACME_PACK = PROJECT / "acme-rules"
REGULATOR = PROJECT / "regulator-pack"
LOCAL_PLUGINS = PROJECT  # boom_rules/ sits beside the configuration
ACME_CHARTER = PROJECT / "charters" / "acme-water.charter.yaml"
REGULATOR_ENTRY_POINTS = "[charterlint.rules]\nregulator = charterlint_regulator:rule_pack\n"


def fake_install(site: Path, name: str, entry_points: str) -> None:
    """What `pip install` leaves for importlib.metadata: a dist-info with entry points."""
    dist_info = site / f"{name.replace('-', '_')}-1.0.0.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0.0\n", encoding="utf-8")
    (dist_info / "entry_points.txt").write_text(entry_points, encoding="utf-8")


def _forget(prefixes: Sequence[str]) -> None:
    for module in [m for m in sys.modules if m.split(".")[0] in prefixes]:
        del sys.modules[module]


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty site-packages directory on sys.path; plugin modules are forgotten afterwards."""
    directory = tmp_path / "site-packages"
    directory.mkdir()
    monkeypatch.syspath_prepend(str(directory))
    yield directory
    _forget(["charterlint_regulator", "boom_rules", "crashing_import"])


@pytest.fixture
def installed_regulator(site: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    fake_install(site, "charterlint-regulator", REGULATOR_ENTRY_POINTS)
    monkeypatch.syspath_prepend(str(REGULATOR / "src"))
    return site


def settings_with(rules: Sequence[Rule], today: dt.date = TODAY) -> LintSettings:
    """The rules that check the file itself (parsing, schema, references, crashes: CH0xx) plus
    `rules`, all enabled."""
    engine = [rule for rule in builtin_rules() if rule.engine.checks_the_file]
    active = {rule.code: ActiveRule(rule, rule.severity) for rule in [*engine, *rules]}
    return LintSettings(rules=dict(sorted(active.items())), today=today, validator=_validator())


def lint_with(rules: Sequence[Rule], text: str, path: str = "test.charter.yaml") -> list[tuple[str, int, int, str]]:
    """(code, line, column, message) of every finding, in report order."""
    result = lint_bytes(path, text.encode("utf-8"), settings_with(rules))
    return [(f.code, f.span.start.line, f.span.start.column, f.message) for f in result.findings]


def write_pack(directory: Path, prefix: str, rules: dict[str, str]) -> Path:
    """A declarative pack: pack.yaml declaring `prefix`, and one file per rule text."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "pack.yaml").write_text(f"prefix: {prefix}\n", encoding="utf-8")
    for name, text in rules.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


def rule_text(code: str, name: str, check: str, *, fail: str = "[]", pass_: str = "[]") -> str:
    """A rule file; `check` is the YAML of its `check:` value, indented as a block."""
    return (
        f"code: {code}\nname: {name}\nseverity: warning\nrecommended: true\n"
        f"summary: {name.replace('-', ' ')}\nrationale: a test rule\n"
        f"check:\n{check}\nexamples:\n  fail: {fail}\n  pass: {pass_}\n"
    )


# === reporters: hand-made reports, golden files, the SARIF schema ==============================
GOLDEN = TESTS / "reporters" / "golden"
SCHEMA_VARIABLE = "CHARTERLINT_SARIF_SCHEMA"
DEFAULT_SARIF_SCHEMA = ROOT.parent / "shared" / "sarif" / "sarif-schema-2.1.0.json"


def sarif_schema_path() -> Path:
    """The official SARIF 2.1.0 schema: $CHARTERLINT_SARIF_SCHEMA, else ../shared beside the repo."""
    configured = os.environ.get(SCHEMA_VARIABLE)
    if configured:
        path = Path(configured)
        assert path.is_file(), f"{SCHEMA_VARIABLE}={configured} names no file"
        return path
    if not DEFAULT_SARIF_SCHEMA.is_file():
        pytest.skip(f"{SCHEMA_VARIABLE} is not set and {DEFAULT_SARIF_SCHEMA} does not exist: "
                    "cannot validate SARIF against the official schema")
    return DEFAULT_SARIF_SCHEMA


@cache
def _sarif_validator(path: Path) -> Draft4Validator:
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)


def sarif_errors(log: Any) -> list[str]:
    """Every way `log` breaks the official schema, as `path: message` lines."""
    validator = _sarif_validator(sarif_schema_path())
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]


def assert_golden(name: str, actual: str, update: bool, folder: Path = GOLDEN) -> None:
    """Compare `actual` with golden/NAME byte for byte (or rewrite it with --update-golden)."""
    path = folder / name
    if update:
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.is_file(), f"no golden file {path}: run pytest --update-golden"
    expected = path.read_bytes().decode("utf-8")
    assert actual == expected, f"{name} differs from its golden file (pytest --update-golden rewrites it)"


def rule(code: str, name: str, severity: Severity = Severity.ERROR, tags: tuple[str, ...] = ()) -> RuleInfo:
    return RuleInfo(code, name, severity, f"summary of {name}", f"rationale of {name}", tags,
                    help_markdown=f"**{name}**", help_text=f"help for {name}",
                    help_uri=f"https://example.invalid/rules#{code.lower()}-{name}")


def finding(path: str = "a.charter.yaml", code: str = "CH020", *, name: str = "unknown-reference",
            severity: Severity = Severity.ERROR, message: str = 'x "y" is not z', line: int = 3,
            column: int = 5, length: int = 4, pointer: str = "/channels/0/hours",
            suppression: Suppression | None = None) -> Finding:
    return Finding(path, code, name, severity, message, Span.at(line, column, length), pointer, suppression)


def report(*findings: Finding, rules: tuple[RuleInfo, ...] | None = None, parsed: bool = True) -> Report:
    """A report with one FileResult per path the findings name, in path order."""
    paths = sorted({f.path for f in findings}) or ["a.charter.yaml"]
    files = tuple(FileResult(p, tuple(sorted((f for f in findings if f.path == p), key=Finding.sort_key)),
                             parsed=parsed) for p in paths)
    if rules is None:
        by_code = {f.code: rule(f.code, f.name, f.severity) for f in findings}
        rules = tuple(by_code[code] for code in sorted(by_code))
    return Report(files, rules, "9.9.9")

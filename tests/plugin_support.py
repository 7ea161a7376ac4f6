"""Shared by the plugin tests: the test project, a faked installation, lint settings with packs.

The regulator pack is "installed" by writing a `.dist-info` directory (METADATA and
entry_points.txt, what pip writes) onto sys.path beside its source: importlib.metadata
then finds its entry point exactly as it finds a pip-installed one, offline.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from charterlint.engine.lint import lint_bytes
from charterlint.engine.settings import ActiveRule, LintSettings
from charterlint.ruleset.rule import Rule
from tests.helpers import TODAY, _validator, builtin_rules

PROJECT = Path(__file__).parent / "plugin_project"
ACME_PACK = PROJECT / "acme-rules"
REGULATOR = PROJECT / "regulator-pack"
LOCAL_PLUGINS = PROJECT  # boom_rules/ sits beside the configuration
CHARTER = PROJECT / "charters" / "acme-water.charter.yaml"
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
    """The CH0xx rules (parsing, schema, references, CH000) plus `rules`, all enabled."""
    engine = [rule for rule in builtin_rules() if rule.code.startswith("CH0")]
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

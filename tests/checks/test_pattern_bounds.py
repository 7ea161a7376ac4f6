"""Pack patterns match in bounded time (issue 14, item 11).

`pattern: "^([A-Za-z]+ ?)+$"` once doubled Python's time with each character of the value (28
characters: 13.8 s). Patterns run in RE2 (linear time); what RE2 cannot run falls back to
Python's engine, where nested quantifiers are refused when the pack loads and the text is bounded.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from charterlint.checks import generic
from charterlint.ruleset.plugins import PluginError, load_rule_packs
from tests.helpers import MINIMAL_CHARTER, rule_text, write_pack

EVIL = "^([A-Za-z]+ ?)+$"
CHECK = f"  function: pattern\n  given: /organization\n  field: name\n  pattern: '{EVIL}'"


def test_a_backtracking_pattern_on_a_long_value_finishes_at_once(tmp_path: Path) -> None:
    write_pack(tmp_path / "acme", "ACME", {"r.yaml": rule_text("ACME001", "plain-name", CHECK)})
    (tmp_path / ".charterlint.yaml").write_text("rulesets: [acme]\n", encoding="utf-8")
    name = "Example Water Services Limited Company of the North" * 20 + "!"  # 1,000 characters
    charter = MINIMAL_CHARTER.replace("name: Example Water", f"name: '{name}'")
    (tmp_path / "x.charter.yaml").write_text(charter, encoding="utf-8")
    console = "from charterlint.cli.app import console; console()"
    # A timeout, so that a regression fails instead of hanging (28 characters took 13.8 s).
    run = subprocess.run([sys.executable, "-c", console, "check", "--today", "2026-01-01", "--no-cache", "-q",
                          "--select", "ACME", "x.charter.yaml"], cwd=tmp_path, capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 1, run.stderr
    assert "ACME001 [plain-name]" in run.stdout


def test_without_re2_nested_quantifiers_are_refused_when_the_pack_loads(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generic, "_re2_search", lambda text: None)  # as where the wheel is missing
    pack = write_pack(tmp_path / "acme", "ACME", {"r.yaml": rule_text("ACME001", "plain-name", CHECK)})
    with pytest.raises(PluginError) as raised:
        load_rule_packs([pack], [], entry_points=False)
    assert str(raised.value).startswith(f'{pack / "r.yaml"}:11:12: check.pattern: "{EVIL}" repeats a part that itself'
                                        " repeats or alternates")


@pytest.mark.parametrize(("pattern", "catastrophic"), [
    ("^([A-Za-z]+ ?)+$", True), ("(a+)+", True), ("(a*)*b", True), ("(?:a|ab)*c", True), ("((ab)+c)+", True),
    ("(?=(a+)+)", True), ("^[a-z]+( [a-z]+)?$", False), ("^(ab)+$", False), ("^a+b*c?$", False),
    (r"^\d{3}-\d{4}$", False), ("^(?!mail$)", False), ("(a{2})+", False), ("(a?)+", True), ("(a?){3}", False),
])
def test_nested_quantifiers_are_recognised(pattern: str, catastrophic: bool) -> None:
    assert generic.catastrophic(pattern) is catastrophic


def test_without_re2_python_searches_a_bounded_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generic, "_re2_search", lambda text: None)
    search = generic.compile_pattern("x")
    assert search("a" * (generic.FALLBACK_MAX_CHARACTERS - 1) + "x")
    assert not search("a" * generic.FALLBACK_MAX_CHARACTERS + "x")


def test_patterns_re2_cannot_run_fall_back_to_python() -> None:
    assert generic._re2_search("^(?!mail$)") is None  # look-ahead: Python's engine
    assert generic.compile_pattern("^(?!mail$)")("email") and not generic.compile_pattern("^(?!mail$)")("mail")
    assert generic._re2_search(EVIL) is not None
    assert generic.pattern_problem(EVIL) is None

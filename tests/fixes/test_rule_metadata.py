"""A rule file's `fix:`: shown by `explain` and docs/rules.md; refused in a rule pack (a fix is code
in charterlint/fixes/, for charterlint's own rules)."""

from __future__ import annotations

from pathlib import Path

import pytest

from charterlint.ruleset.plugins import PluginError, load_rule_packs
from tests.helpers import ROOT, rule_text, run, write_pack


def test_explain_says_whether_a_fix_exists_and_is_safe(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["explain", "CH205", "--isolated"], capsys)
    assert "\nFix: unsafe (with --unsafe-fixes): rename Twitter to X in the channel's name, platform and address\n" in out
    _, out, _ = run(["explain", "CH013", "--isolated"], capsys)
    assert "\nFix: safe: replace the value with the one the message suggests\n" in out
    _, out, _ = run(["explain", "CH101", "--isolated"], capsys)
    assert "Fix:" not in out


def test_docs_rules_shows_the_fix() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert "**Fix (unsafe, with `--unsafe-fixes`):** rename Twitter to X in the channel's name, platform and address." in text
    assert "**Fix (safe):** rename the field to the one field its name is close to." in text


def test_a_pack_rule_may_not_declare_a_fix(tmp_path: Path) -> None:
    text = rule_text("ACME001", "name-missing", "  function: required\n  field: title")
    pack = write_pack(tmp_path / "acme", "ACME", {
        "ACME001.yaml": text + "fix:\n  available: true\n  safe: true\n  title: add a title\n"})
    with pytest.raises(PluginError) as raised:
        load_rule_packs([pack], [], entry_points=False)
    assert str(raised.value) == f"{pack / 'ACME001.yaml'}:13:1: fix: only charterlint's own rules can have fixes"

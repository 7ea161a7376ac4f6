"""charterlint rules for charters of regulated sectors (prefix REG).

The pack is the `rule_pack` value; pyproject.toml names it in the entry-point group
`charterlint.rules`. Its rule files live in rules/, one rule per file; REG001 binds the
Python check below, REG002 a generic check (no Python needed for that one).
"""

from __future__ import annotations

from pathlib import Path

from charterlint.api import RulePack
from charterlint_regulator.checks import ombudsman_missing

rule_pack = RulePack(
    prefix="REG",
    rules=Path(__file__).parent / "rules",
    checks={"ombudsman_missing": ombudsman_missing},
    name="charterlint-regulator",
)

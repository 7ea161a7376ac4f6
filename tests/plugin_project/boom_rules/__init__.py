"""A local plugin (named in the configuration's `plugins:`) whose rule always raises.

It shows that a crashing plugin rule becomes a CH000 finding on the file while every other
rule and file is still checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from charterlint.api import Context, Document, Problem, RulePack


def explode(document: Document, context: Context) -> Iterator[Problem]:
    raise RuntimeError(f"cannot read {document.path}")
    yield  # a generator, like most checks: it raises when the engine iterates it


rule_pack = RulePack(prefix="BOOM", rules=Path(__file__).parent / "rules", checks={"explode": explode})

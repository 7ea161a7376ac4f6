"""The layer contracts (pyproject.toml, checked by `lint-imports` in .ci/run) name every subpackage,
so a new subpackage cannot sit outside the layers unnoticed."""

from __future__ import annotations

import re
import sys

from tests.helpers import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


def _contracts() -> dict[str, dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    return {contract["id"]: contract for contract in config["contracts"]}


def test_the_pipeline_contract_names_every_subpackage_and_top_level_module() -> None:
    layers = _contracts()["pipeline"]["layers"]
    assert isinstance(layers, list)
    named = {part for layer in layers for part in re.split(r"\s*[|:]\s*", layer)}
    package = ROOT / "charterlint"
    present = {path.name for path in package.iterdir() if (path / "__init__.py").is_file()}
    present |= {path.stem for path in package.glob("*.py") if path.stem != "__init__"}
    assert named == present


def test_click_is_forbidden_everywhere_but_the_command_line() -> None:
    contract = _contracts()["click-only-in-cli"]
    sources = {name.removeprefix("charterlint.") for name in contract["source_modules"]}  # type: ignore[union-attr]
    named = {part for layer in _contracts()["pipeline"]["layers"]  # type: ignore[union-attr]
             for part in re.split(r"\s*[|:]\s*", layer)}
    assert sources == named - {"cli", "__main__"}

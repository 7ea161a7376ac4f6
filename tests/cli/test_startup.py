"""Start-up: each command imports only what it uses (no timing here: which modules load).

A one-file run is the pre-commit case, where imports are most of the time it takes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from charterlint import __version__
from charterlint.ruleset.installed import may_declare
from tests.helpers import REGULATOR_ENTRY_POINTS, ROOT, fake_install

PROBE = """
import sys
from charterlint.cli.app import main
main(sys.argv[1:])
sys.stdout.flush()
print("\\nMODULES " + " ".join(sorted(sys.modules)))
"""


def imported(cwd: Path, *args: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=cwd, capture_output=True, text=True, check=False)
    line = next(line for line in done.stdout.splitlines() if line.startswith("MODULES "))
    return set(line.split()[1:])


NEVER_FOR_ONE_FILE = {"importlib.metadata", "tomllib", "charterlint.engine.baseline", "charterlint.ruleset.plugins",
                      "charterlint.ruleset.packs", "charterlint.batch.parallel", "concurrent.futures", "multiprocessing",
                      "charterlint.reporters.sarif", "charterlint.reporters.html", "charterlint.ruleset.docs",
                      "hashlib", "difflib", "charterlint.engine.directives", "charterlint.source.comments",
                      "charterlint.engine.suppress", "charterlint.reporters.review_status", "charterlint.reporters.wording",
                      "charterlint.source.json_loader", "charterlint.importer", "charterlint.cli.importer",
                      "charterlint.cli.render", "charterlint.render", "jinja2", "docx", "markdown_it",
                      "charterlint.cli.diff", "charterlint.diff.compare", "charterlint.reporters.changes_markdown"}


def test_version_imports_neither_the_linter_nor_its_libraries() -> None:
    modules = imported(ROOT, "--version")
    assert not modules & {"charterlint.cli.check", "charterlint.engine.lint", "yaml", "jsonschema"}


# The console entry point, as the `charterlint` script runs it; it ends with os._exit after the
# atexit handlers, so the modules are printed by one.
ENTRY_PROBE = """
import atexit, sys
atexit.register(lambda: print("MODULES " + " ".join(sorted(sys.modules))))
from charterlint.cli.entry import console
console()
"""


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_the_command_answers_version_without_importing_click(flag: str) -> None:
    done = subprocess.run([sys.executable, "-c", ENTRY_PROBE, flag], cwd=ROOT, capture_output=True, text=True,
                          check=False, timeout=60)
    version, modules = done.stdout.splitlines()
    assert (done.returncode, version, done.stderr) == (0, f"charterlint {__version__}", "")
    assert not set(modules.split()[1:]) & {"click", "charterlint.cli.app", "yaml", "charterlint.model"}


def test_explain_reads_rules_without_validating_them() -> None:
    # --isolated: no configuration to read (and validate) for its rule packs
    modules = imported(ROOT, "explain", "--isolated", "CH301")
    assert "charterlint.ruleset.docs" in modules
    assert not modules & {"jsonschema", "charterlint.cli.check", "importlib.metadata"}


def test_a_one_file_run_imports_only_what_it_uses(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    charter = tmp_path / "x.charter.yaml"
    charter.write_text((ROOT / "examples" / "clean-omnichannel.charter.yaml").read_text(encoding="utf-8"),
                       encoding="utf-8")
    modules = imported(tmp_path, "check", "--no-cache", "--today", "2026-01-01", charter.name)
    assert "charterlint.reporters.text" in modules
    assert not modules & NEVER_FOR_ONE_FILE


def test_a_configuration_file_is_validated_without_importing_jsonschema(tmp_path: Path) -> None:
    pytest.importorskip("jsonschema_rs")  # without it, jsonschema is the validator
    (tmp_path / ".git").mkdir()
    (tmp_path / ".charterlint.yaml").write_text("extends: strict\nrules:\n  CH201:\n    options: {max-age: 18 months}\n",
                                                encoding="utf-8")
    (tmp_path / "x.charter.yaml").write_bytes((ROOT / "examples" / "clean-omnichannel.charter.yaml").read_bytes())
    modules = imported(tmp_path, "check", "--no-cache", "--today", "2026-01-01", "x.charter.yaml")
    assert "charterlint.config.layer" in modules
    assert not modules & (NEVER_FOR_ONE_FILE | {"jsonschema"})


def test_a_file_with_a_directive_loads_the_directive_parser(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    text = (ROOT / "examples" / "clean-omnichannel.charter.yaml").read_text(encoding="utf-8")
    (tmp_path / "x.charter.yaml").write_text("# charterlint: disable-file CH201\n" + text, encoding="utf-8")
    modules = imported(tmp_path, "check", "--no-cache", "--today", "2026-01-01", "x.charter.yaml")
    assert {"charterlint.engine.directives", "charterlint.engine.suppress"} <= modules


def test_the_quick_look_for_plugins_finds_an_installed_one(tmp_path: Path) -> None:
    site = tmp_path / "site-packages"
    assert not may_declare("charterlint.rules", [str(site), str(tmp_path / "missing")])
    fake_install(site, "charterlint-regulator", REGULATOR_ENTRY_POINTS)
    assert may_declare("charterlint.rules", [str(site)])
    assert not may_declare("charterlint.other", [str(site)])
    archive = tmp_path / "plugins.zip"
    archive.write_bytes(b"PK")
    assert may_declare("charterlint.rules", [str(archive)])  # cannot tell without opening it: look


@pytest.mark.parametrize("where", ["dist-info", "egg-info"])
def test_either_kind_of_metadata_directory_counts(tmp_path: Path, where: str) -> None:
    metadata = tmp_path / f"pack-1.0.{where}"
    metadata.mkdir()
    (metadata / "entry_points.txt").write_text(REGULATOR_ENTRY_POINTS, encoding="utf-8")
    assert may_declare("charterlint.rules", [str(tmp_path)])

"""Smoke checks of the benchmark suite (benchmarks/): it runs and writes its report.

No timing is asserted: CI machines are too noisy for that, and docs/performance.md records
the real run. The peers (check-jsonschema, yamllint) may be absent here: the runner must
skip them with a note rather than fail.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import commands, floor
from benchmarks.charters import BENCH_TODAY
from benchmarks.generate import generate_corpus, write_corpus
from benchmarks.report import Section, section_lines
from benchmarks.timing import Command, Skipped, measure, subprocess_env
from tests.helpers import ROOT


def test_quick_run_writes_the_report_with_every_table(tmp_path: Path) -> None:
    output = tmp_path / "performance.md"
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--output", str(output)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    assert completed.returncode == 0, completed.stderr
    report = output.read_text(encoding="utf-8")
    for heading in ("## Targets (issues 8, 13 and 14)", "## Machine", "## Corpora", "## 5 files",
                    "## Start-up and one file", "## Language server", "## Memory on files near the size limit", "## What makes it fast",
                    "## How it is measured", "## Commands"):
        assert heading in report
    # every table has a peak memory column, and the memory target is judged from it
    assert "| command | median s | min s | max s | CPU s | peak MB |" in report
    memory_target = next(line for line in report.splitlines() if line.startswith("| one file within the size limit"))
    assert memory_target.endswith("| pass |") and " MB at most (" in memory_target
    assert "| charterlint check (all 5 files) | " in report
    assert "| floor: CSafeLoader + one validator (YAML+JSON files) | " in report
    assert "| `charterlint --version` ≤ 1.5× `python -c \"import yaml\"` | " in report
    # each peer is either measured or skipped with the reason
    for peer in ("check-jsonschema --schemafile (YAML+JSON files)", "yamllint -d relaxed (YAML+JSON files)"):
        row = next(line for line in report.splitlines() if line.startswith(f"| {peer} |"))
        assert "failed" not in row
    assert "| failed |" not in report
    server = next(line for line in report.splitlines()
                  if line.startswith("| `charterlint server`: didChange → diagnostics on a 200-line charter"))
    assert server.endswith(("| pass |", "| FAIL |")), server  # measured (timing is not asserted here)


def test_missing_peers_become_skipped_rows_with_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(commands, "has_module", lambda name: False)
    features = commands.Features(sarif=False, jobs=False, cache=False)
    rows = commands.size_commands(3, ["a.charter.yaml"], features, "2026-01-01", Path("out.sarif"))
    skipped = {row.key: row.reason for row in rows if isinstance(row, Skipped)}
    assert skipped == {"sarif": "no sarif format in this checkout",
                       "check-jsonschema": commands.INSTALL_PEERS, "yamllint": commands.INSTALL_PEERS}
    assert {row.key for row in rows if isinstance(row, Command)} == {"charterlint", "charterlint-same", "floor"}
    table = "\n".join(section_lines(Section("3 files", "", [], [r for r in rows if isinstance(r, Skipped)])))
    assert "| yamllint -d relaxed (YAML+JSON files) | skipped |" in table


def test_corpora_above_the_peer_limit_time_charterlint_alone() -> None:
    features = commands.Features(sarif=True, jobs=True, cache=True)
    rows = commands.size_commands(10_000, ["a.charter.yaml"], features, "2026-01-01", Path("out.sarif"), peers=False)
    assert [row.key for row in rows if isinstance(row, Command)] == \
        ["charterlint", "sarif", "html-sarif", "charterlint-same", "charterlint-jobs1"]
    assert {row.key: row.reason for row in rows if isinstance(row, Skipped)} == dict.fromkeys(
        ("check-jsonschema", "yamllint", "floor"), "not timed on 10,000 files (see --peers-up-to)")


def test_corpus_is_deterministic_and_independent_of_its_size() -> None:
    small, large = generate_corpus(8, seed=3), generate_corpus(16, seed=3)
    assert small == generate_corpus(8, seed=3)
    assert small == large[:8]
    assert generate_corpus(8, seed=4) != small


def test_clean_generated_charters_pass_the_floor_and_charterlint(tmp_path: Path) -> None:
    files = generate_corpus(40)
    write_corpus(files, tmp_path)
    clean = [str(tmp_path / item.path) for item in files if not item.defects]
    defective = [item for item in files if item.defects]
    assert {item.kind for item in files} == {"yaml", "json", "md"}
    assert 0 < len(defective) < len(files) // 2
    schema = str(commands.SCHEMA)
    assert floor.main(["--schema", schema, *(p for p in clean if not p.endswith(".md"))]) == 0
    completed = subprocess.run(
        [sys.executable, "-m", "charterlint", "check", "--today", BENCH_TODAY.isoformat(), *clean],
        capture_output=True, text=True, timeout=60, check=False,
    )
    # a clean charter that gets findings means the rules moved: update benchmarks/charters.py
    assert completed.returncode == 0, completed.stdout[-2000:]


def test_a_crash_is_a_failure_even_when_its_exit_code_means_findings(tmp_path: Path) -> None:
    findings = Command("findings", "exits 1", (sys.executable, "-c", "raise SystemExit(1)"), "")
    crash = Command("crash", "raises", (sys.executable, "-c", "raise ValueError('boom')"), "")
    by_key = {m.command.key: m for m in measure([findings, crash], 1, tmp_path, subprocess_env())}
    assert by_key["findings"].ok and by_key["findings"].codes == [1]
    assert not by_key["crash"].ok and "ValueError: boom" in by_key["crash"].failure

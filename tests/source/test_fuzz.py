"""Run the atheris fuzzing harness for a bounded time (skipped, with the reason, without atheris)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, TESTS

HARNESS = TESTS / "fuzz" / "fuzz_loader.py"
SEEDS = TESTS / "fuzz" / "corpus"


def test_fuzzing_the_loader_and_rules_finds_no_crash(tmp_path: Path) -> None:
    pytest.importorskip("atheris", reason="atheris has no wheel for this platform; fuzzing skipped")
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    completed = subprocess.run(
        [sys.executable, str(HARNESS), "-max_total_time=20", "-seed=20261125", "-rss_limit_mb=2048",
         "-timeout=10", f"-artifact_prefix={tmp_path}/", str(corpus)],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )
    assert completed.returncode == 0, completed.stderr[-4000:]

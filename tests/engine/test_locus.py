"""A finding's locus stays small however long the value it points at (issue 14, item 1).

Each finding once kept a full copy of its value, so one long text with many findings cost
memory (and cache and baseline space) with the square of its size: 3 MB of text got the run
killed. The locus keeps a short value as it is (so fingerprints do not change) and a digest of
a long one.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from charterlint.engine.locus import MAX_VALUE_CHARACTERS, locus
from tests.helpers import CHARTER_HEAD, REVIEW

# One hedge ("as soon as possible", CH301) per sentence group of about 3 KB.
_FILLER = "We answer letters within ten working days and explain every decision we make. " * 38
_SENTENCE = _FILLER + "We reply as soon as possible. "


def test_a_short_value_is_part_of_the_locus_as_it_is() -> None:
    data = {"channels": [{"id": "email", "hours": "x" * MAX_VALUE_CHARACTERS}]}
    assert locus("/channels/0/hours", data) == "/channels/[id=email]/hours=" + "x" * MAX_VALUE_CHARACTERS


def test_a_long_value_or_id_is_a_short_digest_different_for_different_values() -> None:
    long = "x" * (MAX_VALUE_CHARACTERS + 1)
    first = locus("/channels/0/hours", {"channels": [{"id": "email", "hours": long}]})
    other = locus("/channels/0/hours", {"channels": [{"id": "email", "hours": long + "y"}]})
    by_id = locus("/channels/0/hours", {"channels": [{"id": long, "hours": "always"}]})
    assert first.startswith("/channels/[id=email]/hours=sha256:") and len(first) < 80
    assert other != first
    assert by_id.startswith("/channels/[id=sha256:") and by_id.endswith("]/hours=always") and len(by_id) < 80


_MEASURE = """
import resource, subprocess, sys
def limit():  # a regression fails with MemoryError instead of taking the machine's memory
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024 ** 3, 2 * 1024 ** 3))
run = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, preexec_fn=limit)
print(run.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, run.stderr[-500:])
"""


def test_many_findings_on_one_long_value_take_memory_linear_in_the_file(tmp_path: Path) -> None:
    # ~3 MB (under the 5 MiB limit), about 1,000 findings on one value: ~3 GB before the fix.
    mission = _SENTENCE * (3_000_000 // len(_SENTENCE))
    text = CHARTER_HEAD.replace("  mission: Safe, reliable water for every home.\n", f'  mission: "{mission}"\n')
    text += "channels:\n  - id: phone\n    type: phone\n    hours: always\n" + REVIEW
    charter = tmp_path / "big.charter.yaml"
    charter.write_text(text, encoding="utf-8")
    assert 2_900_000 < charter.stat().st_size < 5 * 1024 * 1024
    console = "from charterlint.cli.app import console; console()"
    command = [sys.executable, "-c", console, "check", "--isolated", "--today", "2026-01-01",
               "--format", "json:report.json", "--format", "sarif:report.sarif", str(charter)]
    # A wrapper process measures the peak of charterlint alone (RUSAGE_CHILDREN covers every
    # child this test process ever waited for); the timeout keeps a regression from hanging.
    measured = subprocess.run([sys.executable, "-c", _MEASURE, *command], cwd=tmp_path, capture_output=True,
                              text=True, timeout=120, check=True)
    returncode, peak_kib, stderr = measured.stdout.split(" ", 2)
    assert int(peak_kib) < 200 * 1024, f"peak {int(peak_kib) // 1024} MB: {stderr}"
    assert returncode == "1", stderr  # findings
    assert (tmp_path / "report.sarif").stat().st_size < 10_000_000
    # The cache entry (findings and the parsed charter) is linear in the file too.
    cache = sum(path.stat().st_size for path in (tmp_path / ".charterlint_cache").rglob("*") if path.is_file())
    assert cache < 10_000_000

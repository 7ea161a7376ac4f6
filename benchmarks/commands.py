"""The commands a benchmark run times, built for one corpus and this Python environment.

Every tool runs as `sys.executable -m TOOL`, so charterlint and its peers use the same
interpreter and site-packages; peers that are not installed are skipped with a note.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.machine import has_module
from benchmarks.timing import Command, Skipped

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / "charter.schema.json"
FLOOR = ROOT / "benchmarks" / "floor.py"
PY = sys.executable
INSTALL_PEERS = "not installed (pip install -r benchmarks/requirements.txt)"


@dataclass(frozen=True, slots=True)
class Features:
    """What this checkout of charterlint supports, found by asking it."""

    sarif: bool
    jobs: bool
    cache: bool


def detect(work: Path, sample: Path, today: str, env: Mapping[str, str]) -> Features:
    """Ask `charterlint check --help` for --jobs / --no-cache, and try `--format sarif:FILE`."""
    help_text = subprocess.run([PY, "-m", "charterlint", "check", "--help"], capture_output=True, text=True,
                               env=dict(env), check=False).stdout
    probe = work / "probe.sarif"
    code = subprocess.run([PY, "-m", "charterlint", "check", "--today", today, "--format", f"sarif:{probe}",
                           str(sample)], capture_output=True, env=dict(env), check=False).returncode
    return Features(sarif=code in (0, 1) and probe.exists(), jobs="--jobs" in help_text, cache="--no-cache" in help_text)


def _charterlint(features: Features, today: str, *args: str, cache: bool = False) -> tuple[str, ...]:
    no_cache = ("--no-cache",) if features.cache and not cache else ()
    return (PY, "-m", "charterlint", "check", "--today", today, *no_cache, *args)


def _shown(argv: Sequence[str], files: Sequence[str] = (), corpus: str = "$CORPUS") -> str:
    """How the docs show an argv: `python`, `$FILES`, paths relative to the checkout."""
    words: list[str] = []
    for word in argv:
        if files and word == files[0]:
            words.append("$FILES")
        elif files and word in files:
            continue
        elif word == PY:
            words.append("python")
        elif word == ".":
            words.append(corpus)
        else:
            words.append(word.replace(str(ROOT) + "/", ""))
    return " ".join(words)


def _peer(module: str, key: str, label: str, argv: tuple[str, ...], files: Sequence[str]) -> Command | Skipped:
    if not has_module(module):
        return Skipped(key, label, INSTALL_PEERS)
    return Command(key, label, argv, _shown(argv, files))


def size_commands(size: int, files: Sequence[str], features: Features, today: str,
                  sarif_path: Path, peers: bool = True) -> list[Command | Skipped]:
    """The side-by-side table for one corpus (cwd: the corpus root; `files`: its YAML and JSON files).

    `peers=False` leaves out check-jsonschema, yamllint and the floor (minutes per round on large
    corpora; no target compares with them there)."""
    peer_files = tuple(files)
    everything = _charterlint(features, today, ".")
    same = _charterlint(features, today, *peer_files)
    rows: list[Command | Skipped] = [Command("charterlint", f"charterlint check (all {size:,} files)", everything,
                                             _shown(everything))]
    if features.sarif:
        sarif = _charterlint(features, today, "--format", f"sarif:{sarif_path}", ".")
        rows.append(Command("sarif", "charterlint check --format sarif:FILE (all files)", sarif,
                            _shown(sarif).replace(str(sarif_path), "FILE")))
    else:
        rows.append(Skipped("sarif", "charterlint check --format sarif:FILE", "no sarif format in this checkout"))
    if features.sarif:
        both = _charterlint(features, today, "--format", f"html:{sarif_path.with_suffix('.html')}",
                            "--format", f"sarif:{sarif_path}", ".")
        rows.append(Command("html-sarif", "charterlint check --format html:FILE --format sarif:FILE (all files)", both,
                            _shown(both).replace(str(sarif_path.with_suffix(".html")), "FILE")
                            .replace(str(sarif_path), "FILE")))
    rows.append(Command("charterlint-same", f"charterlint check ({len(files):,} YAML+JSON files)", same,
                        _shown(same, peer_files)))
    if features.jobs:
        jobs1 = _charterlint(features, today, "--jobs", "1", *peer_files)
        rows.append(Command("charterlint-jobs1", "charterlint check --jobs 1 (YAML+JSON files)", jobs1,
                            _shown(jobs1, peer_files)))
    if not peers:
        why = f"not timed on {size:,} files (see --peers-up-to)"
        return rows + [Skipped("check-jsonschema", "check-jsonschema --schemafile", why),
                       Skipped("yamllint", "yamllint -d relaxed", why), Skipped("floor", "floor", why)]
    rows.append(_peer("check_jsonschema", "check-jsonschema", "check-jsonschema --schemafile (YAML+JSON files)",
                      (PY, "-m", "check_jsonschema", "--schemafile", str(SCHEMA), *peer_files), peer_files))
    rows.append(_peer("yamllint", "yamllint", "yamllint -d relaxed (YAML+JSON files)",
                      (PY, "-m", "yamllint", "-d", "relaxed", *peer_files), peer_files))
    floor = (PY, str(FLOOR), "--schema", str(SCHEMA), *peer_files)
    rows.append(Command("floor", "floor: CSafeLoader + one validator (YAML+JSON files)", floor, _shown(floor, peer_files)))
    return rows


def cold_commands(one_file: str, features: Features, today: str) -> list[Command | Skipped]:
    """Start-up: an empty interpreter, `import yaml`, `--version`, and one-file runs (cwd: the corpus root)."""
    check_one = _charterlint(features, today, one_file)
    rows: list[Command | Skipped] = [
        Command("python", 'python -c "pass" (interpreter start, for reference)', (PY, "-c", "pass"),
                'python -c "pass"', frozenset({0})),
        Command("import-yaml", 'python -c "import yaml"', (PY, "-c", "import yaml"), 'python -c "import yaml"',
                frozenset({0})),
        Command("version", "charterlint --version", (PY, "-m", "charterlint", "--version"),
                "python -m charterlint --version", frozenset({0})),
        Command("check-one", "charterlint check FILE", check_one, _shown(check_one).replace(one_file, "$FILE")),
    ]
    yamllint = _peer("yamllint", "yamllint-one", "yamllint -d relaxed FILE", (PY, "-m", "yamllint", "-d", "relaxed", one_file), ())
    schema_check = _peer("check_jsonschema", "check-jsonschema-one", "check-jsonschema --schemafile FILE",
                         (PY, "-m", "check_jsonschema", "--schemafile", str(SCHEMA), one_file), ())
    for row in (yamllint, schema_check):
        if isinstance(row, Command):
            row = Command(row.key, row.label, row.argv, row.shown.replace(one_file, "$FILE"))
        rows.append(row)
    return rows


def jobs_commands(features: Features, today: str) -> list[Command]:
    """`--jobs 1` against `--jobs 2` on the whole corpus (only when charterlint has --jobs)."""
    one, two = (_charterlint(features, today, "--jobs", str(n), ".") for n in (1, 2))
    return [Command("jobs1", "charterlint check --jobs 1", one, _shown(one)),
            Command("jobs2", "charterlint check --jobs 2", two, _shown(two))]


def cache_commands(features: Features, today: str) -> list[Command]:
    """A cold run (`--no-cache`) against a warm one (cache filled by the untimed warm-up run)."""
    cold = _charterlint(features, today, ".")
    warm = _charterlint(features, today, ".", cache=True)
    return [Command("cold", "charterlint check --no-cache (cold)", cold, _shown(cold)),
            Command("warm", "charterlint check (warm cache, files unchanged)", warm, _shown(warm))]

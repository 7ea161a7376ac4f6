"""What the report says about how it measured: method, fairness, and what was skipped."""

from __future__ import annotations

from benchmarks.commands import Features
from benchmarks.machine import package_version


def _ruamel_parser() -> str:
    for name in ("ruamel.yaml.clibz", "ruamel.yaml.clib"):
        if package_version(name) != "not installed":
            return f"with its C parser ({name} is installed)"
    return ("in pure Python: ruamel.yaml ≥ 0.19 makes its C extension optional (extra `libyaml`) and "
            "`pip install check-jsonschema` does not install it")


def notes(features: Features, rounds: int, today: str, peers_up_to: int = 1_000) -> list[str]:
    """One bullet per fact a reader needs to trust (or redo) the numbers."""
    items = [
        f"Each table is one run: every command first runs once untimed (warm page cache and `__pycache__`), "
        f"then {rounds} timed round{'s' if rounds != 1 else ''}; round r starts with command r and goes round-robin, so drift is spread "
        "over all commands. Shown: median, min and max of the rounds' wall times.",
        "Wall time is the whole process, interpreter start-up included (`time.perf_counter` around "
        "`subprocess.run`). CPU s is the child's user + system time (`getrusage`); above wall time means "
        "work ran in parallel processes. `× floor` and `× charterlint` divide medians within one table.",
        "Standard output goes to /dev/null. charterlint writes its default text report (`auto` = text: "
        f"`GITHUB_ACTIONS` is removed from the environment) with `--today {today}`, so review rules see "
        "the same date in every run; the corpus's review dates are relative to it.",
        "Every tool runs as `python -m TOOL` with the benchmark's own interpreter, so all share one "
        "environment; the floor runs as `python benchmarks/floor.py`. `PYTHONDONTWRITEBYTECODE` is removed "
        "from the environment: installed peers ship compiled bytecode, and an editable charterlint would "
        "otherwise recompile its modules on every run (about 0.1 s of start-up here).",
        "The peers and the floor get the YAML and JSON files only: check-jsonschema and the floor cannot "
        "read a Markdown charter's front matter, and yamllint would parse the prose as YAML. "
        "`charterlint check (YAML+JSON files)` runs on exactly those files and is the base of the ratios; "
        "`charterlint check (all files)` lints the whole corpus, Markdown included.",
        "check-jsonschema parses YAML with ruamel.yaml and maps YAML timestamps to strings, so unquoted "
        "dates (`last_reviewed: 2025-11-01`) reach the validator as strings and `format: date` is checked, "
        "as in charterlint (which keeps dates as strings) and the floor (a `CSafeLoader` whose timestamp "
        "constructor is the string constructor); a plain `yaml.safe_load` would make them `datetime.date` "
        f"and fail `type: string`. Here check-jsonschema parses YAML {_ruamel_parser()}. Its `pattern` "
        "checks use ECMAScript regexes (regress) by default.",
        f"check-jsonschema, yamllint and the floor are timed on corpora of up to {peers_up_to:,} files "
        "(`--peers-up-to`): on 10,000 files each takes minutes per round, and the targets that compare "
        "with them are set at 1,000 files. Larger corpora time charterlint alone.",
        "yamllint (`-d relaxed`) only parses and checks style; it validates nothing against the schema. "
        "It exits 1 when a file does not parse (some defective files have syntax errors).",
        "The floor (`benchmarks/floor.py`) reads each file, parses it (`yaml.CSafeLoader`, `json` for "
        ".json) and validates it with one prebuilt `jsonschema.Draft202012Validator` with format checking; "
        "it collects every error but renders nothing and resolves no positions.",
    ]
    if features.sarif:
        items.append("`--format sarif:FILE` replaces the text output with a SARIF file (same linting).")
    else:
        items.append("SARIF: this checkout has no sarif format, so that row is skipped.")
    if features.cache:
        items.append("charterlint has a cache here: every run except the warm-cache row passes `--no-cache`.")
    else:
        items.append("No cache in this checkout (no `--no-cache` option): the warm-cache target is not implemented.")
    if not features.jobs:
        items.append("No `--jobs` option in this checkout: charterlint runs in one process, so the `--jobs 1` "
                     "target is judged on the default run and the `--jobs 2` target is not implemented.")
    return items

"""Benchmark charterlint against check-jsonschema, yamllint and the floor: `python -m benchmarks`.

Generates corpora (benchmarks/generate.py), times every command side by side in rotated rounds
(benchmarks/timing.py) and writes a Markdown report (default: docs/performance.md) with the
machine, the exact commands, the medians and ratios, and the targets of issues 8 and 13.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import commands as cmd
from benchmarks.charters import BENCH_TODAY
from benchmarks.editor import LABELS, measure_server
from benchmarks.generate import DEFAULT_SEED, CharterFile, generate_corpus, write_corpus
from benchmarks.machine import describe
from benchmarks.notes import notes
from benchmarks.profiling import profile_check
from benchmarks.report import Run, Section, render
from benchmarks.scaling import memory_commands, scaling_commands
from benchmarks.targets import judge
from benchmarks.timing import Command, Measurement, Skipped, measure, subprocess_env

DEFAULT_SIZES = (100, 1_000, 10_000)


def _progress(message: str) -> None:
    print(f"[benchmarks] {message}", file=sys.stderr, flush=True)


def _sizes(text: str) -> list[int]:
    sizes = sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()})
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError(f'"{text}" is not a list of positive sizes: expected e.g. 100,1000')
    return sizes


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=_sizes, default=list(DEFAULT_SIZES),
                        help="corpus sizes, comma-separated (default: 100,1000,10000)")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds per table (default: 5)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run for CI: 5 files, 1 round; the report goes to standard output unless --output")
    parser.add_argument("--output", help='report file, "-" for standard output (default: docs/performance.md)')
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"corpus seed (default: {DEFAULT_SEED})")
    parser.add_argument("--work-dir", type=Path, help="keep corpora and outputs here (default: a temporary directory)")
    parser.add_argument("--peers-up-to", type=int, default=1_000, metavar="N",
                        help="time check-jsonschema, yamllint and the floor only on corpora of at most N files "
                             "(default: 1000; on 10,000 files they take minutes per round, and no target needs them)")
    parser.add_argument("--profile", action="store_true",
                        help="append a cProfile of charterlint on the 1,000-file (else largest) corpus")
    return parser


def _split(rows: Sequence[Command | Skipped]) -> tuple[list[Command], list[Skipped]]:
    return [r for r in rows if isinstance(r, Command)], [r for r in rows if isinstance(r, Skipped)]


class Bench:
    """One benchmark run: corpora, sections and results, filled in as it goes."""

    def __init__(self, args: argparse.Namespace, work: Path) -> None:
        self.args, self.work = args, work
        self.env = subprocess_env()
        self.today = BENCH_TODAY.isoformat()
        self.corpora: dict[int, tuple[Path, list[CharterFile]]] = {}
        self.sections: list[Section] = []
        self.results: dict[str, dict[str, Measurement]] = {}
        self.shown: list[str] = []

    def corpus(self, size: int) -> tuple[Path, list[CharterFile]]:
        if size not in self.corpora:
            root = self.work / f"corpus-{size}"
            files = generate_corpus(size, self.args.seed)
            write_corpus(files, root)
            self.corpora[size] = (root, files)
        return self.corpora[size]

    def editor_section(self, rounds: int) -> None:
        """The language server's latency: measured in its own process, not by running a command."""
        _progress(f"language server: {rounds} changes per charter")
        found = [measure_server(self.work / f"editor-{kind}", self.env, rounds, kind) for kind in LABELS]
        measured = [m for m in found if isinstance(m, Measurement)]
        self.results["editor"] = {m.command.key: m for m in measured}
        self.sections.append(Section(
            "Language server", "`charterlint server` as an editor runs it: an LSP client opens a charter of about"
            " 200 lines, then changes it (the whole text) once every 0.3 s, a pause past the server's debounce, and"
            " times each change from the didChange notification to the publishDiagnostics of that version (issue"
            " 18). CPU s is the server's CPU over all changes, shared out; peak MB its resident peak.",
            measured, [m for m in found if isinstance(m, Skipped)], base_key="server-rules"))

    def section(self, ident: str, title: str, intro: str, rows: Sequence[Command | Skipped], cwd: Path,
                rounds: int, floor_key: str | None = None, base_key: str | None = None) -> None:
        timed, skipped = _split(rows)
        _progress(f"{title}: {len(timed)} commands, {rounds} rounds")
        measured = measure(timed, rounds, cwd, self.env, _progress)
        self.results[ident] = {m.command.key: m for m in measured}
        self.sections.append(Section(title, intro, measured, skipped, floor_key, base_key))
        for command in timed:
            if command.shown not in self.shown:
                self.shown += [f"# {command.label}", command.shown]


def _load() -> str:
    return f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "unknown"


def _peer_files(files: Sequence[CharterFile]) -> list[str]:
    return [item.path for item in files if item.kind != "md"]


def _corpus_row(size: int, files: Sequence[CharterFile], summary: str) -> list[str]:
    kinds = {kind: sum(item.kind == kind for item in files) for kind in ("yaml", "json", "md")}
    defective = sum(bool(item.defects) for item in files)
    lines = sum(item.text.count("\n") for item in files)
    return [f"{size:,}", str(kinds["yaml"]), str(kinds["json"]), str(kinds["md"]),
            f"{lines:,} ({lines // max(size, 1)} per file)", f"{defective} ({100 * defective // max(size, 1)}%)",
            summary or "–"]


def run_all(args: argparse.Namespace, work: Path) -> str:
    """Generate, measure and render; returns the report."""
    bench = Bench(args, work)
    rounds = args.rounds
    load_before = _load()
    smallest_root, smallest = bench.corpus(args.sizes[0])
    one_file = next(item.path for item in smallest if item.kind == "yaml" and not item.defects)
    features = cmd.detect(work, smallest_root / one_file, bench.today, bench.env)
    corpus_rows = []
    for size in args.sizes:
        root, files = bench.corpus(size)
        rows = cmd.size_commands(size, _peer_files(files), features, bench.today, work / f"report-{size}.sarif",
                                 peers=size <= args.peers_up_to)
        bench.section(f"size-{size}", f"{size:,} files", f"All commands on the {size:,}-file corpus, side by side.",
                      rows, root, rounds, floor_key="floor", base_key="charterlint-same")
        corpus_rows.append(_corpus_row(size, files, bench.results[f"size-{size}"]["charterlint"].last_line))
    bench.section("cold", "Start-up and one file", "The pre-commit case: one clean YAML charter, and start-up alone.",
                  cmd.cold_commands(one_file, features, bench.today), smallest_root, max(1, rounds * 4),
                  base_key="check-one")
    bench.editor_section(max(10, rounds * 4))
    big = 10_000 if 10_000 in args.sizes else args.sizes[-1]
    mid = 1_000 if 1_000 in args.sizes else args.sizes[-1]
    if features.jobs:
        bench.section("jobs", f"--jobs 1 and --jobs 2 on {big:,} files", "Parallel processes.",
                      cmd.jobs_commands(features, bench.today), bench.corpus(big)[0], rounds, base_key="jobs1")
    if features.cache:
        bench.section("cache", f"Cache on {mid:,} unchanged files", "The warm-up run fills the cache.",
                      cmd.cache_commands(features, bench.today), bench.corpus(mid)[0], rounds, base_key="cold")
    scale = (20, 40) if args.quick else (2_500, 5_000)
    scaling = work / "scaling"
    scaling.mkdir(exist_ok=True)
    bench.section("scaling", f"One large charter: {scale[0]:,} and {scale[1]:,}",
                  "The HTML report and `matrix` on one charter with that many channels, and a charter with that"
                  " many `disable-next-line` comments: at twice the size, linear work takes about twice the time"
                  " (issue 14).", scaling_commands(scaling, scale, features, bench.today), scaling, rounds,
                  base_key=f"html-{scale[0]}")
    memory = work / "memory"
    memory.mkdir(exist_ok=True)
    bench.section("memory", "Memory on files near the size limit",
                  "Peak memory (the `peak MB` column) on two files of about 3 MB, under the 5 MiB limit: a value"
                  " repeating a hedge (about 100,000 findings on one line) and 11,000 channels (22,000 findings), to"
                  " the formats that hold most. Reports are written as they are made, so the peak stays near that of"
                  " the text run (issue 14, item 1: it was 3 GB to 24 GB, or a killed run, before).",
                  memory_commands(memory, features, bench.today, 100 if args.quick else 1), memory, rounds,
                  base_key="long-text")
    profile = profile_check(bench.corpus(mid)[0], bench.today, work, bench.env) if args.profile else ""
    sizes = ",".join(str(size) for size in args.sizes)
    run = Run(
        rerun=f"pip install -e . -r benchmarks/requirements.txt && python -m benchmarks --sizes {sizes} --rounds {rounds}"
              + (f" --peers-up-to {args.peers_up_to}" if args.peers_up_to != 1_000 else "")
              + (" --profile" if args.profile else ""),
        machine=describe(cmd.ROOT), corpora=corpus_rows, sections=bench.sections,
        targets=judge(bench.results, features.jobs, features.cache, big, mid),
        notes=notes(features, rounds, bench.today, args.peers_up_to), commands=bench.shown, profile=profile,
        date=dt.date.today().isoformat(),
        settings=[f"Sizes {sizes}; {rounds} timed round{'s' if rounds != 1 else ''} per table ({max(1, rounds * 4)} for start-up); "
                  f"seed {args.seed}; 20% defective files; `--today {bench.today}`. "
                  f"Load average (1 min) at the start {load_before}, at the end {_load()}: "
                  "other work on the machine shows up as spread between min and max."],
    )
    return render(run)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.quick:
        args.sizes, args.rounds = [5], 1
    output = args.output or ("-" if args.quick else str(cmd.ROOT / "docs" / "performance.md"))
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="charterlint-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        report = run_all(args, work.resolve())
    finally:
        if args.work_dir is None:
            shutil.rmtree(work, ignore_errors=True)
    if output == "-":
        sys.stdout.write(report)
    else:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(report, encoding="utf-8")
        _progress(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Render a benchmark run as Markdown (docs/performance.md): pure functions of the results."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from benchmarks.timing import Measurement, Skipped


@dataclass(frozen=True, slots=True)
class Section:
    """One table: commands timed side by side in the same rounds."""

    title: str
    intro: str
    measurements: Sequence[Measurement]
    skipped: Sequence[Skipped] = ()
    floor_key: str | None = None  # the "× floor" column divides by this command's median
    base_key: str | None = None  # the "× charterlint" column divides by this one's


@dataclass(frozen=True, slots=True)
class Target:
    """A target from the issue, what was measured and whether it was met."""

    text: str
    measured: str
    verdict: str  # pass, FAIL, not implemented, not measured, skipped


@dataclass(frozen=True, slots=True)
class Run:
    """Everything the report shows."""

    rerun: str
    machine: Sequence[tuple[str, str]]
    corpora: Sequence[Sequence[str]]
    sections: Sequence[Section]
    targets: Sequence[Target]
    notes: Sequence[str]
    commands: Sequence[str]
    profile: str = ""
    date: str = ""
    settings: Sequence[str] = field(default_factory=tuple)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    return lines + ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]


def _ratio(value: float, base: Measurement | None) -> str:
    if base is None or not base.ok:
        return "–"
    return f"{value / base.median:.2f}×"


def section_lines(section: Section) -> list[str]:
    """The Markdown of one section: a heading, its intro and its table."""
    by_key = {m.command.key: m for m in section.measurements}
    floor = by_key.get(section.floor_key or "")
    base = by_key.get(section.base_key or "")
    header = ["command", "median s", "min s", "max s", "CPU s", "peak MB", "× floor", "× charterlint", "exit"]
    rows = []
    for m in section.measurements:
        if not m.ok:
            rows.append([m.command.label, "failed", "", "", "", "", "", "", m.failure.splitlines()[0] if m.failure else "no run"])
            continue
        codes = ",".join(str(code) for code in sorted(set(m.codes)))
        rows.append([m.command.label, f"{m.median:.3f}", f"{min(m.wall):.3f}", f"{max(m.wall):.3f}",
                     f"{m.cpu_median:.3f}", f"{m.peak_mib:.0f}", _ratio(m.median, floor), _ratio(m.median, base), codes])
    rows += [[s.label, "skipped", "", "", "", "", "", "", s.reason] for s in section.skipped]
    lines = [f"## {section.title}", "", section.intro, "", *_table(header, rows), ""]
    failures = [m for m in section.measurements if m.failure]
    for m in failures:
        lines += [f"`{m.command.label}` failed:", "", "```text", m.failure.strip(), "```", ""]
    return lines


# How charterlint earns the figures above: design, not measurement (the same in every report).
DESIGN = (
    "One compiled schema per run. jsonschema-rs (installed with charterlint on CPython) decides whether a "
    "document is valid; only documents it rejects go to jsonschema, for located, plain-language errors, and "
    "jsonschema is imported for the first of them. The configuration and rule options are checked the same "
    "way. tests/schema/test_schema_fast_path.py holds the two validators to the same verdict on every fixture.",
    "Parsing reads PyYAML's C parser's event stream; positions are kept raw and become spans only for the "
    "nodes a finding points at.",
    "Imports on demand: `--version`, `rules` and `explain` do not load the linter; a one-file run loads "
    "neither jsonschema (unless a document is invalid), nor importlib.metadata (unless a plugin may be "
    "installed), nor the directive parser (unless the file says \"charterlint\"), nor the SARIF and HTML "
    "reporters, nor multiprocessing. tests/cli/test_startup.py keeps it so.",
    "A quick exit: once the output is written and flushed and the atexit handlers have run, the "
    "`charterlint` process ends with `os._exit` instead of freeing every object it made (as mypy does), "
    "which is about a tenth of a one-file run. `charterlint.cli.app.main()` itself returns, for embedding.",
    "`--jobs` (default `auto`: one process below 50 files, else one per 25 files up to the usable cores) "
    "lints in parallel processes; the output is byte for byte that of `--jobs 1`.",
    "The cache (`.charterlint_cache/`) keys each result by the file's content hash and a run key (charterlint's "
    "version and code, Python and the parsing and validation libraries, the schema, every rule's file and "
    "check code, the enabled rules with their severities and options, the limits, and the date review rules "
    "use); a warm run reads "
    "results and renders them, with output identical to a cold run.",
)


def render(run: Run) -> str:
    """The whole report."""
    lines = ["# Performance", "",
             "Generated by the benchmark runner (`benchmarks/run.py`)" + (f" on {run.date}" if run.date else "")
             + "; do not edit by hand. Rerun on your machine with:", "",
             "```console", run.rerun, "```", ""]
    lines += list(run.settings) + [""] if run.settings else []
    lines += ["## Targets (issues 8, 13 and 14)", "", *_table(["target", "measured", "result"],
                                                  [[t.text, t.measured, t.verdict] for t in run.targets]), ""]
    lines += ["## Machine", "", *_table(["", ""], run.machine), ""]
    lines += ["## Corpora", "", "Generated by `benchmarks/generate.py` (deterministic: same seed, same files).", "",
              *_table(["files", "YAML", "JSON", "Markdown", "lines", "defective files", "charterlint's summary line"],
                      run.corpora), ""]
    for section in run.sections:
        lines += section_lines(section)
    lines += ["## What makes it fast", ""] + [f"- {item}" for item in DESIGN] + [""]
    lines += ["## How it is measured", ""] + [f"- {note}" for note in run.notes] + [""]
    lines += ["## Commands", "", "`$CORPUS` is the generated corpus directory; `$FILES` its YAML and JSON files, "
              "`$FILE` one clean YAML charter from it; `python` is the interpreter that ran the benchmark.", "",
              "```console", *run.commands, "```", ""]
    if run.profile:
        lines += ["## Profile", "", run.profile.rstrip(), ""]
    return "\n".join(lines)

"""Where charterlint's time goes: cProfile of one `check` run, summarised by module and function."""

from __future__ import annotations

import io
import pstats
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

from benchmarks.commands import ROOT

_TOP_MODULES = 15
_TOP_FUNCTIONS = 30
_BUILTINS = "(C functions: built-ins, str methods, the C YAML parser, ...)"
_LIB = re.compile(r"/\S*/(?:site-packages|lib/python3\.[0-9]+)/")


def _short(filename: str) -> str:
    """A profile file name without the site-packages or checkout prefix."""
    for marker in ("site-packages/", "lib/python3", str(ROOT) + "/"):
        if marker in filename:
            tail = filename.split(marker, 1)[1]
            return tail.split("/", 1)[1] if marker == "lib/python3" and "/" in tail else tail
    return filename


def _by_module(stats: pstats.Stats) -> list[tuple[str, float]]:
    """Self time (tottime) summed per source file, largest first."""
    totals: dict[str, float] = defaultdict(float)
    for (filename, _line, _name), row in stats.stats.items():  # type: ignore[attr-defined]
        totals[_BUILTINS if filename == "~" else _short(filename)] += row[2]
    return sorted(totals.items(), key=lambda item: -item[1])


def profile_check(corpus: Path, today: str, work: Path, env: Mapping[str, str]) -> str:
    """Profile `charterlint check` over the corpus; Markdown with two tables and the cumulative listing."""
    out = work / "charterlint.prof"
    argv = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "charterlint", "check", "--today", today, "."]
    run = subprocess.run(argv, cwd=corpus, env=dict(env), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         text=True, check=False)
    if not out.exists() or "Traceback (most recent call last)" in run.stderr:
        return f"The profile run failed:\n\n```text\n{run.stderr.strip()[-1500:]}\n```"
    stats = pstats.Stats(str(out))
    total = max(stats.total_tt, 1e-9)  # type: ignore[attr-defined]
    lines = [f"`python -m cProfile -m charterlint check --today {today} $CORPUS` on the "
             f"{sum(1 for _ in corpus.rglob('*.charter.*')):,}-file corpus: {total:.2f} s of profiled time "
             "(cProfile slows pure-Python code more than C code, so shares are indicative).", "",
             "Self time by source file:", "", "| file | self s | share |", "| --- | --- | --- |"]
    lines += [f"| {name} | {seconds:.2f} | {100 * seconds / total:.0f}% |" for name, seconds in _by_module(stats)[:_TOP_MODULES]]
    listing = io.StringIO()
    pstats.Stats(str(out), stream=listing).sort_stats("cumulative").print_stats(_TOP_FUNCTIONS)
    body = [_LIB.sub("", line.replace(str(ROOT) + "/", "")) for line in listing.getvalue().splitlines() if line.strip()]
    start = next((i for i, line in enumerate(body) if line.lstrip().startswith("ncalls")), 0)
    lines += ["", f"Top {_TOP_FUNCTIONS} functions by cumulative time:", "", "```text", *body[start:], "```"]
    return "\n".join(lines)

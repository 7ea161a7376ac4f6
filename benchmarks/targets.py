"""The targets of issues 8 (performance), 13 (start-up after the architecture change) and 14
(memory and linear time on hostile files), judged from measured medians and peaks."""

from __future__ import annotations

from collections.abc import Mapping

from benchmarks.report import Target
from benchmarks.timing import Measurement

Results = Mapping[str, Mapping[str, Measurement]]  # section id -> command key -> measurement


def _median(results: Results, section: str, key: str) -> Measurement | None:
    measurement = results.get(section, {}).get(key)
    return measurement if measurement is not None and measurement.ok else None


def _judge(text: str, slow: Measurement | None, fast: Measurement | None, limit: float, *, at_least: bool,
           what: str, missing: str = "not measured") -> Target:
    """Median of `slow` ÷ median of `fast` against the limit: at least (speed-ups) or at most (overheads).

    The ratio of the fastest runs is shown too: when other work shares the machine, it is the
    steadier of the two.
    """
    if slow is None or fast is None:
        return Target(text, "–", missing)
    ratio = slow.median / fast.median
    best = min(slow.wall) / min(fast.wall)
    met = ratio >= limit if at_least else ratio <= limit
    return Target(text, f"{ratio:.2f}× ({what}; fastest runs: {best:.2f}×)", "pass" if met else "FAIL")


def _at(target: Target, size: int | None, wanted: int) -> Target:
    if size is None or size == wanted or target.measured == "–":
        return target
    return Target(target.text, f"{target.measured}, measured at {size:,} files", target.verdict)


def judge(results: Results, jobs: bool, cache: bool, jobs_size: int | None = None,
          cache_size: int | None = None) -> list[Target]:
    """Every target row, in the order of the issue (jobs and cache sections may use another size)."""
    big, same = "size-1000", "charterlint-same"
    one_process = "charterlint-jobs1" if jobs else same
    targets = [
        _judge("1,000 files, default settings: ≥ 8× faster than check-jsonschema (same files, same schema)",
               _median(results, big, "check-jsonschema"), _median(results, big, same), 8, at_least=True,
               what="check-jsonschema time ÷ charterlint time"),
        _judge("`--jobs 1`: within 1.3× of the floor (parse + validate only)"
               + ("" if jobs else "; no `--jobs` yet, so the default single-process run"),
               _median(results, big, one_process), _median(results, big, "floor"), 1.3, at_least=False,
               what="charterlint time ÷ floor time"),
        _judge("one file: `charterlint check FILE` no slower than `yamllint -d relaxed FILE`",
               _median(results, "cold", "check-one"), _median(results, "cold", "yamllint-one"), 1.0,
               at_least=False, what="charterlint time ÷ yamllint time"),
        _judge("`charterlint --version` ≤ 1.5× `python -c \"import yaml\"`",
               _median(results, "cold", "version"), _median(results, "cold", "import-yaml"), 1.5,
               at_least=False, what="charterlint time ÷ import yaml time"),
        _judge("100 → 1,000 files: ≤ 11× time (linear)", _median(results, "size-1000", "charterlint"),
               _median(results, "size-100", "charterlint"), 11, at_least=False, what="time ratio for 10× files"),
        _judge("1,000 → 10,000 files: ≤ 11× time (linear)", _median(results, "size-10000", "charterlint"),
               _median(results, "size-1000", "charterlint"), 11, at_least=False, what="time ratio for 10× files"),
        _at(_judge("`--jobs 2` on 10,000 files ≥ 1.8× faster than `--jobs 1`", _median(results, "jobs", "jobs1"),
                   _median(results, "jobs", "jobs2"), 1.8, at_least=True, what="jobs 1 time ÷ jobs 2 time",
                   missing="not measured" if jobs else "not implemented (no `--jobs` option)"), jobs_size, 10_000),
        _at(_judge("warm cache over 1,000 unchanged files ≥ 5× faster than a cold run", _median(results, "cache", "cold"),
                   _median(results, "cache", "warm"), 5, at_least=True, what="cold time ÷ warm time",
                   missing="not measured" if cache else "not implemented (no cache)"), cache_size, 1_000),
        _under("`charterlint server`: didChange → diagnostics on a 200-line charter under 20 ms, median (issue 18)",
               _median(results, "editor", "server-rules"), 0.020),
        _peak("one file within the size limit: peak memory under 200 MB, whatever the format (issue 14)",
              [m for m in results.get("memory", {}).values() if m.ok], 200),
    ]
    return targets + _scaling_targets(results)


def _scaling_targets(results: Results) -> list[Target]:
    """At twice the size, about twice the time: a row per command the scaling section measured
    at two sizes (none when it did not run)."""
    small, big = _scaling_sizes(results)
    if not small:
        return []
    return [_judge(f"{what} at twice the size: ≤ 2.5× time (linear, issue 14)", _median(results, "scaling", f"{key}-{big}"),
                   _median(results, "scaling", f"{key}-{small}"), 2.5, at_least=False, what="time ratio for 2× size")
            for key, what in (("html", "HTML report of one charter's channels"), ("matrix", "`matrix`"),
                              ("suppressed", "`disable-next-line` comments"))]


def _scaling_sizes(results: Results) -> tuple[str, str]:
    """The two sizes the scaling section measured ("2500", "5000"), smaller first."""
    sizes = sorted({int(key.rsplit("-", 1)[1]) for key in results.get("scaling", {}) if key.rsplit("-", 1)[-1].isdigit()})
    return (str(sizes[0]), str(sizes[-1])) if len(sizes) >= 2 else ("", "")


def _under(text: str, measured: Measurement | None, limit_seconds: float) -> Target:
    if measured is None:
        return Target(text, "–", "not measured")
    return Target(text, f"{measured.median * 1000:.1f} ms (fastest: {min(measured.wall) * 1000:.1f} ms)",
                  "pass" if measured.median < limit_seconds else "FAIL")


def _peak(text: str, measured: list[Measurement], limit_mb: float) -> Target:
    if not measured:
        return Target(text, "–", "not measured")
    worst = max(measured, key=lambda m: m.peak_mib)
    return Target(text, f"{worst.peak_mib:.0f} MB at most ({worst.command.label})",
                  "pass" if worst.peak_mib < limit_mb else "FAIL")

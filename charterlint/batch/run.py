"""A whole run's files: results from the cache where it has them, the rest linted in this
process or in worker processes; the report is the same, byte for byte, whichever it does."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from charterlint.batch.jobs import auto_jobs, usable_cores
from charterlint.batch.work import Outcome, Task, Work, crashed, lint_work, read_target, report
from charterlint.collector import collecting_cycles
from charterlint.engine.settings import LintSettings
from charterlint.model import FileResult, Report
from charterlint.source.discovery import Target

if TYPE_CHECKING:
    from charterlint.batch.cache import ResultCache



@dataclass(frozen=True, slots=True)
class Plan:
    """How a run lints its files (default: in this process, without the cache)."""

    jobs: int | None = 1  # None: by the number of files and cores (jobs.auto_jobs)
    cache: ResultCache | None = None
    slim: bool = False  # results without what no reporter of the run shows (batch.work.kept)
    # Lint settings built again, for worker processes that do not fork (spawn, forkserver).
    rebuild: Callable[[], LintSettings] | None = None


@dataclass(frozen=True, slots=True)
class Run:
    """A run's report, with what went wrong besides findings (for the command line to say)."""

    report: Report
    crashes: tuple[str, ...] = ()  # "path: why", one per file charterlint crashed on
    cache_problem: str = ""  # why results could not be cached, if they could not


def _lint_all(items: Sequence[Work], task: Task, plan: Plan) -> list[Outcome]:
    jobs = auto_jobs(len(items), usable_cores()) if plan.jobs is None else min(plan.jobs, len(items))
    if jobs <= 1:
        return [lint_work(work, task) for work in items]
    from charterlint.batch.parallel import lint_in_processes  # lazy: multiprocessing only when used

    return lint_in_processes(items, task, jobs, plan.rebuild)


def _from_cache(targets: Sequence[Target], task: Task) -> tuple[list[FileResult | None], list[tuple[int, Work]]]:
    """Results the cache has (None where it has none) and, for the other files, what to lint."""
    from charterlint.batch.cache import content_key  # lazy: hashlib only for runs with the cache

    assert task.cache is not None
    results: list[FileResult | None] = []
    pending: list[tuple[int, Work]] = []
    for index, target in enumerate(targets):
        content = read_target(target, task.settings)
        if isinstance(content, FileResult):
            results.append(content)
            continue
        key = content_key(content, task.settings.per_file_ignores.get(target.display, ()))
        found = task.cache.get(target.display, key, content, task.slim)
        results.append(found)
        if found is None:
            pending.append((index, Work(target, content, key)))
    return results, pending


def lint_run(targets: Sequence[Target], settings: LintSettings, plan: Plan = Plan()) -> Run:
    """Lint `targets` as `plan` says: from the cache where it can, in processes if it should."""
    task = Task(settings, plan.cache, plan.slim)
    with collecting_cycles():
        if task.cache is None:
            results: list[FileResult | None] = [None] * len(targets)
            pending = [(index, Work(target)) for index, target in enumerate(targets)]
        else:
            results, pending = _from_cache(targets, task)
        outcomes = _lint_all([work for _, work in pending], task, plan)
    crashes: list[str] = []
    for (index, work), outcome in zip(pending, outcomes):
        results[index] = outcome.result
        if outcome.result is None:
            crashes.append(f"{work.target.display}: {outcome.crash}")
            results[index] = crashed(work.target.display, outcome.crash, settings)
    problem = next((outcome.cache_problem for outcome in outcomes if outcome.cache_problem), "")
    files = tuple(result for result in results if result is not None)
    return Run(report(files, settings), tuple(crashes), problem)

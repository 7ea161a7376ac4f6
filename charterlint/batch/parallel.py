"""Lint files in worker processes (`--jobs N`); results come back in the order given.

Each worker makes its lint settings once, in the pool's initializer: where processes fork
(Linux) it inherits the parent's, rules and plugins included, at no cost; elsewhere
(forkserver, spawn) it builds them again with `rebuild`, which loads the configuration and
its plugins as the parent did. A file that makes a worker die (killed, out of memory) does
not hang the run: the files that were in the workers' hands are linted again one at a time,
each in a one-process pool, so the death names its file, and the rest in a new pool of `count`
processes (the run does not go on in one process).
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Any

from charterlint.batch.cache import ResultCache
from charterlint.batch.work import Outcome, Task, Work, lint_work
from charterlint.engine.settings import LintSettings
from charterlint.exits import STOP_SIGNALS, SignalsHeld, ignore_signals

DIED = "charterlint's worker process ended abruptly while linting it (killed, or out of memory)"

Payload = Task | Callable[[], Task]

# This worker process's settings, set once by `_start`: the one piece of per-process state a
# process pool needs (tasks carry only the file).
_WORKER: dict[str, Any] = {}


def start_method() -> str:
    """fork where it is safe and cheap (Linux), else forkserver, else spawn."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _start(payload: Payload) -> None:
    # The parent stops the run on a signal and kills its workers: a worker ignores Ctrl-C (sent to
    # the whole process group) and dies of SIGTERM, whatever handlers it inherited by forking.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # blocked by the parent while it forked (POSIX)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    try:
        _WORKER["task"] = payload if isinstance(payload, Task) else payload()
    except Exception as error:  # noqa: BLE001 - reported for every file this worker is given
        _WORKER["problem"] = f"charterlint's worker process could not start: {type(error).__name__}: {error}"


def _lint(work: Work) -> Outcome:
    task = _WORKER.get("task")
    if task is None:
        return Outcome(None, _WORKER.get("problem", "charterlint's worker process has no settings"))
    return lint_work(work, task)


def _lint_chunk(chunk: Sequence[Work]) -> list[Outcome]:
    return [_lint(work) for work in chunk]


def _rebuilt(rebuild: Callable[[], LintSettings], cache: ResultCache | None, slim: bool) -> Task:
    """The run's task, its settings built again in this process (it did not fork from the parent)."""
    return Task(rebuild(), cache, slim)


def _pool(count: int, payload: Payload, method: str) -> ProcessPoolExecutor:
    context = multiprocessing.get_context(method)
    return ProcessPoolExecutor(count, mp_context=context, initializer=_start, initargs=(payload,))


def _chunk(files: int, count: int) -> int:
    """Tasks of a few files: fewer round trips, and still work for every process to the end."""
    return max(1, min(32, files // (count * 8)))


def lint_in_processes(items: Sequence[Work], task: Task, count: int,
                      rebuild: Callable[[], LintSettings] | None = None, method: str | None = None) -> list[Outcome]:
    """Lint `items` in `count` processes; one Outcome per item, in order."""
    method = method or start_method()
    payload: Payload
    if method == "fork":
        payload = task
    elif rebuild is not None:
        payload = partial(_rebuilt, rebuild, task.cache, task.slim)
    else:  # nothing to build the settings from in a fresh process
        return [lint_work(work, task) for work in items]
    outcomes: list[Outcome | None] = [None] * len(items)
    pending = list(range(len(items)))
    while pending:
        suspects = _in_pool(items, pending, outcomes, count, payload, method)
        if suspects:  # a worker died on one of these: each alone, so the death names its file
            for index, outcome in zip(suspects, _one_at_a_time([items[i] for i in suspects], payload, method)):
                outcomes[index] = outcome
        pending = [index for index in pending if outcomes[index] is None]
    return [outcome for outcome in outcomes if outcome is not None]  # every one is set by now


def _in_pool(items: Sequence[Work], pending: list[int], outcomes: list[Outcome | None], count: int,
             payload: Payload, method: str) -> list[int]:
    """Lint `items[pending]` in a pool of `count` into `outcomes`; when a worker dies, the indexes
    of the files that were in the workers' hands (the others not done go to a new pool)."""
    pool = _pool(count, payload, method)
    try:
        size = _chunk(len(pending), count)
        groups = [pending[start:start + size] for start in range(0, len(pending), size)]
        # SIGINT and SIGTERM wait while the workers fork: raised in the fork handlers Python runs
        # (logging's among them), the signal's exception would be ignored and the run never stop
        with SignalsHeld():
            # submitted chunk by chunk, not with pool.map: its iterator cancels the futures left
            # when a signal stops the run, which races with the pool's own thread (a traceback)
            chunks = [pool.submit(_lint_chunk, [items[index] for index in group]) for group in groups]
        broken: list[list[int]] = []
        for group, chunk in zip(groups, chunks):
            try:
                for index, outcome in zip(group, chunk.result()):
                    outcomes[index] = outcome
            except BrokenProcessPool:
                broken.append(group)
    except BaseException:  # Ctrl-C, SIGTERM (exits.Interrupted): stop now, workers included
        _stop(pool)
        raise
    pool.shutdown(wait=True)
    # Chunks leave the pool's queue in order: one per worker running, and count + 1 queued.
    return [index for group in broken[:2 * count + 1] for index in group]


def _stop(pool: ProcessPoolExecutor) -> None:
    """Kill the workers (they may be deep in a file), without waiting: the pool, broken, lints
    nothing more. (Cancelling its futures too races with the pool's own thread, which then prints
    a traceback.)"""
    ignore_signals()
    children = multiprocessing.active_children()
    for child in children:
        child.kill()
    for child in children:  # reaped, not left as zombies: SIGKILL takes effect at once
        child.join(1)
    pool.shutdown(wait=False)


def _one_at_a_time(items: Sequence[Work], payload: Payload, method: str) -> list[Outcome]:
    """After a worker died: each file alone in a one-process pool, so a death names its file."""
    outcomes: list[Outcome] = []
    pool = _pool(1, payload, method)
    try:
        for work in items:
            try:
                with SignalsHeld():  # the worker forks here (see _in_pool)
                    future = pool.submit(_lint, work)
                outcomes.append(future.result())
            except BrokenProcessPool:
                outcomes.append(Outcome(None, DIED))
                pool.shutdown(wait=True)
                pool = _pool(1, payload, method)
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)
    return outcomes

"""Time commands side by side: every round runs each command once, in rotated order.

Rotating the order (round r starts with command r) spreads drift — thermal, cache, noisy
neighbours — over all commands instead of charging it to whichever runs last. Each command
also runs once untimed first, so the page cache and `__pycache__` are warm for everyone.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple


@dataclass(frozen=True, slots=True)
class Command:
    """One thing to time: its argv, how the docs show it, and the exit codes that mean it ran."""

    key: str
    label: str
    argv: tuple[str, ...]
    shown: str
    ok_codes: frozenset[int] = frozenset({0, 1})
    before: Callable[[], None] | None = None  # untimed, before every run (e.g. empty a cache)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A command that was not run, and why."""

    key: str
    label: str
    reason: str


@dataclass(slots=True)
class Measurement:
    """What the runs of one command took (seconds) and how they exited."""

    command: Command
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_kib: list[int] = field(default_factory=list)  # peak memory of the largest process (warm-up run)
    codes: list[int] = field(default_factory=list)
    last_line: str = ""  # last line of standard output of the warm-up run
    failure: str = ""  # standard error of a run whose exit code was unexpected

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)

    @property
    def peak_mib(self) -> float:
        return max(self.peak_kib) / 1024

    @property
    def ok(self) -> bool:
        return not self.failure and bool(self.wall)


class Run(NamedTuple):
    """One run of a command."""

    wall: float  # seconds
    cpu: float  # seconds, user + system, of the command and the processes it waited for
    peak_kib: int  # peak resident memory of the command or the largest process it waited for (0: not measured)
    code: int
    last_line: str  # of standard output, when captured
    stderr: str


# Runs the command and reports the peak resident memory of the processes it waited for. A child
# of the benchmark itself would not do: on Linux a process's peak survives fork and exec, so every
# command would show the benchmark's own memory (the corpora it holds); this small wrapper's
# children start from its few megabytes.
_PEAK_WRAPPER = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[1:])
sys.stderr.write("\\n@peak-kib %d\\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(code)
"""
_PEAK_MARK = "\n@peak-kib "


def run_once(command: Command, cwd: Path, env: Mapping[str, str], capture: bool = False,
             peak: bool = False) -> Run:
    """Run the command once: wall and CPU seconds, exit code, stdout tail, stderr; with `peak`,
    through a wrapper that measures its peak memory (untimed runs only: the wrapper's start-up
    would count in the time)."""
    if command.before is not None:
        command.before()
    argv = (sys.executable, "-c", _PEAK_WRAPPER, *command.argv) if peak else command.argv
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(  # noqa: S603 - our own argv, no shell
            argv, cwd=cwd, env=dict(env), stdin=subprocess.DEVNULL,
            stdout=out if capture else subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        lines = out.read().decode("utf-8", "replace").strip().splitlines() if capture else []
        stderr = err.read().decode("utf-8", "replace")
    peak_kib = 0
    if peak and _PEAK_MARK in stderr:
        stderr, _, mark = stderr.rpartition(_PEAK_MARK)
        peak_kib = int(mark.split()[0])
        if sys.platform == "darwin":  # ru_maxrss is in bytes on macOS, KiB on Linux
            peak_kib //= 1024
    return Run(wall, usage.ru_utime + usage.ru_stime, peak_kib, process.returncode, lines[-1] if lines else "", stderr)


def _record(measurement: Measurement, run: Run, timed: bool) -> None:
    # Python exits 1 on an uncaught exception, which is also "findings": tell them apart by stderr.
    crashed = run.code not in measurement.command.ok_codes or "Traceback (most recent call last)" in run.stderr
    if crashed and not measurement.failure:
        measurement.failure = f"exit {run.code}: {run.stderr.strip()[-600:]}"
    if timed:
        measurement.wall.append(run.wall)
        measurement.cpu.append(run.cpu)
        measurement.codes.append(run.code)
    else:
        measurement.peak_kib.append(run.peak_kib)
        measurement.last_line = run.last_line or measurement.last_line


def measure(commands: Sequence[Command], rounds: int, cwd: Path, env: Mapping[str, str],
            progress: Callable[[str], None] = lambda message: None) -> list[Measurement]:
    """One untimed warm-up run each (measuring peak memory), then `rounds` rounds in rotated order."""
    measurements = [Measurement(command) for command in commands]
    for measurement in measurements:
        _record(measurement, run_once(measurement.command, cwd, env, capture=True, peak=True), timed=False)
    active = [m for m in measurements if not m.failure]
    for number in range(rounds):
        shift = number % len(active) if active else 0
        for measurement in active[shift:] + active[:shift]:
            _record(measurement, run_once(measurement.command, cwd, env), timed=True)
        progress(f"round {number + 1}/{rounds}: " + ", ".join(f"{m.command.key} {m.wall[-1]:.2f}s" for m in active))
    return measurements


def subprocess_env() -> dict[str, str]:
    """The environment for every command: ours, minus what would change the output format."""
    env = dict(os.environ)
    env.pop("GITHUB_ACTIONS", None)  # charterlint's `auto` format adds annotations there
    env.pop("FORCE_COLOR", None)
    # Installed packages come with compiled bytecode; an editable checkout gets it on the warm-up
    # run. Without this, a checkout would recompile every module on every timed run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env

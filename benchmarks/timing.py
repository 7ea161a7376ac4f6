"""Time commands side by side: every round runs each command once, in rotated order.

Rotating the order (round r starts with command r) spreads drift — thermal, cache, noisy
neighbours — over all commands instead of charging it to whichever runs last. Each command
also runs once untimed first, so the page cache and `__pycache__` are warm for everyone.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path


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
    def ok(self) -> bool:
        return not self.failure and bool(self.wall)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(command: Command, cwd: Path, env: Mapping[str, str], capture: bool = False) -> tuple[float, float, int, str, str]:
    """Run the command once: wall seconds, CPU seconds (user + system), exit code, stdout tail, stderr."""
    if command.before is not None:
        command.before()
    cpu_before = _children_cpu()
    start = time.perf_counter()
    completed = subprocess.run(  # noqa: S603 - our own argv, no shell
        command.argv, cwd=cwd, env=dict(env), stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL, stderr=subprocess.PIPE, check=False,
    )
    wall = time.perf_counter() - start
    cpu = _children_cpu() - cpu_before
    out = completed.stdout.decode("utf-8", "replace").strip().splitlines() if capture else []
    return wall, cpu, completed.returncode, out[-1] if out else "", completed.stderr.decode("utf-8", "replace")


def _record(measurement: Measurement, result: tuple[float, float, int, str, str], timed: bool) -> None:
    wall, cpu, code, last_line, stderr = result
    # Python exits 1 on an uncaught exception, which is also "findings": tell them apart by stderr.
    crashed = code not in measurement.command.ok_codes or "Traceback (most recent call last)" in stderr
    if crashed and not measurement.failure:
        measurement.failure = f"exit {code}: {stderr.strip()[-600:]}"
    if timed:
        measurement.wall.append(wall)
        measurement.cpu.append(cpu)
        measurement.codes.append(code)
    elif last_line:
        measurement.last_line = last_line


def measure(commands: Sequence[Command], rounds: int, cwd: Path, env: Mapping[str, str],
            progress: Callable[[str], None] = lambda message: None) -> list[Measurement]:
    """One untimed warm-up run each, then `rounds` rounds in rotated order."""
    measurements = [Measurement(command) for command in commands]
    for measurement in measurements:
        _record(measurement, run_once(measurement.command, cwd, env, capture=True), timed=False)
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

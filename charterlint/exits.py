"""Exit codes of every command (0 clean, 1 findings, 2 a usage error or a fault in charterlint's
own input), and how the `charterlint` process ends."""

from __future__ import annotations

import atexit
import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:  # `--version` imports this module: it must not pay for the model's import
    import signal as _signal
    from types import FrameType

    from charterlint.model import Finding, Severity
else:  # the C module `signal` wraps, loaded with the interpreter: `signal` itself would cost a module
    import _signal

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
STOP_SIGNALS = (_signal.SIGINT, _signal.SIGTERM)


class Interrupted(BaseException):
    """A signal (SIGINT, SIGTERM) stopped the run: it ends with exit 128 + the signal's number
    (130, 143), as a shell reports a process a signal ended, and writes no report."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.code = 128 + signum


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise Interrupted(signum)


def ignore_signals() -> None:
    """While stopping (workers killed, files removed): a second Ctrl-C must not interrupt it. Not
    done in the handler: an exception raised where Python ignores it (a finalizer) would leave the
    run with no way to stop."""
    for stop in STOP_SIGNALS:
        _signal.signal(stop, _signal.SIG_IGN)


class SignalsHeld:
    """`with SignalsHeld():` SIGINT and SIGTERM wait until the block ends (then stop the run as
    usual): for work that must be done whole, such as writing the set of reports."""

    def __enter__(self) -> None:
        if hasattr(_signal, "pthread_sigmask"):  # POSIX; elsewhere a signal is not held back
            _signal.pthread_sigmask(_signal.SIG_BLOCK, STOP_SIGNALS)

    def __exit__(self, *exc: object) -> None:
        if hasattr(_signal, "pthread_sigmask"):
            _signal.pthread_sigmask(_signal.SIG_UNBLOCK, STOP_SIGNALS)


def stop_on_signals() -> None:
    """SIGINT and SIGTERM raise Interrupted in the main thread (the console entry point's choice:
    `main()` leaves an embedding program's handlers alone)."""
    for stop in STOP_SIGNALS:
        _signal.signal(stop, _interrupt)


def leave(code: int) -> NoReturn:
    """End the process with `code`, without tearing the interpreter down.

    When a run returns it has written and closed its files; what is left is freeing every
    object it made, which costs a one-file run (the pre-commit case) about a tenth of its time.
    So, as mypy's fast exit does: flush the standard streams, run the atexit handlers (a plugin
    may rely on them), and end with os._exit. Only the console entry points call this; `main()`
    itself returns, for callers that embed charterlint. A run a signal stopped (Interrupted) skips
    the atexit handlers: multiprocessing's would wait on the queues of the workers it killed.
    """
    if code < 128:
        atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed stream or a reader gone (`| head`): nothing to keep
            pass
    os._exit(code)


def exit_code(findings: Iterable[Finding], fail_on: Severity, exit_zero: bool) -> int:
    """1 when a finding that counts (not suppressed) is at or above `fail_on`, unless `exit_zero`."""
    failing = any(f.severity >= fail_on for f in findings if f.suppression is None)
    return EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN

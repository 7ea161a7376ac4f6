"""The `charterlint` command's entry point: `--version` is answered before click is imported.

`charterlint --version` is what scripts and editors run to find charterlint; it needs nothing
but the version, so it does not pay for the command line's imports (click alone costs more than
the rest of start-up). Every other command goes to cli.app.
"""

from __future__ import annotations

import sys

from charterlint import __version__
from charterlint.exits import EXIT_CLEAN, leave

VERSION_FLAGS = ("--version", "-V")


def console() -> None:
    """The `charterlint` command (and `python -m charterlint`)."""
    if len(sys.argv) == 2 and sys.argv[1] in VERSION_FLAGS:
        sys.stdout.write(f"charterlint {__version__}\n")  # as click's version option writes it
        leave(EXIT_CLEAN)
    from charterlint.cli.app import console as run  # lazy: every other command needs click

    run()

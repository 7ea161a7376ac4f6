"""`python -m charterlint`."""

import os
import sys

# `python -m` puts the current directory first on sys.path: a repository's `evil-1.0.dist-info/`
# there would register a `charterlint.rules` entry point, and its modules would shadow installed
# ones. charterlint is already imported (from where it is installed), so the entry is dropped
# before anything else is imported (docs/security.md).
if sys.path and not getattr(sys.flags, "safe_path", False) and os.path.abspath(sys.path[0] or ".") == os.getcwd():
    del sys.path[0]

from charterlint.cli.entry import console  # noqa: E402 - after sys.path is made safe

if __name__ == "__main__":  # not when a spawned worker process imports the main module
    console()

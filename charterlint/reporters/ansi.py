"""Terminal colour for text-like reports: ANSI SGR sequences, as click.style writes them.

The reporters make their text themselves (click stays in the command line, which decides
whether the terminal takes colour); the sequences are click's, so output is unchanged.
"""

from __future__ import annotations

_COLORS = {"black": 30, "red": 31, "green": 32, "yellow": 33, "blue": 34, "magenta": 35, "cyan": 36, "white": 37}
_RESET = "\033[0m"


def style(text: str, fg: str | None = None, bold: bool = False, dim: bool = False) -> str:
    """`text` in colour `fg`, bold and/or dim, then every attribute reset."""
    codes = ([f"\033[{_COLORS[fg]}m"] if fg else []) + (["\033[1m"] if bold else []) + (["\033[2m"] if dim else [])
    return "".join(codes) + text + _RESET

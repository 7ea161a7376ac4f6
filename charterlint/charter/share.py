"""Shares of contacts (`80%`, `99.5%`) as numbers: what a commitment's `target` promises.

The schema checks the form (0% to 100%); this turns a valid share into a percentage, so the
wording of a commitment and the tests that read it back agree on one reading.
"""

from __future__ import annotations

import re

_SHARE = re.compile(r"^(?P<number>\d+(?:\.\d+)?)%$")


def parse_share(text: object) -> float | None:
    """The percentage a share denotes (`"80%"` -> 80.0), or None when it is not one."""
    if not isinstance(text, str):
        return None
    match = _SHARE.match(text.strip())
    if match is None:
        return None
    value = float(match["number"])
    return value if 0 <= value <= 100 else None


def share_words(share: float) -> str:
    """A percentage as a page says it: `80%`, `99.5%` (no trailing `.0`)."""
    return f"{share:g}%"

"""When Python's cyclic garbage collector runs.

The command starts with the collector off: start-up (imports, rules, schema) makes many objects
that live to the end and almost no garbage. The phases that do make cyclic garbage (the lint
loop; writing reports, where every pure-Python JSON encoding leaves a cycle of closures behind)
collect it, rarely, and never among the objects made before them.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Results pile up in these phases, and the default threshold would scan them again and again.
_PHASE_THRESHOLD = 50_000


@contextmanager
def collecting_cycles() -> Iterator[None]:
    """Collect cycles within the block (objects made before it are frozen out), then restore."""
    enabled, threshold = gc.isenabled(), gc.get_threshold()
    gc.freeze()
    gc.set_threshold(_PHASE_THRESHOLD, *threshold[1:])
    gc.enable()
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()
        if not enabled:
            gc.disable()

"""What every check is: a pure function of a document and its Context, giving problems."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from charterlint.source.document import Document, Problem


@dataclass(frozen=True, slots=True)
class Context:
    """What a check may know besides the document: the date and its options."""

    today: dt.date
    options: Mapping[str, Any] = field(default_factory=dict)


Check = Callable[[Document, Context], Iterable[Problem]]

"""Thousands of `disable-next-line` comments cost work linear in their number (issue 14, item 9).

Each finding was once compared with every directive of its file (5,000 comments: 10.8 s); the
time itself is measured by the benchmark's "One large charter" table, this counts the work.
"""

from __future__ import annotations

import pytest

from charterlint.engine.directives import Entry
from tests.helpers import CHARTER_HEAD, REVIEW, lint_text


def _suppressed_channels(count: int) -> str:
    channels = "".join(f"  # charterlint: disable-next-line CH101 -- counted\n"
                       f"  - id: phone-{index}\n    type: phone\n    hours: always\n" for index in range(count))
    return CHARTER_HEAD + "channels:\n" + channels + REVIEW


def test_each_finding_is_compared_with_the_directives_near_it_only(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    covers = Entry.covers

    def counted(self: Entry, start: object) -> bool:
        nonlocal calls
        calls += 1
        return covers(self, start)  # type: ignore[arg-type]

    monkeypatch.setattr(Entry, "covers", counted)
    result = lint_text(_suppressed_channels(400), ["CH101"])
    suppressed = [f for f in result.findings if f.code == "CH101" and f.suppression is not None]
    assert len(suppressed) == 400
    assert calls <= 2 * 400, calls  # was 400 * 401 / 2

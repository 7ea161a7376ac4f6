"""JSON written in pieces is byte for byte what json.dumps writes (issue 14, item 14: streamed reports)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from charterlint.reporters.json_stream import Lazy, document


def _materialized(value: Any) -> Any:
    if isinstance(value, Lazy):
        return [_materialized(item) for item in value.items()]
    if isinstance(value, dict):
        return {key: _materialized(part) for key, part in value.items()}
    return value


CASES = [
    {},
    {"b": 1, "a": [1, 2, {"z": None, "y": "é\n\u202e"}], "c": {}},
    {"findings": Lazy(lambda: [])},
    {"findings": Lazy(lambda: iter([{"code": "CH101", "start": {"line": 2}}, 3, "x", [], {}]))},
    {"runs": Lazy(lambda: [{"results": Lazy(lambda: ({"n": n} for n in range(3))), "tool": {"name": "t"}}]),
     "version": "2.1.0"},
]


@pytest.mark.parametrize("value", CASES)
def test_pieces_join_to_what_json_dumps_writes(value: Any) -> None:
    expected = json.dumps(_materialized(value), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert "".join(document(value)) == expected


def test_lazy_items_are_made_one_at_a_time_as_written() -> None:
    made: list[int] = []

    def items() -> Any:
        for number in range(3):
            made.append(number)
            yield {"n": number}

    pieces = document({"findings": Lazy(items)})
    written = [next(pieces) for _ in range(2)]  # the key, then the first item
    assert made == [0] and written[1] == '[\n    {\n      "n": 0\n    }'

"""JSON pointers: spelling (RFC 6901 escapes), splitting and following them through data."""

from __future__ import annotations

import pytest

from charterlint.source.pointer import child, escape, join, keys, pointers, resolve, tokens, unescape

DATA = {"channels": [{"id": "email", "a/b": {"~x": 1}}], "review": None}


@pytest.mark.parametrize(("key", "token"), [("a/b", "a~1b"), ("~x", "~0x"), ("~1", "~01"), ("plain", "plain")])
def test_escape_and_unescape_are_inverse(key: str, token: str) -> None:
    assert escape(key) == token
    assert unescape(token) == key


def test_join_escapes_keys_and_writes_indexes() -> None:
    assert join("/channels", 0, "a/b") == "/channels/0/a~1b"
    assert join("") == ""


def test_tokens_stay_escaped_and_keys_do_not() -> None:
    assert tokens("/channels/0/a~1b") == ["channels", "0", "a~1b"]
    assert keys("/channels/0/a~1b") == ["channels", "0", "a/b"]
    assert tokens("") == keys("") == []


def test_child_steps_into_mappings_and_lists_only() -> None:
    assert child(DATA, "review") == (True, None)  # present, with an empty value
    assert child(DATA, "nothing") == (False, None)
    assert child(DATA["channels"], "0") == (True, DATA["channels"][0])
    assert child(DATA["channels"], "1") == (False, None)
    assert child(DATA["channels"], "x") == (False, None)
    assert child("text", "0") == (False, None)


def test_resolve_follows_escaped_tokens_and_gives_none_for_what_is_missing() -> None:
    assert resolve(DATA, "/channels/0/a~1b/~0x") == 1
    assert resolve(DATA, "") is DATA
    assert resolve(DATA, "/channels/3/id") is None
    assert resolve(DATA, "/review/when") is None


def test_pointers_lists_every_node_depth_first() -> None:
    assert list(pointers(DATA)) == ["", "/channels", "/channels/0", "/channels/0/id", "/channels/0/a~1b",
                                    "/channels/0/a~1b/~0x", "/review"]

"""One walk of commitment variants, and one shape for a channel's and a standard's commitments."""

from __future__ import annotations

import pytest

from charterlint.charter.views import (
    Commitment,
    channels,
    commitment_entries,
    commitment_variants,
    limits,
    standards,
)

VARIANTS = [
    {"when": "with an appointment", "within": "10 minutes"},
    "not a commitment",
    {"when": "without one", "within": "30 minutes"},
]
DATA = {
    "channels": [{"id": "desk", "type": "in_person", "commitments": {"answer": VARIANTS}}],
    "standards": [{"id": "written", "channels": ["desk", "desk"],
                   "commitments": {"respond": {"within": "10 working days"}, "acknowledge": {"within": "2 days"}}}],
}


def test_a_commitment_is_itself_and_a_list_gives_each_variant_at_its_own_pointer() -> None:
    assert list(commitment_variants("/a", {"within": "1 hour"})) == [("/a", {"within": "1 hour"})]
    assert [pointer for pointer, _ in commitment_variants("/a", VARIANTS)] == ["/a/0", "/a/2"]
    assert list(commitment_variants("/a", "text")) == []


def test_entries_follow_the_event_order_and_limits_read_every_variant() -> None:
    events = DATA["standards"][0]["commitments"]
    assert [event for _, event, _ in commitment_entries("/c", events)] == ["acknowledge", "respond"]
    assert [d.text for d in limits(VARIANTS)] == ["10 minutes", "30 minutes"]
    assert limits({"text": "as soon as possible"}) == []


def test_a_channel_and_a_standard_give_their_commitments_in_the_same_shapes() -> None:
    [desk], [written] = channels(DATA), standards(DATA)
    assert desk.commitments == {"answer": VARIANTS}
    assert written.commitments == DATA["standards"][0]["commitments"]
    assert desk.promises() == (
        Commitment("/channels/0/commitments/answer/0", "answer", VARIANTS[0], ("desk",)),
        Commitment("/channels/0/commitments/answer/2", "answer", VARIANTS[2], ("desk",)),
    )
    assert [(c.pointer, c.channels, c.standard) for c in written.promises()] == [
        ("/standards/0/commitments/acknowledge", ("desk",), "written"),
        ("/standards/0/commitments/respond", ("desk",), "written"),
    ]


def test_calling_a_standard_s_commitments_still_works_but_is_deprecated() -> None:
    [written] = standards(DATA)
    with pytest.deprecated_call():
        assert tuple(written.commitments()) == written.promises()

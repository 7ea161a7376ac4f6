"""CH114 key-commitment-missing: the essential commitment of each channel type."""

from __future__ import annotations

import pytest

from tests.helpers import CHARTER_HEAD, REVIEW, findings

HEAD = CHARTER_HEAD + "channels:\n"  # the first channel starts on line 8, its commitments on line 11


def channel(kind: str, commitments: str, name: str = "c") -> str:
    return f"  - id: {name}\n    type: {kind}\n    hours: always\n    commitments:\n{commitments}"


def ch114(*channels: str, **kwargs: object) -> list[tuple[str, int, int, str]]:
    return findings(HEAD + "".join(channels) + REVIEW, ["CH114"], **kwargs)


NO_ANSWER = 'channel "c" promises {} but no answer time: say how quickly a person picks up (add commitments.answer)'
UNRESOLVED_CALLS = ('channel "c" promises an answer time but nothing for calls not resolved on the call '
                    "(add commitments.respond or commitments.resolve: when the caller hears back)")
NO_ACKNOWLEDGEMENT = ('channel "c" promises a reply within "{}" but no acknowledgement: customers wait that long '
                      "not knowing their message arrived (add commitments.acknowledge)")


def test_phone_with_only_a_call_back_time_needs_an_answer_time() -> None:
    # a small telecom: "if we cannot take your call we will call you back within 4 hours"
    assert ch114(channel("phone", "      respond: {within: 4 hours}\n")) == [
        ("CH114", 11, 5, NO_ANSWER.format("respond")),
    ]


@pytest.mark.parametrize("kind", ["video", "in_person"])
def test_video_and_in_person_need_an_answer_time(kind: str) -> None:
    assert ch114(channel(kind, "      respond: {within: 1 hour}\n      resolve: {within: 5 working days}\n")) == [
        ("CH114", 11, 5, NO_ANSWER.format("respond, resolve")),
    ]


def test_phone_with_an_answer_time_needs_a_promise_for_unresolved_calls() -> None:
    assert ch114(channel("phone", "      answer: {within: 30 seconds}\n")) == [("CH114", 11, 5, UNRESOLVED_CALLS)]
    resolved = "      answer: {within: 30 seconds}\n      resolve: {within: 5 working days}\n"
    assert ch114(channel("phone", resolved)) == []
    assert ch114(channel("video", "      answer: {within: 30 seconds}\n")) == []


def test_a_first_contact_rate_is_no_promise_for_unresolved_calls() -> None:
    # a housing association: "answer within 40 seconds; deal with 78% of calls at the first point
    # of contact": the other 22% of callers are told nothing of when they hear back
    rate = "      answer: {within: 40 seconds}\n      resolve: {target: 78%, at: first_contact}\n"
    assert ch114(channel("phone", rate)) == [("CH114", 11, 5, UNRESOLVED_CALLS)]
    called_back = rate + "      respond: {within: 2 working days}\n"
    assert ch114(channel("phone", called_back)) == []


@pytest.mark.parametrize("within", ["20 working days", "11 working days", "15 calendar days", "3 weeks", "1 month"])
def test_a_slow_written_reply_needs_an_acknowledgement(within: str) -> None:
    # a district council: "we reply to emails within 20 working days"
    assert ch114(channel("email", f"      respond: {{within: {within}}}\n")) == [
        ("CH114", 11, 5, NO_ACKNOWLEDGEMENT.format(within)),
    ]


@pytest.mark.parametrize("within", ["10 working days", "14 calendar days", "2 weeks", "48 hours", "next working day",
                                    "20 days", "30 business hours"])
def test_a_quick_or_incomparable_written_reply_needs_no_acknowledgement(within: str) -> None:
    assert ch114(channel("post", f"      respond: {{within: {within}}}\n")) == []


def test_an_acknowledgement_satisfies_the_slow_written_reply() -> None:
    commitments = "      acknowledge: {within: 2 working days}\n      respond: {within: 20 working days}\n"
    assert ch114(channel("web_form", commitments)) == []


def test_the_threshold_is_an_option() -> None:
    commitments = "      respond: {within: 3 working days}\n"
    assert ch114(channel("email", commitments), options={"CH114": {"acknowledge-beyond": "2 working days"}}) == [
        ("CH114", 11, 5, NO_ACKNOWLEDGEMENT.format("3 working days")),
    ]


def test_a_written_channel_resolved_within_a_limit_is_answered_by_then() -> None:
    # an Australian council (tenth batch): letters "acknowledged and resolved within 10 business
    # days", no respond: the resolution answers the writer, no reply time is missing
    letters = "      acknowledge: {within: 10 business days}\n      resolve: {within: 10 business days}\n"
    assert ch114(channel("post", letters)) == []
    assert ch114(channel("sms", "      resolve: {within: 5 working days}\n")) == []


def test_a_written_channel_with_only_a_first_contact_rate_or_an_untimed_resolve_needs_a_reply_time() -> None:
    no_reply = 'channel "c" promises no reply time (add commitments.respond: how quickly a person replies)'
    for resolve in ("{target: 70%, at: first_contact}", "{text: We try to resolve it quickly.}"):
        assert ch114(channel("email", f"      resolve: {resolve}\n")) == [("CH114", 11, 5, no_reply)]


def test_a_slow_resolution_standing_for_the_reply_still_needs_an_acknowledgement() -> None:
    assert ch114(channel("email", "      resolve: {within: 20 working days}\n")) == [
        ("CH114", 11, 5, NO_ACKNOWLEDGEMENT.format("20 working days")),
    ]


@pytest.mark.parametrize(("kind", "commitments"), [
    ("email", "      acknowledge: {within: 1 hour}\n"),  # CH306
    ("phone", "      acknowledge: {within: 1 hour}\n"),  # CH306
    ("email", "      {}\n"),  # CH101
    ("live_chat", "      respond: {within: 2 minutes}\n"),
    ("live_chat", "      answer: {within: 2 minutes}\n"),
    ("app", "      resolve: {within: 5 working days}\n"),
    ("portal", "      resolve: {within: 5 working days}\n"),
])
def test_channels_left_to_other_rules_or_with_no_essential_commitment_pass(kind: str, commitments: str) -> None:
    assert ch114(channel(kind, commitments)) == []


def test_live_chat_with_only_a_resolution_time_needs_a_first_reply() -> None:
    assert ch114(channel("live_chat", "      resolve: {within: 1 working day}\n")) == [
        ("CH114", 11, 5, 'channel "c" promises no first reply (add commitments.answer or commitments.respond: '
                         "how quickly a person joins the chat)"),
    ]


def test_promises_made_once_for_several_channels_count_for_each() -> None:
    # issue 15 §3.3: "if you call, write or email we will settle it within ..." (format's `standards`)
    phone = ("  - id: phone\n    type: phone\n    hours: always\n"
             "    commitments:\n      answer: {within: 60 seconds}\n")
    alone = findings(HEAD + phone + REVIEW, ["CH114"])
    assert [code for code, *_ in alone] == ["CH114"]
    shared = ("standards:\n  - id: settled\n    channels: [phone, email]\n"
              "    commitments:\n      resolve: {within: 5 working days}\n")
    assert findings(HEAD + phone + shared + REVIEW, ["CH114"]) == []


def _standard(channels: str, commitments: str, name: str = "shared") -> str:
    return f"standards:\n  - id: {name}\n    channels: [{channels}]\n    commitments:\n{commitments}"


def _bare(name: str, kind: str) -> str:
    return f"  - id: {name}\n    type: {kind}\n    hours: always\n"


def test_a_slow_reply_promised_in_a_standard_needs_an_acknowledgement_once_at_the_standard() -> None:
    # a food regulator: "we aim to send a full reply to your letter, fax or email within 20 working days"
    written = _bare("email", "email") + _bare("post", "post") + _bare("fax", "fax")
    shared = _standard("email, post, fax", "      respond: {within: 20 working days}\n", "written")
    assert ch114(written + shared) == [
        ("CH114", 20, 5, 'standard "written" promises "email", "post", "fax" a reply within "20 working days" but no '
                         "acknowledgement: customers wait that long not knowing their message arrived "
                         "(add commitments.acknowledge)"),
    ]
    acknowledged = _standard("email, post, fax", "      acknowledge: {within: 3 working days}\n"
                                                 "      respond: {within: 20 working days}\n", "written")
    assert ch114(written + acknowledged) == []


def test_a_standard_names_only_the_channels_that_acknowledge_nothing() -> None:
    # a national park authority: emails acknowledged within 24 hours; letters, faxes and emails
    # all answered within 15 working days
    email = "  - id: email\n    type: email\n    hours: always\n    commitments:\n      acknowledge: {within: 24 hours}\n"
    shared = _standard("email, post", "      respond: {within: 15 working days}\n", "written")
    assert [message for *_, message in ch114(email + _bare("post", "post") + shared)] == [
        'standard "written" promises "post" a reply within "15 working days" but no acknowledgement: customers '
        "wait that long not knowing their message arrived (add commitments.acknowledge)",
    ]


def test_a_visit_with_no_answer_time_beside_an_answered_call_in_one_standard() -> None:
    # a district council: calls answered within four rings; "if we cannot help you there and then
    # (on the phone or at the offices) we get the right person to contact you": visitors get no
    # waiting time
    phone = "  - id: phone\n    type: phone\n    hours: always\n    commitments:\n      answer: {within: 4 rings}\n"
    shared = _standard("phone, offices", "      respond: {text: We get the right person to contact you.}\n")
    assert ch114(phone + _bare("offices", "in_person") + shared) == [
        ("CH114", 13, 5, 'channel "offices" promises respond but no answer time: say how quickly a person picks up '
                         "(add commitments.answer)"),
    ]


@pytest.mark.parametrize(("channels", "commitments"), [
    # a building society's complaints "however they are made" resolved within 3 working days
    (_bare("phone", "phone") + _bare("post", "post") + _bare("branch", "in_person"),
     _standard("phone, post, branch", "      resolve: {within: 3 working days}\n")),
    # a fire service's 999 line: resources sent within 90 seconds
    (_bare("emergency", "phone"), _standard("emergency", "      respond: {within: 90 seconds}\n")),
    # letters answered within 10 working days: quick enough without an acknowledgement
    (_bare("post", "post"), _standard("post", "      respond: {within: 10 working days}\n")),
])
def test_a_standard_for_a_matter_on_every_channel_is_not_asked_for_each_channels_first_promise(
        channels: str, commitments: str) -> None:
    assert ch114(channels + commitments) == []


def test_a_channel_made_for_complaints_promises_the_complaint_timescale() -> None:
    # an energy broker's complaints page: "call us, the easiest way to complain: the member of staff
    # will try to resolve your complaint straight away", acknowledged in 5 days, answered in 8 weeks
    phone = ("  - id: phone\n    type: phone\n    name: Call us (the easiest way to complain)\n    hours: always\n"
             "    commitments:\n      resolve: {text: We will try to resolve your complaint straight away.}\n")
    feedback = "feedback:\n  channels: [phone]\n  acknowledge: {within: 5 working days}\n  respond: {within: 8 weeks}\n"
    text = HEAD + phone + feedback + REVIEW
    assert findings(text, ["CH114"]) == []
    # a line named for its service (an advice service's freephone) is still asked for an answer time
    advice = text.replace("Call us (the easiest way to complain)", "PALS freephone")
    assert [code for code, _, _, _ in findings(advice, ["CH114"])] == ["CH114"]
    # and so is one named for complaints when feedback gives no time limit
    untimed = text.replace("  acknowledge: {within: 5 working days}\n  respond: {within: 8 weeks}\n", "")
    assert [code for code, _, _, _ in findings(untimed, ["CH114"])] == ["CH114"]


@pytest.mark.parametrize(("answer", "reported"), [
    # a housing association and a telecom (thirteenth, fourteenth batches): the answer itself is
    # vague (CH301's); the after-call promise is not asked on top
    ("{text: We answer the telephone promptly and courteously.}", False),
    ("{text: We answer your call as quickly as we can.}", False),
    # an answer time or a rate: calls not settled on the call are still asked for
    ("{within: 60 seconds}", True),
    ("{within: 60 seconds, target: 80%}", True),
])
def test_the_after_call_promise_is_asked_only_of_a_timed_answer(answer: str, reported: bool) -> None:
    phone = f"  - id: phone\n    type: phone\n    hours: always\n    commitments:\n      answer: {answer}\n"
    assert [code for code, *_ in ch114(phone)] == (["CH114"] if reported else [])


ENQUIRIES = """\
standards:
  - id: enquiries
    matter: straightforward enquiries
    commitments:
      respond: {within: 3 working days, text: We reply to straightforward enquiries within 3 working days.}
"""


@pytest.mark.parametrize("matter", ["straightforward enquiries", "general inquiries", "your queries", "questions"])
def test_an_enquiries_standard_for_every_channel_covers_calls_not_settled_on_the_call(matter: str) -> None:
    # a Singapore regulator: phones answered in 30 seconds; a standard tied to no channel replies to
    # straightforward enquiries in 3 working days
    phone = channel("phone", "      answer: {within: 30 seconds}\n")
    assert ch114(phone + ENQUIRIES.replace("straightforward enquiries", matter)) == []


@pytest.mark.parametrize("matter", ["Freedom of Information requests", "online applications", "feedback given online"])
def test_a_standard_for_another_matter_does_not_cover_calls(matter: str) -> None:
    # a council's FOI and feedback standards, an admissions service's applications: not when the
    # caller hears back
    phone = channel("phone", "      answer: {within: 30 seconds}\n")
    other = ENQUIRIES.replace("id: enquiries", "id: other").replace("straightforward enquiries", matter)
    assert ch114(phone + other) == [("CH114", 11, 5, UNRESOLVED_CALLS)]
    # an enquiries standard that lists other channels covers those only
    listed = ENQUIRIES.replace("    matter:", "    channels: [email]\n    matter:")
    email = "  - id: email\n    type: email\n    hours: always\n"
    assert ch114(phone + email + listed) == [("CH114", 11, 5, UNRESOLVED_CALLS)]


# an Australian lender's complaints page: in-app messaging is the only way to complain, "where
# possible we will try to resolve your complaint on the spot", complaints acknowledged in one
# business day and resolved in five
IN_APP = ("  - id: c\n    type: messaging\n    name: In-app messaging\n    hours: always\n"
          "    commitments:\n      resolve: {text: Where possible we will try to resolve your complaint on the spot.}\n")
TIMESCALE = "feedback:\n  channels: [c]\n  acknowledge: {within: 1 business day}\n  respond: {within: 5 business days}\n"
NO_REPLY = 'channel "c" promises no reply time (add commitments.respond: how quickly a person replies)'


def test_a_written_channel_of_a_complaints_procedure_is_answered_to_its_timescale() -> None:
    assert findings(HEAD + IN_APP + TIMESCALE + REVIEW, ["CH114"]) == []
    # the same channel when the procedure gives no time: no timescale answers it
    untimed = TIMESCALE.replace("  acknowledge: {within: 1 business day}\n  respond: {within: 5 business days}\n", "")
    assert findings(HEAD + IN_APP + untimed + REVIEW, ["CH114"]) == [("CH114", 12, 5, NO_REPLY)]
    # not listed for complaints: its reply is its own
    unlisted = TIMESCALE.replace("[c]", "[]")
    assert findings(HEAD + IN_APP + unlisted + REVIEW, ["CH114"]) == [("CH114", 12, 5, NO_REPLY)]


def test_a_general_enquiries_email_listed_for_complaints_still_needs_a_reply_time() -> None:
    # a charter whose channels carry their own times (not a complaints procedure): an enquiries
    # email also listed for complaints still owes enquirers a reply time
    email = ("  - id: c\n    type: email\n    name: General enquiries\n    hours: always\n"
             "    commitments:\n      resolve: {text: We try to resolve your enquiry on the spot.}\n")
    phone = "  - id: phone\n    type: phone\n    hours: always\n    commitments:\n      answer: {within: 30 seconds}\n"
    respond = "      respond: {within: 2 working days}\n"
    text = HEAD + email + phone + respond + TIMESCALE + REVIEW
    assert findings(text, ["CH114"]) == [("CH114", 12, 5, NO_REPLY)]

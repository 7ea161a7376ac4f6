"""CH101-CH107 and CH110: edge cases beyond the documented examples."""

from __future__ import annotations

import pytest

from tests.helpers import CHARTER_HEAD, REVIEW, findings

# 12 lines (CHARTER_HEAD is six): the first channel starts on line 13.
HEAD = CHARTER_HEAD + """\
calendars:
  - id: office
    timezone: Europe/London
    open:
      mon-fri: "09:00-17:00"
channels:
"""
PHONE = """\
  - id: phone
    type: phone
    hours: always
    commitments:
      answer: {within: 60 seconds}
"""


def charter(channels: str, sections: str = "") -> str:
    return HEAD + channels + sections + REVIEW


# --- CH101 missing-channel-commitment -------------------------------------------------------

def test_empty_commitments_are_reported_at_the_commitments_key() -> None:
    text = charter(PHONE + "  - id: letters\n    type: post\n    hours: always\n    commitments: {}\n")
    assert findings(text, ["CH101"]) == [
        ("CH101", 21, 5, 'channel "letters" has no commitment (add commitments.respond: how quickly a person replies)'),
    ]


def test_phone_without_commitment_is_asked_for_an_answer_time() -> None:
    text = charter("  - id: phone\n    type: phone\n    hours: always\n")
    assert findings(text, ["CH101"]) == [
        ("CH101", 13, 5, 'channel "phone" has no commitment (add commitments.answer: how quickly a person answers)'),
    ]


def test_acknowledge_only_channel_is_left_to_ch306() -> None:
    text = charter("  - id: form\n    type: web_form\n    hours: always\n"
                   "    commitments:\n      acknowledge: {within: 15 minutes}\n")
    assert findings(text, ["CH101"]) == []


def test_chatbot_without_commitment_is_not_reported() -> None:
    text = charter(PHONE + "  - id: bot\n    type: chatbot\n    hours: always\n"
                   "    human_follow_up: {within: 1 hour, via: phone}\n")
    assert findings(text, ["CH101"]) == []


def test_json_channel_without_commitment_points_at_its_first_key() -> None:
    text = """{
  "charter_format": 1,
  "title": "Example",
  "organization": {"name": "Example Water"},
  "overview": {"mission": "Safe water."},
  "channels": [
    {"id": "post", "type": "post", "hours": "always"}
  ],
  "review": {"last_reviewed": "2025-06-01"}
}
"""
    assert findings(text, ["CH101"], filename="example.charter.json") == [
        ("CH101", 7, 6, 'channel "post" has no commitment (add commitments.respond: how quickly a person replies)'),
    ]


@pytest.mark.parametrize("name", ["Visits by appointment (arrange by phone)", "Office: appointments only",
                                  "Pre-arranged meetings at our offices"])
def test_an_office_met_only_by_appointment_owes_no_waiting_time(name: str) -> None:
    # an internet services company: visits by appointment only, arranged by phone
    office = f"  - id: office\n    type: in_person\n    name: \"{name}\"\n    hours: not_published\n"
    assert findings(charter(PHONE + office), ["CH101"]) == []
    # an office that also sees visitors without an appointment is asked for its waiting time
    walk_in = office.replace(f'{name}"', f'{name}; walk-ins welcome"')
    assert [f[:2] for f in findings(charter(PHONE + walk_in), ["CH101"])] == [("CH101", 18)]


# --- CH102 after-hours-without-follow-up ----------------------------------------------------

FORM = """\
  - id: form
    type: web_form
    hours: office
    commitments:
      respond: {within: 2 working days}
"""


def test_web_form_with_office_hours_and_no_reply_time_needs_a_follow_up() -> None:
    # a form whose only promise is how soon someone picks it up in office hours
    form = FORM.replace("      respond: {within: 2 working days}\n", "      answer: {within: 1 hour}\n")
    assert findings(charter(form), ["CH101", "CH102"]) == [
        ("CH102", 13, 5, 'channel "form" is open only on calendar "office" but has no human_follow_up: say when '
         "and how a person replies to messages sent out of hours "
         "(add commitments.respond, or human_follow_up.within and .via)"),
    ]


def test_a_written_channel_with_no_commitment_is_reported_once_by_ch101() -> None:
    # a business-support network's coordinator, reached by email in office hours, promises nothing:
    # CH101 asks for the reply time, which is also CH102's fix (one missing promise, one finding)
    form = FORM.replace("    commitments:\n      respond: {within: 2 working days}\n", "")
    assert findings(charter(form), ["CH101", "CH102"]) == [
        ("CH101", 13, 5, 'channel "form" has no commitment (add commitments.respond: how quickly a person replies)'),
    ]


def test_a_resolution_time_on_a_written_channel_says_when_a_person_answers() -> None:
    # an NHS advice service: "we aim to resolve your issue within three working days", by email or post
    form = FORM.replace("      respond: {within: 2 working days}\n", "      resolve: {within: 3 working days}\n")
    assert findings(charter(form), ["CH102"]) == []


def test_a_reply_time_on_a_written_channel_says_when_a_person_answers() -> None:
    # a council's "we reply to emails within 20 working days": a message sent at night is answered in that time
    email = ("  - id: email\n    type: email\n    hours: office\n    commitments:\n"
             "      respond: {within: 20 working days, text: We reply to emails within 20 working days.}\n")
    social = ("  - id: social\n    type: social_media\n    hours: office\n    commitments:\n"
               "      acknowledge: {within: 2 working days}\n")
    assert findings(charter(FORM + email + social), ["CH102"]) == []


def test_live_chat_with_a_reply_time_still_needs_a_follow_up() -> None:
    # a chat window that closes at 5pm: the reply time is for chats made while it is open
    chat = FORM.replace("id: form", "id: chat").replace("type: web_form", "type: live_chat")
    assert findings(charter(chat), ["CH102"]) == [
        ("CH102", 13, 5, 'channel "chat" is open only on calendar "office" but has no human_follow_up: say when '
         "and how a person replies to messages sent out of hours (add human_follow_up.within and .via)"),
    ]


def test_channel_open_always_needs_no_follow_up() -> None:
    assert findings(charter(FORM.replace("hours: office", "hours: always")), ["CH102"]) == []


def test_phone_and_chatbot_with_office_hours_are_not_asynchronous_first() -> None:
    text = charter(PHONE.replace("hours: always", "hours: office")
                   + "  - id: bot\n    type: chatbot\n    hours: office\n    handoff_to: phone\n")
    assert findings(text, ["CH102"]) == []


# --- CH103 chatbot-without-human-follow-up --------------------------------------------------

def test_chatbot_without_handoff_gets_no_handoff_hint() -> None:
    text = charter(PHONE + "  - id: bot\n    type: chatbot\n    hours: always\n")
    assert findings(text, ["CH103"]) == [
        ("CH103", 18, 5, 'chatbot "bot" has no human_follow_up: say when and how a person follows up a question '
         "it cannot answer (add human_follow_up.within and .via)"),
    ]


def test_chatbot_with_follow_up_by_the_same_channel_passes() -> None:
    text = charter(PHONE + "  - id: bot\n    type: chatbot\n    hours: always\n"
                   "    human_follow_up: {within: next working day, via: same channel}\n")
    assert findings(text, ["CH103"]) == []


# --- CH104 feedback-only-via-separate-channel / CH105 feedback-not-on-channel -------------------

POST = "  - id: post\n    type: post\n    hours: always\n"  # no commitment: not a service channel
EMAIL = """\
  - id: email
    type: email
    hours: always
    commitments:
      acknowledge: {within: 15 minutes}
"""


def test_feedback_without_channels_is_reported_at_the_feedback_key() -> None:
    text = charter(PHONE, "feedback:\n  respond: {within: 10 working days}\n")
    assert findings(text, ["CH104", "CH105"]) == [
        ("CH104", 18, 1, 'feedback lists no channels (add feedback.channels and list the service channels: "phone")'),
    ]


def test_empty_feedback_channels_are_reported_at_the_list() -> None:
    text = charter(PHONE, "feedback:\n  channels: []\n")
    assert findings(text, ["CH104", "CH105"]) == [
        ("CH104", 19, 13, 'feedback.channels is empty (list the service channels: "phone")'),
    ]


def test_several_channels_without_commitments_read_in_the_plural() -> None:
    text = charter(PHONE + POST + "  - id: forum\n    type: community_forum\n    hours: always\n",
                   "feedback:\n  channels: [post, forum]\n")
    assert findings(text, ["CH104"]) == [
        ("CH104", 25, 13, 'feedback is accepted only on "post", "forum", none of which makes a commitment: '
         'customers must switch to a separate channel to complain (list the service channels: "phone")'),
    ]


def test_feedback_on_channels_when_no_channel_promises_anything_is_left_to_ch101() -> None:
    # a South African bank (tenth batch): complaints at the branch or on the website, the resolution
    # centre's phone for the next stage, and no channel with a time: nobody leaves a promised channel
    # to complain, and CH101 reports each channel's missing promise
    branch = "  - id: branch\n    type: in_person\n    hours: always\n"
    centre = "  - id: centre\n    type: phone\n    hours: always\n"
    text = charter(branch + POST + centre, "feedback:\n  channels: [branch, post]\n")
    assert findings(text, ["CH104", "CH105"]) == []
    assert [code for code, *_ in findings(text, ["CH101"])] == ["CH101", "CH101", "CH101"]
    # no list of channels is still reported
    assert [code for code, *_ in findings(charter(branch, "feedback:\n  respond: {within: 5 days}\n"),
                                          ["CH104"])] == ["CH104"]


COMPLAINT_FORM = "  - id: complaint-form\n    type: web_form\n    name: Complaint form\n    hours: always\n"
ENQUIRY_FORM = ("  - id: enquiry-form\n    type: web_form\n    hours: always\n    commitments:\n"
                "      respond: {within: 7 business days}\n")
FORM_TIMESCALE = ("feedback:\n  channels: [complaint-form]\n  acknowledge: {within: 2 business days}\n"
                  "  respond: {within: 15 business days}\n")


def test_a_complaint_form_beside_the_enquiry_form_asks_no_switch() -> None:
    # a retailer (fourteenth batch): complaints on a complaint form beside the enquiry form on the same
    # page, answered to feedback's own timescale: no medium to switch, so neither CH104 nor CH105
    assert findings(charter(ENQUIRY_FORM + COMPLAINT_FORM, FORM_TIMESCALE), ["CH104", "CH105"]) == []


def test_a_complaint_form_only_still_asks_callers_to_switch() -> None:
    # a fire service (second batch): complaints only through its form, answered to feedback's
    # timescale; callers must switch, and the form is no channel without a commitment
    assert findings(charter(PHONE + COMPLAINT_FORM, FORM_TIMESCALE), ["CH104"]) == [
        ("CH104", 23, 13, 'feedback is accepted only on "complaint-form", kept for complaints: customers must '
         'switch to a separate channel to complain (list the service channels: "phone")'),
    ]


def test_a_handoff_target_without_commitments_is_a_service_channel() -> None:
    chat = "  - id: chat\n    type: live_chat\n    hours: always\n"
    bot = "  - id: bot\n    type: chatbot\n    hours: always\n    handoff_to: chat\n"
    text = charter(chat + bot, "feedback:\n  channels: [chat]\n")
    assert findings(text, ["CH104", "CH105"]) == []


def test_ch105_is_silent_where_ch104_applies_even_when_ch104_is_not_selected() -> None:
    text = charter(PHONE + EMAIL + POST, "feedback:\n  channels: [post]\n")
    assert findings(text, ["CH105"]) == []


def test_ch105_reports_each_missing_service_channel_including_acknowledge_only() -> None:
    text = charter(PHONE + EMAIL + POST, "feedback:\n  channels: [phone]\n")
    assert findings(text, ["CH104", "CH105"]) == [
        ("CH105", 18, 5, 'channel "email" does not accept feedback: its customers must switch channel to complain '
         '(add "email" to feedback.channels)'),
    ]


# --- CH106 escalation-requires-channel-switch -----------------------------------------------

def test_no_stages_is_left_to_ch403() -> None:
    assert findings(charter(PHONE + EMAIL, "escalation:\n  stages: []\n"), ["CH106"]) == []
    assert findings(charter(PHONE + EMAIL), ["CH106"]) == []


def test_a_channel_in_any_stage_is_covered() -> None:
    stages = ("escalation:\n  stages:\n    - name: Team leader\n      via: [phone]\n"
              "    - name: Manager\n      via: [email]\n")
    assert findings(charter(PHONE + EMAIL + POST, stages), ["CH106"]) == []


def test_an_internal_stage_without_via_asks_for_no_channel_switch() -> None:
    # a police commissioner's office: "a senior manager will review your complaint" names no channel
    text = charter(PHONE + EMAIL, "escalation:\n  stages:\n    - name: Review by a senior manager\n")
    assert findings(text, ["CH106"]) == []


def test_stages_without_via_do_not_count_but_a_stage_with_via_does() -> None:
    stages = ("escalation:\n  stages:\n    - name: Review by a senior manager\n"
              "    - name: Chief executive\n      via: [email]\n")
    assert findings(charter(PHONE + EMAIL, stages), ["CH106"]) == [
        ("CH106", 13, 5, 'channel "phone" is in no escalation stage: its customers must switch channel to escalate '
         '(add "phone" to the via of an escalation stage)'),
    ]


# --- CH107 clock-hours-on-limited-channel ---------------------------------------------------

def office_email(within: str) -> str:
    return charter(f"  - id: email\n    type: email\n    hours: office\n    commitments:\n"
                   f"      resolve:\n        within: {within}\n")


def test_range_in_hours_is_judged_by_its_upper_bound() -> None:
    assert findings(office_email("1-2 hours"), ["CH107"]) == [
        ("CH107", 18, 17, 'resolve within "1-2 hours" on channel "email" counts clock time, but the channel is open '
         'only on calendar "office": does the clock stop at closing time? (use "1-2 business hours")'),
    ]


def test_minutes_over_an_hour_are_reported_without_a_conversion() -> None:
    assert findings(office_email("90 minutes"), ["CH107"]) == [
        ("CH107", 18, 17, 'resolve within "90 minutes" on channel "email" counts clock time, but the channel is open '
         'only on calendar "office": does the clock stop at closing time? (use business hours)'),
    ]


def test_an_hour_or_less_and_other_units_pass() -> None:
    for within in ("60 minutes", "1 hour", "30-60 minutes", "2 working days", "2 calendar days", "3 business hours"):
        assert findings(office_email(within), ["CH107"]) == [], within


def test_channel_open_always_may_promise_clock_hours() -> None:
    text = office_email("4 hours").replace("hours: office", "hours: always")
    assert findings(text, ["CH107"]) == []


def test_human_follow_up_is_not_a_commitment() -> None:
    text = charter("  - id: email\n    type: email\n    hours: office\n    commitments:\n"
                   "      respond: {within: 30 minutes}\n    human_follow_up: {within: 12 hours, via: same channel}\n")
    assert findings(text, ["CH107"]) == []


# --- CH110 overview-without-channel-statement -----------------------------------------------

UNEQUAL = ('channels "email" and "social" promise to respond within "4 hours" and "2 hours", and the overview '
           "has no channel_statement: customers cannot tell whether the slower one is second-class (add "
           "overview.channel_statement: how customers are served on each channel)")
ONLINE = """\
  - id: email
    type: email
    hours: always
    commitments:
      respond: {within: 4 hours}
  - id: social
    type: social_media
    hours: always
    commitments:
      respond: {within: 2 hours}
"""


def test_interchangeable_channels_with_unequal_limits_need_a_channel_statement() -> None:
    # an admissions service: emails answered within four hours, social media within two
    text = "---\n" + charter(ONLINE) + "---\n# Our charter\n"
    assert findings(text, ["CH110"], filename="example.charter.md") == [("CH110", 6, 1, UNEQUAL)]


def test_a_channel_statement_answers_unequal_limits() -> None:
    text = charter(ONLINE).replace("  mission:", "  channel_statement: Social media is our fastest route.\n  mission:")
    assert findings(text, ["CH110"]) == []


def test_no_channel_statement_is_needed_where_promises_agree_or_channels_differ_in_kind() -> None:
    # published charters rarely carry a channel statement: its absence alone is no problem
    assert findings(charter(PHONE), ["CH110"]) == []
    same = ONLINE.replace("{within: 2 hours}", "{within: 4 hours}")
    assert findings(charter(same), ["CH110"]) == []
    # letters are slower than emails everywhere: a different service, not a second-class channel
    letters = ONLINE.replace("type: social_media", "type: post")
    assert findings(charter(letters), ["CH110"]) == []
    # limits in different units do not say which channel is slower
    rings = PHONE + ("  - id: video\n    type: video\n    hours: always\n"
                     "    commitments:\n      answer: {within: 5 rings}\n")
    assert findings(charter(rings), ["CH110"]) == []


# --- issue 15: a complaints procedure's channels carry its timescales ----------------------

COMPLAINTS = """\
feedback:
  channels: [phone, letters]
  acknowledge: {within: 5 working days}
  respond: {within: 8 weeks}
"""
CHANNELS_WITHOUT_PROMISES = """\
  - id: phone
    type: phone
    hours: office
  - id: letters
    type: post
    hours: office
"""


def test_the_channels_of_a_complaints_procedure_carry_its_timescales() -> None:
    # a retail bank's complaints page: complain by phone or post; acknowledged in 5 working days,
    # final response in 8 weeks; no channel promises anything of its own
    assert findings(charter(CHANNELS_WITHOUT_PROMISES, COMPLAINTS), ["CH101"]) == []


def test_a_channel_without_promises_beside_timed_channels_is_still_reported() -> None:
    channels = PHONE + CHANNELS_WITHOUT_PROMISES.replace("id: phone", "id: line")
    assert findings(charter(channels, COMPLAINTS), ["CH101"]) == [
        ("CH101", 18, 5, 'channel "line" has no commitment (add commitments.answer: how quickly a person answers)'),
        ("CH101", 21, 5, 'channel "letters" has no commitment (add commitments.respond: how quickly a person replies)'),
    ]


def test_the_channels_of_a_complaints_procedure_accept_its_complaints() -> None:
    # a credit union's complaints page: complain face to face, by phone or in writing; contacted
    # within 5 working days; no channel promises anything of its own, so no channel is a service
    # channel in CH104's sense, yet the listed channels are where the complaint promise is made
    assert findings(charter(CHANNELS_WITHOUT_PROMISES, COMPLAINTS), ["CH104", "CH105"]) == []


NAMED_FORM = """\
  - id: form
    type: web_form
    name: {}
    hours: always
"""
NAMED_FORM_FEEDBACK = """\
feedback:
  channels: [form]
  acknowledge: {within: 2 working days}
  respond: {within: 20 working days}
"""


def test_a_channel_made_for_feedback_carries_the_feedback_timescales_beside_timed_channels() -> None:
    # a fire service: reception answers within 15 seconds; the "comments, compliments and
    # complaints form" makes no promise of its own, its promise is the complaint timescale
    # (acknowledged in 2 working days, answered in 20)
    for name in ("Comments, Compliments and Complaints form", "Complaint form", "Customer feedback"):
        assert findings(charter(PHONE + NAMED_FORM.format(name), NAMED_FORM_FEEDBACK), ["CH101"]) == []
    assert findings(charter(PHONE + NAMED_FORM.format("Form").replace("id: form", "id: complaints-form"),
                            NAMED_FORM_FEEDBACK.replace("[form]", "[complaints-form]")), ["CH101"]) == []


def test_a_channel_named_for_feedback_still_needs_a_promise_when_feedback_gives_no_time_or_lists_it_not() -> None:
    unlisted = NAMED_FORM_FEEDBACK.replace("[form]", "[phone]")
    untimed = "feedback:\n  channels: [form]\n"
    general = NAMED_FORM_FEEDBACK  # listed and timed, but a general enquiry form is not made for feedback
    expected = [("CH101", 18, 5, 'channel "form" has no commitment (add commitments.respond: how quickly a person replies)')]
    assert findings(charter(PHONE + NAMED_FORM.format("Complaints form"), unlisted), ["CH101"]) == expected
    assert findings(charter(PHONE + NAMED_FORM.format("Complaints form"), untimed), ["CH101"]) == expected
    assert findings(charter(PHONE + NAMED_FORM.format("Enquiry form"), general), ["CH101"]) == expected


# --- complaint channels and emergency lines (the fourth and fifth held-out batches) ----------

# A GP practice: phone, reception and a Contact Us form, none with a promise of its own; complaints
# are "dealt with in a professional and efficient manner" (a promise in words only).
SURGERY = ("  - id: phone\n    type: phone\n    hours: office\n"
           "  - id: form\n    type: web_form\n    hours: office\n")
IN_WORDS = "feedback:\n  channels: [phone, form]\n  respond: {text: Complaints are dealt with efficiently.}\n"
TIMED = IN_WORDS + "  acknowledge: {within: 3 working days}\n"


def test_a_complaint_promise_in_words_only_is_no_timescale_for_the_channels() -> None:
    assert [(code, line) for code, line, _, _ in findings(charter(SURGERY, IN_WORDS), ["CH101", "CH104"])] == [
        ("CH101", 13), ("CH101", 16)]
    # with a time limit under feedback it is a complaints procedure: its timescale is each channel's promise
    assert findings(charter(SURGERY, TIMED), ["CH101", "CH104"]) == []


def test_a_complaints_procedure_channel_is_answered_out_of_hours_by_its_timescale() -> None:
    # an NHS trust's advice service: what is emailed is acknowledged within three working days
    email = "  - id: email\n    type: email\n    hours: office\n"
    text = charter(SURGERY.replace("form", "email").replace("web_form", "email"), TIMED.replace("form", "email"))
    assert findings(text, ["CH102"]) == []
    # a written channel not listed for feedback is not covered by it: it promises nothing (CH101's,
    # whose fix, a reply time, is also CH102's), or only a pick-up time (CH102's)
    text = charter(SURGERY + email, TIMED)
    assert [(code, line) for code, line, _, _ in findings(text, ["CH101", "CH102"])] == [("CH101", 19)]
    text = charter(SURGERY + email + "    commitments:\n      answer: {within: 1 hour}\n", TIMED)
    assert [(code, line) for code, line, _, _ in findings(text, ["CH102"])] == [("CH102", 19)]


EMERGENCY = """\
  - id: emergency
    type: phone
    name: University emergency phone line
    hours: always
    commitments:
      answer: {within: 5 seconds}
"""


def test_an_emergency_line_is_not_asked_to_take_feedback_or_to_match_other_lines() -> None:
    # a university help desk: the emergency and first-aid line answers in 5 seconds, the enquiry line in 60
    text = charter(PHONE + EMERGENCY, "feedback:\n  channels: [phone]\n")
    assert findings(text, ["CH105", "CH110"]) == []
    # a "non-emergency" line is where enquiries go: asked as any other
    other = EMERGENCY.replace("University emergency phone line", "Non-emergency enquiries").replace(
        "id: emergency", "id: enquiries")
    assert [code for code, _, _, _ in findings(charter(PHONE + other, "feedback:\n  channels: [phone]\n"),
                                               ["CH105", "CH110"])] == ["CH110", "CH105"]


def test_a_way_into_an_escalation_stage_is_left_to_the_stage() -> None:
    # a bank's complaints page: complain online, by phone or in a branch (acknowledged in 5 business
    # days); the Customer Resolution Team's own line is how a complaint reaches its review stage, and
    # the review's missing timescale is CH404's finding, not a channel with no commitment
    resolution_line = "  - id: resolution-line\n    type: phone\n    hours: office\n"
    stage = "escalation:\n  stages:\n    - name: Customer Resolution Team review\n      via: [phone, resolution-line]\n"
    feedback = "feedback:\n  channels: [phone]\n  acknowledge: {within: 5 working days}\n"
    assert findings(charter(PHONE + resolution_line, feedback + stage), ["CH101"]) == []
    # a Malaysian bank's page gives no way in: its Head of Client Experience email is only the
    # stage's. Where a complaint is first made is CH104's finding, the stage's time CH404's; CH101
    # reported the same missing time a third time
    unlisted = "feedback:\n  acknowledge: {within: 5 working days}\n"
    assert findings(charter(PHONE + resolution_line, unlisted + stage), ["CH101", "CH104"]) == [
        ("CH104", 21, 1, "feedback lists no channels (add feedback.channels and list the service channels: "
                         '"phone")'),
    ]
    # a channel in no stage and no feedback role is still asked
    assert [code for code, *_ in findings(charter(PHONE + resolution_line, unlisted), ["CH101"])] == ["CH101"]


def test_standards_made_for_several_channels_are_cases_not_a_slower_channel() -> None:
    # a software desk: its high and medium severities (4 and 12 hours) are each made for email and
    # the ticketing system alike; neither channel is slower than the other
    both = """\
  - id: email
    type: email
    hours: always
  - id: ticket
    type: web_form
    hours: always
standards:
  - id: high
    channels: [email, ticket]
    commitments:
      respond: {within: 4 hours}
  - id: medium
    channels: [email, ticket]
    commitments:
      respond: {within: 12 hours}
"""
    assert findings(charter(both), ["CH110"]) == []
    # a channel's own promise still compares with another channel's
    own = both.replace("    type: web_form\n    hours: always\n",
                       "    type: web_form\n    hours: always\n    commitments:\n      respond: {within: 1 hour}\n")
    own = own.replace("  - id: email\n    type: email\n    hours: always\n",
                      "  - id: email\n    type: email\n    hours: always\n    commitments:\n      respond: {within: 8 hours}\n")
    assert [code for code, *_ in findings(charter(own), ["CH110"])] == ["CH110"]

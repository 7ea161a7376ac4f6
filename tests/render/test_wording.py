"""Commitments and opening hours in words (charter.wording, charter.opening, charter.share)."""

from __future__ import annotations

import pytest

from charterlint.charter.duration import parse_duration
from charterlint.charter.opening import calendar_words, days_words, hours_words
from charterlint.charter.share import parse_share, share_words
from charterlint.charter.wording import (
    channel_subject,
    commitment_sentence,
    duration_words,
    follow_up_sentence,
    matter_subject,
    named_subject,
    update_sentence,
)

PHONE, EMAIL, VISIT = channel_subject("phone"), channel_subject("email"), channel_subject("in_person")
COMPLAINTS = named_subject("complaints")


@pytest.mark.parametrize(("event", "commitment", "subject", "sentence"), [
    ("answer", {"within": "60 seconds", "target": "80%"}, PHONE, "We answer 80% of calls within 60 seconds."),
    ("respond", {"within": "2 working days"}, EMAIL, "We reply to emails within 2 working days."),
    ("acknowledge", {"within": "1 working days"}, COMPLAINTS, "We acknowledge complaints within 1 working day."),
    ("respond", {"within": "1-2 business days"}, EMAIL, "We reply to emails within 1-2 business days."),
    ("respond", {"within": "end of next working day"}, EMAIL,
     "We reply to emails by the end of the next working day."),
    ("respond", {"within": "same day"}, EMAIL, "We reply to emails on the same day."),
    ("respond", {"within": "10 working days", "target": "99.5%", "from": "receipt", "strength": "guarantee"}, EMAIL,
     "We guarantee to reply to 99.5% of emails within 10 working days of receipt."),
    ("answer", {"within": "20 seconds", "statistic": "average", "strength": "aim"}, PHONE,
     "We aim to answer calls within 20 seconds on average."),
    ("resolve", {"within": "10 working days", "statistic": "majority"}, EMAIL,
     "We resolve most email enquiries within 10 working days."),
    ("answer", {"within": "10 minutes", "strength": "best_effort"}, VISIT,
     "We do our best to see visitors within 10 minutes."),
    ("answer", {"when": "with an  appointment", "within": "5 minutes"}, VISIT,
     "With an appointment, we see visitors within 5 minutes."),
    ("resolve", {"target": "75%", "at": "first_contact"}, PHONE, "We resolve 75% of phone enquiries at the first contact."),
    ("answer", {"target": "90%"}, PHONE, "We answer 90% of calls."),
    ("resolve", {"within": "30 calendar days"}, matter_subject("billing complaints"),
     "We resolve billing complaints within 30 calendar days."),
    ("respond", {"within": "1 working day"}, PHONE, "We return calls within 1 working day."),
    ("respond", {"within": "4 hours", "target": "90%", "when": "out of hours"}, channel_subject("voicemail"),
     "Out of hours, we return 90% of voicemails within 4 hours."),
    ("respond", {"text": "Your call will be returned as soon as\n possible."}, PHONE,
     "Your call will be returned as soon as possible."),
])
def test_each_commitment_reads_as_one_plain_sentence(event: str, commitment: dict[str, str], subject: object,
                                                     sentence: str) -> None:
    assert commitment_sentence(event, commitment, subject) == sentence  # type: ignore[arg-type]


def test_progress_updates_and_follow_ups_read_as_sentences() -> None:
    assert update_sentence({"every": "20 working days"}) == "We update you at least every 20 working days."
    assert update_sentence({"every": "1 week", "strength": "aim"}, "while your complaint is open") == \
        "While your complaint is open, we aim to update you at least every 1 week."
    assert follow_up_sentence({"within": "next working day", "via": "same channel"}, None) == \
        "When nobody is available, a person gets back to you by the next working day, on the same channel."
    assert follow_up_sentence({"within": "4 hours", "via": "email"}, "Customer email") == \
        "When nobody is available, a person gets back to you within 4 hours, through Customer email."


def test_durations_agree_in_number_and_shares_read_back() -> None:
    assert [duration_words(parse_duration(text)) for text in ("1 hours", "2 hour", "1.5 working days", "1-1 day")] \
        == ["1 hour", "2 hours", "1.5 working days", "1 day"]  # type: ignore[arg-type]
    assert [parse_share(text) for text in ("80%", "99.5%", "100%", "101%", "80", 80)] == [80, 99.5, 100, None, None, None]
    assert share_words(80.0) == "80%" and share_words(99.5) == "99.5%"


CALENDARS = {
    "office": {"id": "office", "timezone": "Europe/London", "open": {"mon-fri": "08:00-18:00", "sat": "09:00-12:00",
                                                                     "sun": "closed"},
               "holidays": "bank holidays"},
    "split": {"id": "split", "timezone": "Europe/Paris", "open": {"mon-thu": ["09:00-12:30", "13:30-17:00"]},
              "holidays": ["2026-12-25", "2026-01-01"]},
}


def test_opening_hours_read_in_words() -> None:
    assert hours_words("office", CALENDARS) == \
        "Monday to Friday, 08:00 to 18:00; Saturday, 09:00 to 12:00 (Europe/London); closed on bank holidays"
    assert calendar_words(CALENDARS["split"]) == ("Monday to Thursday, 09:00 to 12:30 and 13:30 to 17:00 (Europe/Paris);"
                                                  " closed on 25 December 2026 and 1 January 2026")
    assert hours_words({"outside": "office"}, CALENDARS) == ("outside these hours: Monday to Friday, 08:00 to 18:00;"
                                                             " Saturday, 09:00 to 12:00 (Europe/London); and all day on"
                                                             " bank holidays")
    assert hours_words("always", CALENDARS) == "24 hours a day, 7 days a week"
    assert hours_words("not_published", CALENDARS) == "opening hours not published"
    assert [days_words(days) for days in ("sat-sun", "mon-wed", "fri")] == ["Saturday and Sunday", "Monday to Wednesday",
                                                                              "Friday"]

"""Opening hours per weekday in minutes: what a change takes away and adds."""

from __future__ import annotations

from charterlint.diff.hours import ALWAYS, calendar_week, channel_week, compare_weeks


def _calendar(**days: object) -> dict[str, object]:
    return {"id": "office", "timezone": "Europe/London", "open": {k.replace("_", "-"): v for k, v in days.items()}}


def test_a_day_range_a_split_day_and_closed_days_give_minutes_per_weekday() -> None:
    week = calendar_week(_calendar(mon_thu="08:30-17:00", fri=["09:00-12:30", "13:30-16:00"], sun="closed"))
    assert [len(day) for day in week] == [510, 510, 510, 510, 210 + 150, 0, 0]


def test_a_later_entry_for_a_day_replaces_an_earlier_one_and_a_range_may_wrap() -> None:
    week = calendar_week(_calendar(mon_fri="09:00-17:00", fri="closed", sat_mon="10:00-12:00"))
    assert [len(day) for day in week] == [120, 480, 480, 480, 0, 120, 120]


def test_closing_earlier_on_weekdays_and_on_saturday_loses_those_minutes() -> None:
    old = calendar_week(_calendar(mon_fri="08:30-17:00", sat="09:00-12:00"))
    new = calendar_week(_calendar(mon_fri="08:30-16:30"))
    change = compare_weeks(old, new)
    assert change.lost == (30, 30, 30, 30, 30, 180, 0)
    assert change.describe_lost() == "mon-fri 30 minutes, sat 3 hours"
    assert not change.extended


def test_hours_that_move_lose_what_they_no_longer_cover_and_gain_the_rest() -> None:
    change = compare_weeks(calendar_week(_calendar(mon="09:00-17:00")), calendar_week(_calendar(mon="10:00-18:00")))
    assert (change.lost[0], change.gained[0]) == (60, 60)
    assert change.reduced and change.extended


def test_a_channel_open_always_outside_a_calendar_or_unpublished() -> None:
    calendars = {"office": _calendar(mon_fri="00:00-12:00")}
    assert channel_week("always", calendars) == ALWAYS
    outside = channel_week({"outside": "office"}, calendars)
    assert outside is not None and [len(day) for day in outside] == [720] * 5 + [1440] * 2
    assert channel_week("not_published", calendars) is None
    assert channel_week("elsewhere", calendars) is None

"""The comparison itself, on data: what is one promise, and where a change is reported."""

from __future__ import annotations

from typing import Any

import yaml

from charterlint.diff.compare import compare_charters
from tests.diff.repo import BASE


def _changes(old: str, new: str) -> list[tuple[str, str, str]]:
    before: dict[str, Any] = yaml.safe_load(old)
    after: dict[str, Any] = yaml.safe_load(new)
    return [(c.kind, c.pointer, c.message) for c in compare_charters(before, after)]


def test_identical_charters_have_no_change() -> None:
    assert _changes(BASE, BASE) == []


def test_variants_are_matched_by_their_case() -> None:
    old = BASE.replace("answer: {within: 60 seconds, target: 80%}",
                       "answer:\n        - {when: with an appointment, within: 5 minutes}\n"
                       "        - {when: without one, within: 30 minutes}")
    new = old.replace("within: 30 minutes", "within: 45 minutes")
    assert _changes(old, new) == [("time-limit-lengthened", "/channels/0/commitments/answer/1/within",
                                   'lengthened: channel "phone" answer ("without one") within "30 minutes" ->'
                                   ' "45 minutes"')]
    dropped = old.replace("        - {when: without one, within: 30 minutes}\n", "")
    assert _changes(old, dropped) == [("change-not-comparable", "/channels/0/commitments/answer/0",
                                       'changed, cannot compare: channel "phone" answer commitment ("without one")'
                                       ' "30 minutes" has no variant for this case any more')]


def test_a_removed_feedback_section_reports_its_promises() -> None:
    new = BASE.replace("feedback:\n  channels: [phone, email]\n  respond: {within: 10 working days}\n", "")
    assert _changes(BASE, new) == [
        ("commitment-removed", "", 'removed: feedback respond commitment "10 working days"'),
        ("feedback-channel-removed", "", 'removed: channel "phone" from feedback channels'),
        ("feedback-channel-removed", "", 'removed: channel "email" from feedback channels')]


def test_a_promise_moved_into_a_standard_is_compared_where_it_now_is() -> None:
    new = BASE.replace("      respond: {within: 2 working days, target: 95%, strength: guarantee}\n", "").replace(
        "accessibility:", "standards:\n  - id: written\n    channels: [email]\n    commitments:\n"
                          "      respond: {within: 2 working days, target: 95%, strength: aim}\naccessibility:")
    assert _changes(BASE, new) == [("strength-softened", "/standards/0/commitments/respond/strength",
                                    'softened: channel "email" respond strength "guarantee" -> "aim"')]


def test_a_service_standard_removed_is_a_commitment_removed() -> None:
    old = BASE.replace("accessibility:", "standards:\n  - id: forms\n    commitments:\n"
                                         "      respond: {within: 3 working days}\naccessibility:")
    assert _changes(old, BASE) == [("commitment-removed", "",
                                    'removed: standard "forms" respond commitment "3 working days"')]


def test_a_stage_renamed_in_place_is_compared_as_the_same_stage_under_its_new_name() -> None:
    new = BASE.replace("- name: Complaints manager\n      respond: {within: 20 working days}",
                       "- name: Customer relations\n      respond: {within: 25 working days}")
    assert _changes(BASE, new) == [("time-limit-lengthened", "/escalation/stages/1/respond/within",
                                    'lengthened: escalation stage "Customer relations" respond within'
                                    ' "20 working days" -> "25 working days"')]


def test_an_added_channel_is_one_improvement_not_one_per_promise() -> None:
    new = BASE.replace("  - id: chat\n", "  - id: post\n    type: post\n    hours: office\n    commitments:\n"
                                          "      respond: {within: 10 working days}\n  - id: chat\n")
    kinds = [(kind, message) for kind, _, message in _changes(BASE, new)]
    assert ("promise-strengthened", 'added: channel "post"') in kinds
    assert not any("post" in message and "respond" in message for _, message in kinds)


def test_a_lower_review_cadence_and_a_new_one_compare_with_the_default() -> None:
    assert _changes(BASE, BASE.replace("  cadence: 12 months\n", "")) == []
    assert _changes(BASE, BASE.replace("cadence: 12 months", "cadence: 6 months")) == [
        ("promise-strengthened", "/review/cadence", 'shortened: review cadence "12 months" -> "6 months"')]


def test_working_days_counted_on_another_calendar_cannot_be_compared() -> None:
    old = BASE.replace("calendars:\n", "business_calendar: office\ncalendars:\n").replace(
        "channels:\n", "  - id: evening\n    timezone: Europe/London\n    open:\n      mon-sun: \"17:00-22:00\"\n"
                       "channels:\n", 1)
    new = old.replace("business_calendar: office", "business_calendar: evening")
    assert _changes(old, new) == [("change-not-comparable", "/business_calendar",
                                   'changed, cannot compare: working and business days count on calendar "evening",'
                                   ' not "office" (every limit in them changes length)')]


def test_a_shared_standards_promise_removed_or_added_is_one_finding_naming_its_channels() -> None:
    shared = BASE.replace("accessibility:", "standards:\n  - id: written\n    channels: [phone, email]\n"
                                            "    commitments:\n      resolve: {within: 10 working days}\n"
                                            "accessibility:")
    without = shared.replace("      resolve: {within: 10 working days}\n", "      update: {every: 5 working days}\n")
    assert _changes(shared, without) == [
        ("commitment-removed", "/channels/0/commitments",
         'removed: channels "phone" and "email" resolve commitment "10 working days"'),
        ("promise-strengthened", "/standards/0/commitments/update",
         'added: channel "phone" progress updates "5 working days"')]

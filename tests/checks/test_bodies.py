"""CH414 external-body-name: vague, former and informal names of external bodies."""

from __future__ import annotations

import pytest

from charterlint.checks.bodies import shipped_table
from tests.helpers import ANSWERED_PHONE_HEAD, REVIEW, builtin_rules, findings

# ANSWERED_PHONE_HEAD is 12 lines: escalation on line 13, the first body on line 15 (column 13).


def external(*names: str) -> str:
    return ANSWERED_PHONE_HEAD + "escalation:\n  external:\n" + "".join(
        f"    - body: {name}\n      after: 8 weeks\n" for name in names) + REVIEW


def renamed(name: str, current: str, since: str) -> str:
    return f'"{name}" has been the "{current}" since {since}: use the current name, so that customers find it'


def vague(name: str) -> str:
    return (f'"{name}" does not say which body: give its full name (e.g. "Communications Ombudsman", not '
            '"the telecoms ombudsman") and how to reach it')


def ch414(text: str, **kwargs: object) -> list[tuple[str, int, int, str]]:
    return findings(text, ["CH414"], **kwargs)


def test_a_former_name_is_reported_with_the_year_of_the_change() -> None:
    # a police and crime commissioner's office still naming the IPCC
    assert ch414(external("the Independent Police Complaints Commission")) == [
        ("CH414", 15, 17, renamed("Independent Police Complaints Commission", "Independent Office for Police Conduct",
                                  "2018")),
    ]


def test_an_informal_name_is_reported_but_not_the_full_name_that_starts_with_it() -> None:
    assert ch414(external("Financial Ombudsman", "Financial Ombudsman Service")) == [
        ("CH414", 15, 13, '"Financial Ombudsman" is not the body\'s name: use "Financial Ombudsman Service", so that '
                          "customers find it"),
    ]


@pytest.mark.parametrize("name", [
    # a Jersey insurer: another body whose name ends in the informal one, misspelt or not (a near
    # miss of a body outside the table is a slip the customer gets past with the address beside it)
    "Channel Island Financial Ombudsman (CIFO)", "Channel Islands Financial Ombudsman",
])
def test_a_longer_name_ending_in_an_informal_one_is_another_body(name: str) -> None:
    assert ch414(external(name)) == []
    # the informal name itself, after an article or opening a sentence, is still reported
    assert [f[:2] for f in ch414(external("The Financial Ombudsman"))] == [("CH414", 15)]


@pytest.mark.parametrize("name", ["the ombudsman", "The Telecoms Ombudsman", "our regulator", "Ombudsman."])
def test_a_vague_body_name_is_reported(name: str) -> None:
    assert ch414(external(name)) == [("CH414", 15, 13, vague(name))]


@pytest.mark.parametrize("name", ["Housing Ombudsman Service", "Energy Ombudsman", "Ofwat, the water regulator",
                                  "Consumer Council for Water"])
def test_current_and_specific_names_pass(name: str) -> None:
    assert ch414(external(name)) == []


def test_former_names_in_texts_and_prose_are_reported_at_the_name() -> None:
    text = ANSWERED_PHONE_HEAD.replace("  mission: Safe, reliable water for every home.",
                                       "  mission: Complaints may go to the Local Government\n"
                                       "    Ombudsman.") + REVIEW
    prose = "---\n" + text + "---\nContact WaterVoice, or the ombudsman.\n"
    assert ch414(prose, filename="t.charter.md") == [
        ("CH414", 7, 37, renamed("Local Government Ombudsman", "Local Government and Social Care Ombudsman", "2017")),
        ("CH414", 18, 9, renamed("WaterVoice", "Consumer Council for Water", "2005")),
    ]


def test_configuration_extends_the_table() -> None:
    # a fictional scheme: the configuration's own table entries
    options = {"CH414": {"renamed": [{"name": "Example Scheme", "current": "Example Ombudsman", "since": 2020}],
                         "vague": ["the adjudicator"]}}
    assert ch414(external("Example Scheme", "The Adjudicator", "Local Government Ombudsman"), options=options) == [
        ("CH414", 15, 13, renamed("Example Scheme", "Example Ombudsman", "2020")),
        ("CH414", 17, 13, vague("The Adjudicator")),
        ("CH414", 19, 13, renamed("Local Government Ombudsman", "Local Government and Social Care Ombudsman", "2017")),
    ]


def test_the_rule_documents_every_name_of_the_dated_table() -> None:
    details = " ".join(next(r for r in builtin_rules() if r.code == "CH414").details.split())
    table = shipped_table()
    assert f"as of {table['as-of']}" in details
    for entry in table["renamed"]:
        assert entry["name"] in details and entry["current"] in details, entry
    for name in table["vague"]:
        assert name in details, name


@pytest.mark.parametrize("written", ["Ombudsman Services Energy", "Ombudsman Services - Energy",
                                     "ombudsman services energy"])
def test_a_former_name_matches_with_or_without_its_punctuation(written: str) -> None:
    # an energy supplier to businesses names "Ombudsman Services Energy", the Energy Ombudsman's former name
    [(code, line, column, message)] = ch414(external(written))
    assert (code, line, column) == ("CH414", 15, 13)
    assert message == f'"{written}" has been the "Energy Ombudsman": use the current name, so that customers find it'


def in_country(text: str, jurisdiction: str) -> str:
    """The charter given a jurisdiction (one more line before the first body: line 16)."""
    return text.replace("  name: Example Water\n", f"  name: Example Water\n  jurisdiction: {jurisdiction}\n", 1)


@pytest.mark.parametrize("jurisdiction", ["NZ", "AU-VIC", "IM"])
def test_a_uk_name_is_not_wrong_in_another_country(jurisdiction: str) -> None:
    # a New Zealand insurer calls its country's scheme the "Financial Services Ombudsman"; the
    # Isle of Man's scheme is the "Financial Services Ombudsman Scheme": neither is the UK's body
    assert ch414(in_country(external("Financial Services Ombudsman", "Local Government Ombudsman"),
                            jurisdiction)) == []


@pytest.mark.parametrize("jurisdiction", ["GB", "GB-SCT", "gb-eng"])
def test_a_uk_name_is_wrong_in_a_uk_charter(jurisdiction: str) -> None:
    assert [f[:3] for f in ch414(in_country(external("Financial Services Ombudsman"), jurisdiction))] == [
        ("CH414", 16, 13)]


def test_an_irish_former_name_is_reported_in_an_irish_charter_only() -> None:
    assert ch414(in_country(external("the Financial Services Ombudsman"), "IE")) == [
        ("CH414", 16, 17, renamed("Financial Services Ombudsman", "Financial Services and Pensions Ombudsman",
                                  "2018")),
    ]


@pytest.mark.parametrize("name", ["Insurance & Financial Services Ombudsman Scheme (IFSO)",
                                  "Insurance and Financial Services Ombudsman"])
def test_a_longer_name_joined_by_and_is_another_body(name: str) -> None:
    # a New Zealand insurer's charter that gives no jurisdiction: the name is still another body
    assert ch414(external(name)) == []


def test_a_configured_name_applies_in_its_own_countries_or_everywhere() -> None:
    options = {"CH414": {"renamed": [
        {"name": "Example Scheme", "current": "Example Ombudsman", "jurisdiction": ["NZ"]},
        {"name": "Other Scheme", "current": "Other Ombudsman"}]}}
    assert [f[:2] for f in ch414(in_country(external("Example Scheme", "Other Scheme"), "NZ"), options=options)] == [
        ("CH414", 16), ("CH414", 18)]
    assert [f[:2] for f in ch414(external("Example Scheme", "Other Scheme"), options=options)] == [("CH414", 17)]

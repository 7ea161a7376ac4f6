"""CH401-CH409: rights, team, escalation, performance reporting and accessibility."""

from __future__ import annotations

from textwrap import dedent

import pytest

from tests.helpers import ANSWERED_PHONE_HEAD, REVIEW, findings

DISPUTES = ('no dispute process, yet "Example Water" bills customers (sector "{sector}"): add rights.disputes '
            "(how disagreements over bills, charges or repairs are settled) or an escalation route")
AFTER_PURCHASE = ('no after-purchase support, yet "Example Water" sells products (sector "{sector}"): add '
                  "rights.after_purchase (what customers can expect for issues months or years after purchase)")
STAGES = ("no escalation stages (add escalation.stages: who reviews a matter the customer "
          "wants raised higher, and how quickly)")
EXTERNAL = ("no external body to escalate to (add escalation.external: an ombudsman, regulator, "
            "adr scheme or independent reviewer)")
# What the engine appends to a finding about a section the charter lacks (issue 16): the test
# charters have channels, then review, so a missing section goes right after the channels.
RIGHTS_GO_HERE = ' ("rights:" goes here, after "channels")'
ESCALATION_GOES_HERE = ' ("escalation:" goes here, after "channels")'
ACCESSIBILITY = ("no channel lists accessibility provisions (add accessibility to the channels that offer them, "
                 "e.g. [relay_service, large_print, interpreter])")


def charter(sections: str = "") -> str:
    """ANSWERED_PHONE_HEAD is 12 lines: the sections under test start on line 13."""
    return ANSWERED_PHONE_HEAD + dedent(sections) + REVIEW


def strict(text: str, code: str, **kwargs: object) -> list[tuple[str, int, int, str]]:
    return findings(text, [code], preset="strict", **kwargs)


# --- CH401 / CH402 rights --------------------------------------------------------------

def in_sector(text: str, sector: str) -> str:
    """`text` with the organisation's sector: one line more, so the sections start on line 14."""
    return text.replace("  name: Example Water\n", f"  name: Example Water\n  sector: {sector}\n", 1)


def test_dispute_process_missing_in_a_billing_sector_points_where_rights_would_go() -> None:
    assert strict(in_sector(charter(), "utility"), "CH401") == [
        ("CH401", 14, 1, DISPUTES.format(sector="utility") + RIGHTS_GO_HERE)]


def test_dispute_process_missing_in_a_json_charter_points_at_the_rights_key() -> None:
    text = ('{"charter_format": 1, "title": "T", "organization": {"name": "Example Water", "sector": "bank"},\n'
            ' "overview": {"mission": "M"}, "channels": [{"id": "phone", "type": "phone", "hours": "always"}],\n'
            ' "rights": {"statements": []}, "review": {"last_reviewed": "2025-06-01"}}\n')
    assert strict(text, "CH401", filename="c.charter.json") == [("CH401", 3, 2, DISPUTES.format(sector="bank"))]


@pytest.mark.parametrize("sector", ["government", "healthcare", "education", None])
def test_organisations_that_bill_nothing_need_no_dispute_process(sector: str | None) -> None:
    # a national food regulator and a police commissioner's office bill nobody
    text = charter() if sector is None else in_sector(charter(), sector)
    assert strict(text, "CH401") == []


def test_an_escalation_route_is_the_dispute_process() -> None:
    stages = charter("escalation:\n  stages:\n    - name: Complaints manager\n")
    external = charter("escalation:\n  external:\n    - body: Housing Ombudsman Service\n")
    assert strict(in_sector(stages, "utility"), "CH401") == []
    assert strict(in_sector(external, "utility"), "CH401") == []


def test_the_sectors_option_chooses_where_the_rule_applies() -> None:
    text = in_sector(charter(), "government")
    assert strict(text, "CH401", options={"CH401": {"sectors": ["government"]}}) == [
        ("CH401", 14, 1, DISPUTES.format(sector="government") + RIGHTS_GO_HERE),
    ]


def test_after_purchase_missing_points_at_rights_when_it_exists() -> None:
    text = in_sector(charter("""\
        rights:
          disputes:
            process: A senior adviser reviews the decision.
    """), "retail")
    assert strict(text, "CH402") == [("CH402", 14, 1, AFTER_PURCHASE.format(sector="retail"))]
    assert strict(text, "CH401") == []


def test_after_purchase_in_an_x_extension_does_not_count() -> None:
    text = in_sector(charter("""\
        rights:
          x-after_purchase: {text: Five-year handset warranty.}
    """), "telecom")
    assert strict(text, "CH402") == [("CH402", 14, 1, AFTER_PURCHASE.format(sector="telecom"))]


@pytest.mark.parametrize("sector", ["local_government", "utility", "bank", None])
def test_organisations_that_sell_no_products_need_no_after_purchase_support(sector: str | None) -> None:
    # a district council or a credit union sells no product that fails a year later
    text = charter() if sector is None else in_sector(charter(), sector)
    assert strict(text, "CH402") == []


# --- CH403 / CH404 escalation stages ---------------------------------------------------

# One escalation stage, with a timescale (escalation on line 13); no external body.
ONE_TIMED_STAGE = """\
escalation:
  stages:
    - name: Team leader review
      respond: {within: 2 weeks}
"""


def test_escalation_path_missing_at_an_empty_stage_list() -> None:
    text = charter("""\
        escalation:
          stages: []
    """)
    assert strict(text, "CH403") == [("CH403", 14, 11, STAGES)]


def test_escalation_path_missing_without_escalation_points_where_escalation_would_go() -> None:
    assert strict(charter(), "CH403") == [("CH403", 13, 1, STAGES + ESCALATION_GOES_HERE)]


def test_escalation_stage_without_timescale_reports_each_stage() -> None:
    text = charter("""\
        escalation:
          stages:
            - name: Team leader review
              respond: {within: 2 weeks}
            - via: [phone]
              name: Customer relations manager
            - name: Director
    """)
    assert strict(text, "CH404") == [
        ("CH404", 17, 7, 'escalation stage "Customer relations manager" has no timescale '
                         '(add respond: {within: ...}, e.g. "10 working days")'),
        ("CH404", 19, 7, 'escalation stage "Director" has no timescale '
                         '(add respond: {within: ...}, e.g. "10 working days")'),
    ]



def test_a_stage_that_only_acknowledges_is_reported_as_such() -> None:
    # a travel insurer's team leader makes contact within two business days, and says nothing of when
    # the complaint is answered
    text = charter("""\
        escalation:
          stages:
            - name: Team leader or manager
              acknowledge: {within: 2 business days}
    """)
    assert strict(text, "CH404") == [
        ("CH404", 15, 7, 'escalation stage "Team leader or manager" has no time for its answer, only for '
                         'acknowledging (add respond: {within: ...}, e.g. "10 working days")'),
    ]


FINAL_RESPONSE_FEEDBACK = """\
        feedback:
          channels: [phone]
          respond: {{within: 4 weeks, text: {text}}}
        escalation:
          stages:
            - name: Senior manager named in our acknowledgement
"""


def test_a_stage_before_a_timed_final_response_needs_no_timescale_of_its_own() -> None:
    # a building society: the complaint goes to a senior manager named in the acknowledgement, and
    # "we will send our final response within four weeks" bounds that stage
    final = charter(FINAL_RESPONSE_FEEDBACK.format(text="We send our final response within four weeks."))
    assert strict(final, "CH404") == []
    # a broadband provider: complaints answered within 10 working days, then a manager, untimed
    first = charter(FINAL_RESPONSE_FEEDBACK.format(text="We send you a written response within four weeks."))
    assert strict(first, "CH404") == [
        ("CH404", 18, 7, 'escalation stage "Senior manager named in our acknowledgement" has no timescale '
                         '(add respond: {within: ...}, e.g. "10 working days")'),
    ]

# An Australian insurer: complaints resolved within 45 calendar days, passed between internal teams
# with no time of their own, and the financial ombudsman open once the 45 days are over.
INSIDE_THE_LIMIT = """\
        feedback:
          channels: [phone]
          respond: {within: 45 calendar days, text: We respond to your complaint in writing.}
        escalation:
          stages:
            - name: Team leader
              internal: true
            - name: Internal resolution team
          external:
            - body: Financial ombudsman
              type: ombudsman
              after: 45 calendar days
"""
UNTIMED_STAGE = ('CH404', 18, 7, 'escalation stage "Team leader" has no timescale '
                 '(add respond: {within: ...}, e.g. "10 working days")')


def test_internal_stages_inside_the_complaints_own_limit_need_no_timescale() -> None:
    assert strict(charter(INSIDE_THE_LIMIT), "CH404") == []


def test_a_stage_outside_the_complaints_own_limit_still_needs_a_timescale() -> None:
    # the ombudsman opens later than the complaint's limit (a telecom's 10 working days, 8 weeks)
    later = INSIDE_THE_LIMIT.replace("after: 45 calendar days", "after: 8 weeks")
    assert strict(charter(later), "CH404")[0] == UNTIMED_STAGE
    # a stage the charter says is not internal is bounded by nothing the organisation promises
    outside = INSIDE_THE_LIMIT.replace("internal: true", "internal: false")
    assert strict(charter(outside), "CH404") == [UNTIMED_STAGE]


def test_escalation_stage_with_a_timescale_passes() -> None:
    text = charter(ONE_TIMED_STAGE)
    assert strict(text, "CH403") == []
    assert strict(text, "CH404") == []


# --- CH405 / CH406 external bodies -----------------------------------------------------

def test_external_review_missing_at_the_escalation_key() -> None:
    text = charter(ONE_TIMED_STAGE)
    assert strict(text, "CH405") == [("CH405", 13, 1, EXTERNAL)]


def test_external_review_missing_at_an_empty_external_list() -> None:
    text = charter("""\
        escalation:
          external: []
    """)
    assert strict(text, "CH405") == [("CH405", 14, 13, EXTERNAL)]


def test_external_trigger_missing_reports_only_bodies_without_after() -> None:
    text = charter("""\
        escalation:
          external:
            - body: Consumer Council for Water
              after: 8 weeks
            - type: ombudsman
              body: Water Redress Scheme
              customer_deadline: 6 months
    """)
    assert strict(text, "CH405") == []
    assert strict(text, "CH406") == [
        ("CH406", 17, 7, 'external body "Water Redress Scheme" does not say when the customer may go there '
                         '(add after, e.g. "8 weeks" or "final response")'),
    ]



@pytest.mark.parametrize(("kind", "reported"), [("independent_reviewer", False), ("regulator", False),
                                                ("adr", True), ("ombudsman", True)])
def test_an_advice_body_beside_a_timed_ombudsman_needs_no_after(kind: str, reported: bool) -> None:
    # an energy supplier: the energy ombudsman after 8 weeks, and the Citizens Advice consumer
    # helpline, which can be asked for advice at any point
    text = charter(f"""\
        escalation:
          external:
            - body: Energy Ombudsman
              type: ombudsman
              after: 8 weeks
            - body: Consumer helpline
              type: {kind}
    """)
    assert [code for code, *_ in strict(text, "CH406")] == (["CH406"] if reported else [])
    alone = charter(f"""\
        escalation:
          external:
            - body: Consumer helpline
              type: {kind}
    """)
    assert [code for code, *_ in strict(alone, "CH406")] == ["CH406"]

# --- CH407 team ------------------------------------------------------------------------

TEAM_EMPTY = ("team is empty: say who owns a customer's matter until it is resolved, or how staff are trained, "
              "or remove the section (add team.accountability)")


@pytest.mark.parametrize("team", ["team: {}\n", "team:\n  x-owner: HR\n"])
def test_an_empty_team_section_is_reported_at_the_team_key(team: str) -> None:
    assert strict(charter(team), "CH407") == [("CH407", 13, 1, TEAM_EMPTY)]


@pytest.mark.parametrize("team", [
    "team:\n  accountability: The adviser who takes your call owns it.\n",
    "team:\n  accreditations: [Investors in People]\n",
    # a fire service: "our staff are regularly trained and developed, and appraisal checks they
    # show the values we expect": what the page says of its staff, with no ownership statement,
    # is the organisation's choice; no reviewer of a published charter asked for one
    "team:\n  training: Our staff are regularly trained and developed.\n",
])
def test_a_team_section_that_says_anything_of_its_staff_passes(team: str) -> None:
    assert strict(charter(team), "CH407") == []


def test_a_charter_without_a_team_section_is_not_reported() -> None:
    # none of six published charters had one: the format's team section is optional
    assert strict(charter(), "CH407") == []


# --- CH408 performance -----------------------------------------------------------------

def test_performance_reporting_missing_counts_targets_in_every_section() -> None:
    text = charter("""\
        feedback:
          channels: [phone]
          respond: {within: 2 weeks, target: 95%}
        performance:
          frequency: quarterly
    """)
    assert strict(text, "CH408") == [
        ("CH408", 16, 1, 'results are not published, yet 2 commitments set a target share such as "80%" '
                         "(publish results against them and set performance.published: true)"),
    ]


def test_performance_reporting_missing_without_performance_points_where_performance_would_go() -> None:
    [finding] = strict(charter(), "CH408")
    assert finding[:3] == ("CH408", 13, 1)
    assert finding[3].endswith(' ("performance:" goes here, after "channels")')


def test_performance_reporting_not_needed_without_targets() -> None:
    text = ANSWERED_PHONE_HEAD.replace(", target: 80%", "") + "performance:\n  published: false\n" + REVIEW
    assert strict(text, "CH408") == []


# --- CH409 accessibility ---------------------------------------------------------------

def test_accessibility_missing_when_every_list_is_empty() -> None:
    text = ANSWERED_PHONE_HEAD + "    accessibility: []\n" + REVIEW
    assert strict(text, "CH409") == [("CH409", 7, 1, ACCESSIBILITY)]


def test_accessibility_on_one_channel_is_enough() -> None:
    post = "  - id: post\n    type: post\n    hours: always\n    accessibility: [large_print]\n"
    text = ANSWERED_PHONE_HEAD + post + REVIEW
    assert strict(text, "CH409") == []


@pytest.mark.parametrize("statement", [
    # a Manx council's prose: accessible waiting areas and private interview rooms
    "Our waiting areas are accessible, clean and safe, and private interview rooms are available.",
    # a Canadian commissioner: a response in a format accessible to the person
    "We respond in a format that is accessible to the person giving feedback.",
    # a GP practice: an offer of adjustments to people with a named difficulty
    "If you have hearing, visual or physical difficulties, please tell our Care Navigators.",
    "Letters are available in large print on request.",
])
def test_a_provision_stated_in_words_is_a_provision(statement: str) -> None:
    assert strict(charter(f"rights:\n  statements:\n    - {statement}\n"), "CH409") == []


@pytest.mark.parametrize("statement", [
    # a bare "accessible" or a value is no provision
    "Our complaints code is clear, accessible and free.",
    "We will be accessible and responsive to early resolutions.",
    "We are interpreting the new rules with care.",
    # a broadband provider: support promised to disabled customers, no provision named
    "We give additional support to people with disabilities; please tell us so that we can help.",
])
def test_accessible_as_a_word_is_no_provision(statement: str) -> None:
    found = strict(charter(f"rights:\n  statements:\n    - {statement}\n"), "CH409")
    assert [code for code, *_ in found] == ["CH409"]


def test_governance_rules_read_markdown_front_matter() -> None:
    text = "---\n" + charter("team: {}\n") + "---\n# Our charter\n"
    assert strict(text, "CH407", filename="c.charter.md") == [
        ("CH407", 14, 1, TEAM_EMPTY),
    ]


# --- issue 15: complaints procedures of published charters -------------------------------

OMBUDSMAN_AFTER_COMPLAINT = """\
feedback:
  channels: [phone]
  respond: {within: 8 weeks}
escalation:
  external:
    - body: Financial Ombudsman Service
      after: 8 weeks
"""


def test_a_complaint_answered_then_an_ombudsman_is_a_complete_escalation_path() -> None:
    # a retail bank: final response within 8 weeks, then the Financial Ombudsman Service
    assert strict(charter(OMBUDSMAN_AFTER_COMPLAINT), "CH403") == []


def test_an_ombudsman_without_a_trigger_or_without_a_procedure_before_it_is_no_path() -> None:
    # a Jersey insurer: answered within 20 business days, then the ombudsman with no word on when
    # (CH406's finding): a complete route; with no timed answer either, no path
    no_trigger = OMBUDSMAN_AFTER_COMPLAINT.replace("      after: 8 weeks\n", "      type: ombudsman\n")
    assert strict(charter(no_trigger), "CH403") == []
    assert [code for code, *_ in strict(charter(no_trigger), "CH406")] == ["CH406"]
    untimed = no_trigger.replace("  respond: {within: 8 weeks}\n", "")
    assert strict(charter(untimed), "CH403") == [("CH403", 15, 1, STAGES)]
    not_an_ombudsman = OMBUDSMAN_AFTER_COMPLAINT.replace("      after: 8 weeks\n", "      type: regulator\n")
    assert strict(charter(not_an_ombudsman), "CH403") == [("CH403", 16, 1, STAGES)]
    # where a complaint is made may be missing (CH104's finding): the procedure's answer and the
    # ombudsman after it are still a route (a UK claims firm's page that never says where to write)
    no_channels = OMBUDSMAN_AFTER_COMPLAINT.replace("  channels: [phone]\n", "")
    assert strict(charter(no_channels), "CH403") == []
    # with no procedure at all, the ombudsman alone is no path
    no_procedure = OMBUDSMAN_AFTER_COMPLAINT.replace("feedback:\n  channels: [phone]\n  respond: {within: 8 weeks}\n", "")
    assert [f[:2] for f in strict(charter(no_procedure), "CH403")] == [("CH403", 13)]


def test_an_ombudsman_open_at_any_time_is_a_complete_path_and_says_when() -> None:
    # a government complaints hub (thirteenth batch): the ombudsman may be approached at all times
    any_time = charter(OMBUDSMAN_AFTER_COMPLAINT.replace("after: 8 weeks", "after: any time"))
    assert strict(any_time, "CH403") == []
    assert strict(any_time, "CH406") == []
    assert strict(any_time, "CH013") == []  # the schema takes the value
    assert [code for code, *_ in strict(any_time.replace("after: any time", "after: anytime"), "CH013")] == ["CH013"]


def test_a_complaints_procedure_with_a_timescale_is_the_dispute_process() -> None:
    # a water company: complaints answered within 7 working days, or it pays automatically
    sections = "feedback:\n  channels: [phone]\n  respond: {within: 7 working days, strength: guarantee}\n"
    assert strict(in_sector(charter(sections), "water"), "CH401") == []
    assert strict(in_sector(charter("feedback:\n  channels: [phone]\n"), "water"), "CH401") == [
        ("CH401", 14, 1, DISPUTES.format(sector="water") + RIGHTS_GO_HERE)]


BILL_STANDARD = """\
standards:
  - id: bill-accuracy
    channels: [phone]
    matter: {matter}
    commitments:
      respond: {{within: 10 working days}}
"""


def test_a_timed_answer_to_questions_about_a_bill_is_the_dispute_process() -> None:
    # a water company's guarantee scheme: a question about the accuracy of a bill is answered within
    # 10 working days, with an automatic payment when it is not; that is where a bill is disputed
    bills = BILL_STANDARD.format(matter="the accuracy of your bill or account")
    assert strict(in_sector(charter(bills), "water"), "CH401") == []
    services = BILL_STANDARD.format(matter="the water services we provide to your home")
    assert strict(in_sector(charter(services), "water"), "CH401") == [
        ("CH401", 20, 1, DISPUTES.format(sector="water") + ' ("rights:" goes here, after "standards")')]
    untimed = BILL_STANDARD.format(matter="your bill").replace("{within: 10 working days}", "{text: Promptly.}")
    assert len(strict(in_sector(charter(untimed), "water"), "CH401")) == 1


@pytest.mark.parametrize("sector", ["charity", "software", "saas"])
def test_sectors_that_answer_to_no_ombudsman_are_not_asked_for_one(sector: str) -> None:
    # an animal welfare charity; a developer platform's and an API vendor's support SLAs
    assert strict(in_sector(charter(), sector), "CH405") == []
    assert strict(in_sector(charter(), "local_government"), "CH405") == [
        ("CH405", 14, 1, EXTERNAL + ESCALATION_GOES_HERE)]


def test_a_software_support_policy_is_its_own_after_purchase_support() -> None:
    assert strict(in_sector(charter(), "software"), "CH402") == []
    assert strict(in_sector(charter(), "retail"), "CH402") == [
        ("CH402", 14, 1, AFTER_PURCHASE.format(sector="retail") + RIGHTS_GO_HERE)]


COMPLAINTS_CODE = """\
charter_format: 1
title: Example Broadband complaints code
organization:
  name: Example Water
  sector: telecom
overview:
  mission: How to complain and what to expect.
channels:
  - {id: phone, type: phone, hours: always}
  - {id: email, type: email, hours: always}
feedback:
  channels: [phone, email]
  acknowledge: {within: 2 working days}
  respond: {within: 10 working days}
review:
  last_reviewed: 2025-06-01
"""


def test_a_complaints_code_is_not_where_after_purchase_support_is_described() -> None:
    # two broadband providers' complaints codes of practice: the channels promise nothing of their
    # own; the complaint timescales under feedback are the whole charter
    assert strict(COMPLAINTS_CODE, "CH402") == []
    # a channel with a time of its own makes it a service charter again, which is asked
    service = COMPLAINTS_CODE.replace("{id: email, type: email, hours: always}",
                                      "{id: email, type: email, hours: always, commitments: {respond: {within: 2 days}}}")
    assert [code for code, *_ in strict(service, "CH402")] == ["CH402"]


@pytest.mark.parametrize(("sector", "options", "reported"), [
    # a developer platform's enterprise support and an API vendor's SLA: no accessibility
    # provision named, and none asked for by their reviewers
    ("software", None, False),
    ("saas", None, False),
    ("software", {"CH409": {"exempt-sectors": []}}, True),
    ("bank", None, True),
])
def test_software_support_policies_are_not_asked_for_accessibility(
        sector: str, options: dict[str, object] | None, reported: bool) -> None:
    text = ANSWERED_PHONE_HEAD.replace("organization:\n  name: Example Water\n",
                                       f"organization:\n  name: Example Water\n  sector: {sector}\n") + REVIEW
    assert sector in text
    found = strict(text, "CH409", **({"options": options} if options else {}))
    assert [code for code, *_ in found] == (["CH409"] if reported else [])


def test_a_body_for_certain_matters_needs_no_after() -> None:
    # a New South Wales council: the state's anti-corruption commission takes only corrupt conduct
    corruption = "    - body: Independent Commission Against Corruption\n      type: regulator\n"
    alone = charter("escalation:\n  external:\n" + corruption)
    assert [code for code, *_ in strict(alone, "CH406")] == ["CH406"]
    limited = charter("escalation:\n  external:\n" + corruption + "      matters: suspected corrupt conduct\n")
    assert strict(limited, "CH406") == []
    assert strict(limited, "CH013") == []  # the schema takes the field

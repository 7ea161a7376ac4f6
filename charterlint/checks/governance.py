"""CH401, CH402, CH404 and CH406-CH409: disputes and after-purchase support where the sector calls
for them, escalation stages' timescales and triggers, team, performance reporting and accessibility.

CH403 only requires a non-empty list and is a generic check its rule file describes
(`function: min-count`): it needs no code here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from charterlint.charter.duration import Duration, parse_duration
from charterlint.charter.subjects import describe
from charterlint.charter.views import Standard, charter_index, commitment_variants, country
from charterlint.checks.context import Context
from charterlint.checks.omnichannel import is_complaints_procedure
from charterlint.checks.promises import charter_texts
from charterlint.source.document import Document, Problem
from charterlint.source.pointer import join


def _missing(data: dict[str, Any], message: str, *path: str) -> Problem:
    """A finding for a member missing at `path`: at the deepest mapping on the path that exists,
    or, when the whole section is missing, at the missing member (the engine places it where the
    writer would add the section). A present but empty list (`stages: []`) is the offending value.
    """
    if not isinstance(data.get(path[0]), dict):
        return Problem(message, join("", *path))
    pointer, node = "", data
    for name in path[:-1]:
        child = node.get(name)
        if not isinstance(child, dict):
            break
        pointer, node = join(pointer, name), child
    else:
        if path[-1] in node:
            return Problem(message, join(pointer, path[-1]))
    return Problem(message, pointer, anchor="container")


def _section(data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name)
    return value if isinstance(value, dict) else {}


def _entries(data: dict[str, Any], section: str, name: str) -> list[Any]:
    value = _section(data, section).get(name)
    return value if isinstance(value, list) else []


def _sector_in(data: dict[str, Any], option: Any) -> str | None:
    """The organisation's sector when the rule's `sectors` option lists it; None otherwise
    (a charter that names no sector gives no evidence that the rule applies)."""
    sector = _section(data, "organization").get("sector")
    listed = {str(s) for s in option} if isinstance(option, (list, tuple)) else set()
    return sector if isinstance(sector, str) and sector in listed else None


def _organisation(data: dict[str, Any]) -> str:
    name = _section(data, "organization").get("name")
    return f'"{name}"' if isinstance(name, str) else "the organisation"


# A standard's matter about what the customer is billed or charged ("the accuracy of your bill").
_BILL_MATTER = re.compile(r"(?i)(?<![a-z])(?:bill(?:s|ed|ing)?|charges?|charged)(?![a-z])")


def _answers_bill_questions(standard: Standard) -> bool:
    """Whether a standard promises, within a time, a reply to or a resolution of a matter about bills
    or charges: a water company answers "a question about the accuracy of your bill" within 10
    working days. That is where a customer disputes a bill."""
    matter = standard.data.get("matter")
    return (isinstance(matter, str) and _BILL_MATTER.search(matter) is not None
            and any(p.event in ("respond", "resolve") and p.within is not None for p in standard.promises()))


def dispute_process_missing(document: Document, context: Context) -> Iterator[Problem]:
    """CH401: an organisation that bills, charges or repairs says nothing of how disputes are
    settled: no `rights.disputes`, no escalation stage and no external body."""
    data = document.data
    sector = _sector_in(data, context.options.get("sectors"))
    if sector is None or "disputes" in _section(data, "rights"):
        return
    if _entries(data, "escalation", "stages") or _entries(data, "escalation", "external"):
        return  # the complaints route is the dispute process
    if {"acknowledge", "respond"} & set(_section(data, "feedback")):
        return  # so is a complaints procedure with a timescale
    if any(_answers_bill_questions(standard) for standard in charter_index(document).standards):
        return  # and so is a timed answer to questions about a bill
    yield _missing(
        data,
        f'no dispute process, yet {_organisation(data)} bills customers (sector '
        f'"{sector}"): add rights.disputes (how disagreements over bills, charges or repairs are settled) '
        "or an escalation route",
        "rights", "disputes",
    )


def _answer_limits(feedback: dict[str, Any]) -> list[Duration]:
    """The limits the complaints procedure gives its answer (each `within` of `respond` and `resolve`)."""
    limits = (parse_duration(commitment.get("within")) for event in ("respond", "resolve")
              for _, commitment in commitment_variants(event, feedback.get(event)))
    return [limit for limit in limits if limit is not None]


def escalation_path_missing(document: Document, context: Context) -> Iterator[Problem]:
    """CH403: no escalation stage, and no external body the customer may turn to once the
    organisation has handled the complaint. A complaint answered by the organisation and then
    an ombudsman (`after: 8 weeks` or `final response`) is a complete route: the regulated one of
    UK, Channel Islands and Irish banks, insurers, energy suppliers and water companies. So is an
    ombudsman with no `after` once the procedure times its answer: the customer turns to it when the
    answer is due, and the missing trigger is CH406's finding."""
    data = document.data
    if _entries(data, "escalation", "stages"):
        return
    feedback = _section(data, "feedback")
    bodies = [body for body in _entries(data, "escalation", "external") if isinstance(body, dict)]
    timed_answer = bool(_answer_limits(feedback))
    # a complaints procedure (its channels, or its answer: where it is made may be missing, which
    # is CH104's finding) followed by an external body
    procedure = any(feedback.get(key) for key in ("channels", "acknowledge", "respond"))
    if procedure and any("after" in body or (body.get("type") == "ombudsman" and timed_answer) for body in bodies):
        return
    yield _missing(data, "no escalation stages (add escalation.stages: who reviews a matter the customer "
                         "wants raised higher, and how quickly)", "escalation", "stages")


# A business that sells IT support, filed under sector `other`: "managed IT service provider", "IT
# services provider", "help desk services" (capital "IT" only: not the pronoun). Like a software
# vendor's support desk, no ombudsman takes its service complaints.
_IT_SERVICES = re.compile(r"(?<!\w)(?:IT(?=\s|$)|(?i:information\s+technology|help\s*desk|service\s*desk|"
                          r"technical\s+support))(?!\w)")


def _sector_answers_to_a_body(data: dict[str, Any], options: Mapping[str, Any]) -> bool:
    """Whether the organisation answers to an external body: not when its sector is exempt (the
    `exempt-sectors` option), when it is a business selling IT support (as a software vendor's), or when its
    country is one of the `bodies-by-country` option's and its sector is not among those that
    country gives a body (US cities, colleges and IT desks answer to none; its hospitals and banks do)."""
    if _sector_in(data, options.get("exempt-sectors")) is not None:
        return False
    organization = _section(data, "organization")
    if organization.get("sector") in (None, "other") and any(
            isinstance(organization.get(key), str) and _IT_SERVICES.search(organization[key])
            for key in ("name", "sector_description")):
        return False
    by_country = options.get("bodies-by-country")
    sectors = by_country.get(country(data) or "") if isinstance(by_country, Mapping) else None
    if isinstance(sectors, (list, tuple)):
        return _sector_in(data, sectors) is not None
    return True


def external_review_missing(document: Document, context: Context) -> Iterator[Problem]:
    """CH405: no external body to escalate to, unless the organisation answers to none
    (_sector_answers_to_a_body: a local charity or a software vendor's support desk answers to no
    ombudsman)."""
    data = document.data
    if _entries(data, "escalation", "external"):
        return
    if not _sector_answers_to_a_body(data, context.options):
        return
    yield _missing(data, "no external body to escalate to (add escalation.external: an ombudsman, regulator, "
                         "adr scheme or independent reviewer)", "escalation", "external")


def after_purchase_missing(document: Document, context: Context) -> Iterator[Problem]:
    """CH402: an organisation that sells products says nothing of support after the purchase."""
    data = document.data
    sector = _sector_in(data, context.options.get("sectors"))
    if sector is None or "after_purchase" in _section(data, "rights"):
        return
    if is_complaints_procedure(data, charter_index(document)):
        return  # a complaints code is not where after-purchase support is described
    yield _missing(
        data,
        f'no after-purchase support, yet {_organisation(data)} sells products (sector "{sector}"): add '
        "rights.after_purchase (what customers can expect for issues months or years after purchase)",
        "rights", "after_purchase",
    )


# "We send our final response within 8 weeks": the organisation's last word on the complaint.
_FINAL_RESPONSE = re.compile(r"(?<!\w)final\s+(?:response|reply|decision|answer)(?!\w)", re.IGNORECASE)


def _final_response_timed(data: dict[str, Any]) -> bool:
    """Whether `feedback.respond` promises the final response within a time (its text says so)."""
    respond = _section(data, "feedback").get("respond")
    return any("within" in commitment and isinstance(commitment.get("text"), str)
               and _FINAL_RESPONSE.search(commitment["text"]) is not None
               for _, commitment in commitment_variants("", respond))


def _internal_process_bounded(data: dict[str, Any]) -> bool:
    """Whether an external body opens when the complaint's own limit passes: its `after` is the
    `within` of `feedback`'s respond or resolve. The internal stages then run inside that limit,
    since the customer may leave them for the external body once it is over (an insurer resolves
    complaints within 45 calendar days, and the financial ombudsman takes them after 45)."""
    limits = _answer_limits(_section(data, "feedback"))
    opens = [parse_duration(body.get("after")) for body in _entries(data, "escalation", "external")
             if isinstance(body, dict)]
    return any(after is not None and limit.same_limit(after) for limit in limits for after in opens)


def escalation_stage_without_timescale(document: Document, context: Context) -> Iterator[Problem]:
    """CH404: an escalation stage with no `respond`, unless `feedback` promises the final response
    within a time, or an external body opens when the complaint's own limit passes: either bounds
    every internal stage. A stage marked `internal: false` is bounded by neither."""
    data = document.data
    final_response_timed = _final_response_timed(data)
    internal_bounded = _internal_process_bounded(data)
    for index, stage in enumerate(_entries(data, "escalation", "stages")):
        if final_response_timed or (internal_bounded and isinstance(stage, dict) and stage.get("internal") is not False):
            continue
        if isinstance(stage, dict) and "respond" not in stage:
            pointer = join("/escalation/stages", index)
            # a stage that only acknowledges has a time, but not for the answer the customer waits for
            missing = "no time for its answer, only for acknowledging" if "acknowledge" in stage else "no timescale"
            yield Problem(f'{describe(data, pointer)} has {missing} (add respond: {{within: ...}}, '
                          'e.g. "10 working days")', pointer, anchor="container")


# Kinds of body a customer may usually turn to at any time: a regulator, an advice service.
_OPEN_TYPES = frozenset({"regulator", "independent_reviewer"})


def external_trigger_missing(document: Document, context: Context) -> Iterator[Problem]:
    """CH406: an external body does not say when the customer may go there. Once one body says
    when, a regulator or independent reviewer without `after` is taken as open at any time (a
    consumer advice line beside the energy ombudsman's 8 weeks); an ombudsman or ADR scheme is not.
    A body that takes only certain `matters` (corrupt conduct) is approached directly: no `after` applies."""
    bodies = list(enumerate(_entries(document.data, "escalation", "external")))
    timed = any(isinstance(body, dict) and "after" in body for _, body in bodies)
    for index, body in bodies:
        if (not isinstance(body, dict) or "after" in body or "matters" in body
                or (timed and body.get("type") in _OPEN_TYPES)):
            continue
        yield Problem(
            f'external body "{body.get("body", index + 1)}" does not say when the customer may go there '
            '(add after, e.g. "8 weeks" or "final response")',
            join("/escalation/external", index),
            anchor="container",
        )


def team_accountability_missing(document: Document, context: Context) -> Iterator[Problem]:
    """CH407: a `team` section that says nothing of the people who deliver the service: no
    training, accreditations or accountability (only the writer's own `x-` data, or nothing).
    Training without accountability, or no `team` at all, is not reported (see rules/CH407.yaml)."""
    team = document.data.get("team")
    if isinstance(team, dict) and not {"training", "accreditations", "accountability"} & set(team):
        yield Problem(
            "team is empty: say who owns a customer's matter until it is resolved, or how staff are "
            "trained, or remove the section (add team.accountability)",
            "/team",
            anchor="container",
        )


def performance_reporting_missing(document: Document, context: Context) -> Iterator[Problem]:
    """CH408: some commitment has a target share but results are not published."""
    targets = [c["target"] for _, _, c in charter_index(document).commitments if "target" in c]
    if not targets or _section(document.data, "performance").get("published") is True:
        return
    count = f"{len(targets)} commitment sets" if len(targets) == 1 else f"{len(targets)} commitments set"
    yield _missing(
        document.data,
        f'results are not published, yet {count} a target share such as "{targets[0]}" '
        "(publish results against them and set performance.published: true)",
        "performance", "published",
    )


# A provision stated in words: a named aid ("large print", "an interpreter"), a response in an
# accessible format, accessible premises, or an offer to people with a named impairment ("if you
# have hearing, visual or physical difficulties, please tell us"). A bare "accessible" ("a clear,
# accessible complaints code", a value of "accessibility") is not one.
_PROVISION_IN_WORDS = re.compile(
    r"(?<!\w)(?:large\s+print|braille|easy\s+read|sign\s+language|BSL|interpret(?:er|ers|ing\s+services?)|"
    r"(?:hearing|induction)\s+loops?|(?:text\s+)?relay\s+(?:service|UK)|typetalk|textphones?|minicom|wheelchairs?|"
    r"reasonable\s+adjustments?|(?:accessible|alternative)\s+formats?|formats?\s+(?:(?:that|which)\s+(?:is|are)\s+)?accessible|"
    r"accessible\s+(?:premises|buildings?|entrances?|toilets?|parking|waiting\s+areas?|rooms?|offices?)|"
    r"(?:premises|buildings?|offices?|waiting\s+areas?|receptions?)\s+(?:is|are)\s+(?:fully\s+)?accessible|"
    r"(?:hearing|visual|sight|speech|physical|mobility|learning)\b[^.;\n]{0,40}?"
    r"(?<!\w)(?:difficult(?:y|ies)|impair(?:ed|ment|ments)|disabilit(?:y|ies)|needs))(?!\w)",
    re.IGNORECASE)


def _provision_in_words(document: Document) -> bool:
    """Whether a text the customer reads states an accessibility provision (see _PROVISION_IN_WORDS)."""
    return any(_PROVISION_IN_WORDS.search(text.value) is not None for text in charter_texts(document))


def accessibility_missing(document: Document, context: Context) -> Iterator[Problem]:
    """CH409: neither the organisation (top-level `accessibility`) nor any channel lists provisions,
    nor does any text state one in words, unless the sector is one of the `exempt-sectors` option
    (software vendors' support policies)."""
    if document.data.get("accessibility"):
        return
    if _sector_in(document.data, context.options.get("exempt-sectors")) is not None:
        return
    if not any(channel.data.get("accessibility") for channel in charter_index(document).channels) \
            and not _provision_in_words(document):
        yield Problem(
            "no channel lists accessibility provisions (add accessibility to the channels that offer them, "
            "e.g. [relay_service, large_print, interpreter])",
            "/channels",
            anchor="key",
        )

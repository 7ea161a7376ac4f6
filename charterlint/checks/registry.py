"""The built-in checks, by the name a built-in rule file gives in `check:`.

An explicit table, as a rule pack lists its checks (`RulePack.checks`): a check is imported
here by name, so renaming or removing one fails when charterlint is imported, not when a
rule binds at run time; and a rule file naming a check that is not here is refused when the
rules load (ruleset.rule). tests/ruleset/test_registry.py checks that every rule file names
a check of this table and every check here serves exactly one rule file. A literal dict a
function returns, as checks.generic's table is: nothing fills it at import time.

Rules the engine applies itself (`check: engine`) and rules whose `check:` is a generic
check (a mapping, checks/generic.py) need no entry.
"""

from __future__ import annotations

from charterlint.checks import (
    bodies,
    contradictions,
    escapes,
    format_gaps,
    governance,
    key_commitments,
    omnichannel,
    phrases,
    prose,
    prose_limits,
    quality,
    references,
    review,
    self_service,
)
from charterlint.checks.context import Check


def builtin_checks() -> dict[str, Check]:
    """Every built-in check function by its name in rule files."""
    return {
        # the file itself: run before every other check (their rules gate the content rules)
        "unknown_references": references.unknown_references,
        "duplicate_ids": references.duplicate_ids,
        # omnichannel commitments
        "missing_channel_commitment": omnichannel.missing_channel_commitment,
        "after_hours_without_follow_up": omnichannel.after_hours_without_follow_up,
        "chatbot_without_human_follow_up": omnichannel.chatbot_without_human_follow_up,
        "feedback_only_via_separate_channel": omnichannel.feedback_only_via_separate_channel,
        "feedback_not_on_channel": omnichannel.feedback_not_on_channel,
        "escalation_requires_channel_switch": omnichannel.escalation_requires_channel_switch,
        "clock_hours_on_limited_channel": omnichannel.clock_hours_on_limited_channel,
        "self_service_without_purpose": self_service.self_service_without_purpose,
        "self_service_single_channel": self_service.self_service_single_channel,
        "overview_without_channel_statement": omnichannel.overview_without_channel_statement,
        "key_commitment_missing": key_commitments.key_commitment_missing,
        # review
        "stale_review": review.stale_review,
        "next_review_overdue": review.next_review_overdue,
        "review_date_in_future": review.review_date_in_future,
        "review_cadence_missing": review.review_cadence_missing,
        "obsolete_channels": review.obsolete_channels,
        # commitment quality
        "vague_commitments": phrases.vague_commitments,
        "hedged_statements": phrases.hedged_statements,
        "range_targets": quality.range_targets,
        "average_targets": quality.average_targets,
        "ambiguous_day_units": quality.ambiguous_day_units,
        "business_units_without_calendar": quality.business_units_without_calendar,
        "acknowledgement_only": quality.acknowledgement_only,
        "commitment_order": quality.commitment_order,
        "mixed_day_units": quality.mixed_day_units,
        "weak_commitments": quality.weak_commitments,
        "escape_clauses": escapes.escape_clauses,
        # rights, team, escalation, reporting (the rules that only require a field use generic checks)
        "dispute_process_missing": governance.dispute_process_missing,
        "escalation_path_missing": governance.escalation_path_missing,
        "external_review_missing": governance.external_review_missing,
        "after_purchase_missing": governance.after_purchase_missing,
        "escalation_stage_without_timescale": governance.escalation_stage_without_timescale,
        "external_trigger_missing": governance.external_trigger_missing,
        "team_accountability_missing": governance.team_accountability_missing,
        "performance_reporting_missing": governance.performance_reporting_missing,
        "accessibility_missing": governance.accessibility_missing,
        # forms the format records so that a rule reports them
        "hours_not_published": format_gaps.hours_not_published,
        "calendar_never_open": format_gaps.calendar_never_open,
        "review_date_missing": format_gaps.review_date_missing,
        "ambiguous_clocks": format_gaps.ambiguous_clocks,
        "external_body_names": bodies.external_body_names,
        # sections that contradict each other
        "complaint_slower_than_channel": contradictions.complaint_slower_than_channel,
        "escalation_via_missing_channel": contradictions.escalation_via_missing_channel,
        "appointment_contradicts_walk_in": contradictions.appointment_contradicts_walk_in,
        "clock_start_mismatch": contradictions.clock_start_mismatch,
        # Markdown prose
        "unlisted_channels": prose.unlisted_channels,
        "prose_contradicts_data": prose_limits.prose_contradicts_data,
    }

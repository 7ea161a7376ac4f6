"""A change of promise between two versions of a charter, before it becomes a finding.

Comparisons say what changed by *kind*, as the loaders and the schema report problems by kind:
each kind is reported under the one rule whose file declares it (`engine.compares` in
rules/CH6xx.yaml), so no code here knows a rule code.
"""

from __future__ import annotations

from dataclasses import dataclass

# The change kinds, each declared by exactly one rule file (diff.rules checks it).
BASE_UNUSABLE = "base-unusable"
CHARTER_REMOVED = "charter-removed"
CHANNEL_REMOVED = "channel-removed"
FOLLOW_UP_REMOVED = "human-follow-up-removed"
COMMITMENT_REMOVED = "commitment-removed"
LIMIT_LENGTHENED = "time-limit-lengthened"
TARGET_LOWERED = "target-lowered"
STATISTIC_WEAKENED = "statistic-weakened"
STRENGTH_SOFTENED = "strength-softened"
HOURS_REDUCED = "opening-hours-reduced"
FEEDBACK_CHANNEL_REMOVED = "feedback-channel-removed"
STAGE_REMOVED = "escalation-stage-removed"
EXTERNAL_BODY_REMOVED = "external-body-removed"
ACCESSIBILITY_REMOVED = "accessibility-removed"
CADENCE_LENGTHENED = "review-cadence-lengthened"
STRENGTHENED = "promise-strengthened"
INCOMPARABLE = "change-not-comparable"

KINDS = (
    BASE_UNUSABLE, CHARTER_REMOVED, CHANNEL_REMOVED, FOLLOW_UP_REMOVED, COMMITMENT_REMOVED, LIMIT_LENGTHENED,
    TARGET_LOWERED, STATISTIC_WEAKENED, STRENGTH_SOFTENED, HOURS_REDUCED, FEEDBACK_CHANNEL_REMOVED, STAGE_REMOVED,
    EXTERNAL_BODY_REMOVED, ACCESSIBILITY_REMOVED, CADENCE_LENGTHENED, STRENGTHENED, INCOMPARABLE,
)


@dataclass(frozen=True, slots=True)
class Change:
    """One change: its kind, what it says, where it is in the new version and, for a removal,
    where the removed part was in the base (the finding names that line).

    `identity` names the change without positions (what changed, from what to what): the
    finding's locus, so a baseline entry keeps matching when lines move.
    """

    kind: str
    message: str
    pointer: str
    identity: str
    anchor: str = "value"
    base_pointer: str | None = None  # set for removals: the message gains "(was line N in base)"

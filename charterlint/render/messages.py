"""The words of the published charter's templates, in one place: headings, labels, names of kinds.

English by default. An organisation translates or rewords them with a YAML file of the same keys
(configuration `render.messages`); keys it leaves out keep these words. The catalogue takes in
the words of commitment sentences (`wording.*`, from charter.wording) and of opening hours
(`opening.*`, from charter.opening), so one file translates the whole page.
"""

from __future__ import annotations

from collections.abc import Mapping

from charterlint.charter import opening, wording

MESSAGES: Mapping[str, str] = {
    **wording.WORDS,
    **opening.WORDS,
    # the page
    "skip_link": "Skip to the charter",
    "contents": "Contents",
    "draft_banner": "DRAFT: this charter has not passed its checks and is not for publication.",
    "draft_word": "DRAFT",
    "generated": "Published from the charter source checked by charterlint.",
    # sections
    "heading.overview": "About us",
    "heading.vision": "Our vision",
    "heading.mission": "Our mission",
    "heading.values": "Our values",
    "heading.contact": "How to contact us",
    "heading.at_a_glance": "Our channels at a glance",
    "heading.standards": "Our service standards",
    "heading.self_service": "Help yourself, at any time",
    "heading.rights": "Your rights",
    "heading.disputes": "If you disagree with a decision",
    "heading.after_purchase": "After you buy from us",
    "heading.team": "Our people",
    "heading.feedback": "Feedback and complaints",
    "heading.escalation": "If you are still unhappy",
    "heading.external": "Independent help",
    "heading.accessibility": "Accessibility",
    "heading.performance": "How we are doing",
    "heading.about_charter": "More about our service",
    "heading.review": "About this charter",
    "heading.changes": "Changes to this charter",
    # labels
    "label.channel": "Channel",
    "label.address": "Contact",
    "label.hours": "Opening hours",
    "label.promises": "Our promises",
    "label.after_hours": "Out of hours",
    "label.handoff": "Talking to a person",
    "label.accessibility": "Accessibility",
    "label.available_via": "Also reachable through",
    "label.visit": "Go to",
    "label.stage": "Stage",
    "label.how_to_ask": "How to ask",
    "label.our_reply": "Our reply",
    "label.body": "Organisation",
    "label.when": "When you can go to them",
    "label.deadline": "Time you have",
    "label.contact": "Contact",
    "label.date": "Date",
    "label.change": "What changed",
    "label.last_reviewed": "Last reviewed",
    "label.next_review": "Next review",
    "label.published": "Published",
    "label.owner": "Owner",
    "label.cadence": "Reviewed every",
    "label.undated": "This charter does not state when it was last reviewed.",
    "label.period": "Period",
    "label.training": "Training",
    "label.accreditations": "Accreditations",
    "label.accountability": "Accountability",
    "label.measured_by": "How we measure",
    "label.results": "Our results",
    # sentences around the data ({name} is filled in)
    "text.handoff": "If {name} cannot help, a person takes over in {target} while it is open.",
    "text.feedback_channels": "Tell us on any of these channels: {channels}.",
    "text.escalation_internal": "a review inside our organisation",
    "text.escalation_independent": "a review independent of the teams involved",
    "text.after_final": "after our final response",
    "text.after_any": "at any time",
    "text.after": "{period} after you first complained",
    "text.deadline": "within {period}",
    "text.period": "for {period}",
    "text.accessibility_everywhere": "On every channel we offer: {provisions}.",
    "text.published": "We publish our results {frequency}.",
    "text.not_published": "We do not publish our results against these promises.",
    "text.next_review_due": "{date} at the latest",
    # kinds of channel (`type`)
    "channel.phone": "Phone",
    "channel.email": "Email",
    "channel.live_chat": "Web chat",
    "channel.chatbot": "Virtual assistant",
    "channel.social_media": "Social media",
    "channel.sms": "Text message",
    "channel.messaging": "Messaging",
    "channel.web_form": "Online form",
    "channel.portal": "Online portal",
    "channel.app": "App",
    "channel.in_person": "In person",
    "channel.post": "Post",
    "channel.video": "Video call",
    "channel.voicemail": "Voicemail",
    "channel.fax": "Fax",
    "channel.community_forum": "Community forum",
    # kinds of self-service
    "self_service.knowledge_base": "Help centre",
    "self_service.portal": "Online portal",
    "self_service.app": "App",
    "self_service.online_account": "Online account",
    "self_service.ivr": "Automated phone line",
    "self_service.community": "Community",
    # kinds of external body
    "external.ombudsman": "Ombudsman",
    "external.regulator": "Regulator",
    "external.adr": "Alternative dispute resolution",
    "external.independent_reviewer": "Independent reviewer",
    # how often results are published
    "frequency.monthly": "every month",
    "frequency.quarterly": "every quarter",
    "frequency.six_monthly": "every six months",
    "frequency.annual": "every year",
    # accessibility provisions (others are shown with `_` as spaces)
    "accessibility.relay_service": "relay service for deaf and speech-impaired customers",
    "accessibility.interpreter": "interpreters",
    "accessibility.large_print": "large print",
    "accessibility.braille": "braille",
    "accessibility.bsl_video": "British Sign Language video",
    "accessibility.hearing_loop": "hearing loop",
    "accessibility.easy_read": "easy read",
    "accessibility.step_free_access": "step-free access",
    "accessibility.audio": "audio",
}


def label(messages: Mapping[str, str], family: str, keyword: str) -> str:
    """The words for a keyword of a family (`channel`, `phone`): the catalogue's, else the keyword
    with `_` as spaces."""
    return messages.get(f"{family}.{keyword}") or keyword.replace("_", " ")

"""Channels named in prose: the words for each type of the format, and contact details.

`mentions` finds, in a piece of text, the channel types it names (with a social platform where
it names one); earlier patterns win where two overlap ("email form" is a web form, not email).
Voicemail and answer machines are read as the phone line's (the format's `voicemail` type is
for a line of its own, which prose rarely tells apart). Text relay, BSL video, large print and
the like are accessibility provisions, not channels (`provisions`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_I = re.IGNORECASE
_PLATFORMS = {"facebook": "facebook", "twitter": "x", "instagram": "instagram", "linkedin": "linkedin",
              "tiktok": "tiktok", "youtube": "youtube", "threads": "threads", "bluesky": "bluesky",
              "mastodon": "mastodon", "whatsapp": "whatsapp", "messenger": "messenger", "slack": "slack",
              "microsoft teams": "teams", "telegram": "telegram", "wechat": "wechat", "x": "x"}
_PLATFORM = r"(?:Facebook|Twitter|Instagram|LinkedIn|TikTok|YouTube|Bluesky|Mastodon)"
# (type, pattern): the order settles overlaps.
_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("web_form", re.compile(r"\b(?:online|web|website|contact|complaints?|enquiry|feedback|e-?mail|secure|support|"
                            r"request)[\s-]+form"
                            r"s?\b|\bform on our (?:website|web site|site)\b", _I)),
    ("chatbot", re.compile(r"\bchat[\s-]?bots?\b|\bvirtual (?:assistant|agent)s?\b|\bAI assistant\b", _I)),
    ("live_chat", re.compile(r"\blive[\s-]?chat\b|\bweb[\s-]?chat\b|\bonline chat\b|\bchat (?:to|with) (?:us|an? "
                             r"(?:adviser|advisor|agent|member of (?:our|the) team))\b", _I)),
    ("accessibility", re.compile(r"\btext[\s-]?relay\b|\bRelay UK\b|\btextphones?\b|\bminicom\b|\btypetalk\b", _I)),
    ("messaging", re.compile(r"\bWhatsApp\b|\b(?:Facebook )?Messenger\b|\bSlack\b|\bMicrosoft Teams\b|\bTelegram\b|"
                             r"\bWeChat\b|\bsecure messag\w*|\binstant messag\w*|\bin-app messag\w*", _I)),
    ("social_media", re.compile(r"\bsocial media\b|\b" + _PLATFORM + r"\b|(?<=\bon )X\b|\bX\b(?= \(formerly)"
                                r"|(?<=\band )X\b(?=[ ,.;]|$)|\bX\b(?= and " + _PLATFORM + r")")),
    ("sms", re.compile(r"\bSMS\b|\btext messag\w*|\btext us\b|\btexting\b", _I)),
    ("video", re.compile(r"\bvideo[\s-]?(?:call|chat|appointment)s?\b", _I)),
    ("fax", re.compile(r"\bfax(?:es|ed|ing)?\b|\bfacsimile\b", _I)),
    ("portal", re.compile(r"\b(?:support|customer|client|online|self[\s-]service|help ?desk) portal\b|\bportal\b", _I)),
    ("email", re.compile(r"\be-?mail(?:s|ed|ing)?\b", _I)),
    ("post", re.compile(r"\bletters?\b|\bwrit(?:e|ing) to (?:us|the|our|PALS)\b|\b(?:you|customers?) (?:can |may )?write\b|"
                        r"\bwritten correspondence\b|\bcorrespondence\b|\bby post\b|\bpost(?:al)? address\b|"
                        r"\bPO Box\b|\bFreepost\b", _I)),
    ("in_person", re.compile(r"\bin person\b|\bface[\s-]to[\s-]face\b|\bbranch(?:es)?\b|\breception\b|\bcounters?\b|"
                             r"\bdrop-in\b|\bwalk-in\b|"
                             r"\b(?:our|local|nearest|any of our|one of our|at the|visit the) offices?\b(?! hours)|"
                             r"\b(?:information |help |service )?desk\b(?<!(?-i:D)esk)|"  # not a team's name ("Service Desk")
                             r"\bvisit(?:s|ing|or|ors)?\b(?! (?:to )?(?:our|the|this) (?:web ?site|site|page|online))|"
                             r"\bcome (?:in|to (?:see us|the|our|us))\b|\bward\b", _I)),
    ("phone", re.compile(r"\b(?:tele)?phon(?:e|es|ed|ing)\b|\bfreephone\b|\bcall(?:s|ed|ing)?\b|\bhelp ?lines?\b|"
                         r"\bcontact cent(?:re|er)\b|\bcall cent(?:re|er)\b|\blandline\b|\bvoicemail\b|"
                         r"\banswer(?:ing)? ?(?:machine|phone)\b|\bhotline\b|\brings?\b", _I)),
)
PHONE_NUMBER = re.compile(r"(?<![\w+/.-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d[\d\s.-]{6,16}\d(?![\w/-])")
EMAIL_ADDRESS = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+")
WEB_ADDRESS = re.compile(r"\bhttps?://[^\s<>()\"']+|\bwww\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\s<>()\"']*", _I)
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b")
_ADDRESS = re.compile(r"(?:(?:[A-Z0-9][\w'&.-]*|PO Box|and|upon|on|of|the)[ ,]+){1,10}" + POSTCODE.pattern)
_PROVISIONS = (("relay_service", re.compile(r"\btext[\s-]?relay\b|\bRelay UK\b|\btextphones?\b|\bminicom\b|"
                                            r"\btypetalk\b", _I)),
               ("bsl_video", re.compile(r"\bBSL\b|\bBritish Sign Language\b|\bsign language\b", _I)),
               ("interpreter", re.compile(r"\binterpret(?:er|ers|ing)\b", _I)),
               ("large_print", re.compile(r"\blarge print\b", _I)),
               ("braille", re.compile(r"\bbraille\b", _I)),
               ("easy_read", re.compile(r"\beasy read\b", _I)),
               ("hearing_loop", re.compile(r"\b(?:hearing|induction) loops?\b", _I)))
CHANNEL_TYPES = tuple(kind for kind, _ in _WORDS if kind != "accessibility")


@dataclass(frozen=True, slots=True)
class Mention:
    """A channel named in text: its type, where, and the platform for social media and messaging."""

    type: str
    start: int
    end: int
    platform: str | None = None


def phone_numbers(text: str) -> list[str]:
    """The phone numbers in `text` (9 to 15 digits, so that dates and PO boxes are not taken)."""
    numbers = []
    for match in PHONE_NUMBER.finditer(text):
        digits = sum(char.isdigit() for char in match.group(0))
        if 9 <= digits <= 15 and not re.fullmatch(r"\d{4}-\d\d-\d\d", match.group(0).strip()):
            numbers.append(match.group(0).strip())
    return numbers


def postal_address(text: str) -> str | None:
    """A postal address ending in a UK postcode, if the text holds one."""
    match = _ADDRESS.search(text)
    return match.group(0).strip(" ,") if match else None


_NUMBER_OWNERS = (("fax", re.compile(r"\bfax\b", _I)), ("sms", re.compile(r"\btext\b|\bSMS\b", _I)))


def _number_kind(before: str) -> str:
    """Whose a number is, from the words just before it ("fax on 0191 ...", "text us on 07700 ...")."""
    return next((kind for kind, pattern in _NUMBER_OWNERS if pattern.search(before)), "phone")


def mentions(text: str) -> list[Mention]:
    """The channels `text` names, in order; contact details count (a number is a phone, an address an email)."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, start: int, end: int, platform: str | None = None) -> None:
        if not any(start < stop and begin < end for begin, stop in taken):
            taken.append((start, end))
            found.append(Mention(kind, start, end, platform))

    for match in EMAIL_ADDRESS.finditer(text):
        add("email", match.start(), match.end())
    for match in WEB_ADDRESS.finditer(text):
        taken.append((match.start(), match.end()))  # an address's words ("/contact-form") name nothing
    for kind, pattern in _WORDS:
        for match in pattern.finditer(text):
            platform = _PLATFORMS.get(match.group(0).lower()) if kind in ("social_media", "messaging") else None
            add(kind, match.start(), match.end(), platform)
    for number in phone_numbers(text):
        start = text.find(number)
        add(_number_kind(text[max(0, start - 30):start]), start, start + len(number))
    postcode = POSTCODE.search(text)
    if postcode is not None:
        add("post", postcode.start(), postcode.end())
    return sorted((m for m in found if m.type != "accessibility"), key=lambda m: m.start)


def types_in(text: str) -> tuple[str, ...]:
    """The channel types `text` names, each once, in the order of CHANNEL_TYPES."""
    named = {mention.type for mention in mentions(text)}
    return tuple(kind for kind in CHANNEL_TYPES if kind in named)


def provisions(texts: Iterable[str]) -> tuple[str, ...]:
    """The accessibility provisions the texts name, as the format's keywords, each once."""
    joined = "\n".join(texts)
    return tuple(keyword for keyword, pattern in _PROVISIONS if pattern.search(joined))

"""Build one clean, realistic charter (as data with emitter hints) from a seeded generator.

"Clean" means: schema-valid and no finding from the recommended rules on BENCH_TODAY.
Defects are added afterwards (benchmarks/defects.py).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from benchmarks import vocabulary as words
from benchmarks.emitter import COMMENT, Date, Flow, FlowList, Folded

BENCH_TODAY = dt.date(2026, 1, 1)  # the runner passes --today with this date

# id, type, name, platform, address kind, commitment kind
CHANNELS = (
    ("phone", "phone", "Customer services", None, "phone", "voice"),
    ("billing-line", "phone", "Billing enquiries", None, "phone", "voice"),
    ("emergency-line", "phone", "Emergencies (24 hours)", None, "phone", "emergency"),
    ("email", "email", "Customer email", None, "email", "async"),
    ("web-chat", "live_chat", "Web chat", None, "/chat", "live"),
    ("assistant", "chatbot", "Robin, our virtual assistant", None, "/chat", "bot"),
    ("whatsapp", "messaging", "WhatsApp", "whatsapp", "mobile", "fast"),
    ("facebook", "social_media", "Facebook Messenger", "facebook", "/facebook", "fast"),
    ("instagram", "social_media", "Instagram", "instagram", "handle", "fast"),
    ("sms", "sms", "Text us", None, "mobile", "fast"),
    ("web-form", "web_form", "Online contact form", None, "/contact", "async"),
    ("portal", "portal", "Customer portal messages", None, "/portal", "async"),
    ("app-messages", "app", "Messages in our app", None, "/app", "async"),
    ("in-person", "in_person", "Customer service centre", None, "street", "visit"),
    ("post", "post", "Letters", None, "street", "slow"),
    ("bsl-video", "video", "British Sign Language video relay", None, "/bsl", "voice"),
    ("call-back", "voicemail", "Call-back line", None, "phone", "async"),
    ("forum", "community_forum", "Community forum", None, "/community", "slow"),
)
_NOUNS = {"phone": "calls", "email": "emails", "live_chat": "chats", "post": "letters",
          "in_person": "visitors", "video": "calls", "voicemail": "messages"}
_ACCESSIBILITY = {"voice": ["relay_service", "interpreter"], "visit": ["hearing_loop", "step_free_access"],
                  "slow": ["large_print", "braille", "audio"], "live": ["screen_reader_tested"]}


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _days_ago(days: int) -> Date:
    return Date((BENCH_TODAY - dt.timedelta(days=days)).isoformat())


def _commitment(rng: random.Random, within: str, text: str | None = None, target: bool = True) -> Flow:
    data = Flow(within=within)
    if target:
        data["target"] = rng.choice(["80%", "85%", "90%", "95%"])
        data["statistic"] = "each"
    if text:
        data["text"] = text
    return data


def _promise(event: str, channel_type: str, commitment: dict[str, Any]) -> str:
    verb = {"answer": "answer", "respond": "reply to", "resolve": "settle"}[event]
    share = f"{commitment['target']} of " if "target" in commitment else "all "
    return f"We will {verb} {share}{_NOUNS.get(channel_type, 'enquiries')} within {commitment['within']}."


def _commitments(rng: random.Random, kind: str, channel_type: str) -> dict[str, Any]:
    days = rng.choice([5, 10, 15])
    resolve = _commitment(rng, f"{days} working days")
    if kind in ("voice", "visit", "live"):
        first = rng.choice({"voice": ["20 seconds", "30 seconds", "60 seconds", "2 minutes"],
                            "visit": ["10 minutes", "15 minutes"], "live": ["1 minute", "2 minutes", "3 minutes"]}[kind])
        answer: dict[str, Any] = _commitment(rng, first)
        if rng.random() < 0.3:
            answer = dict(answer, text=_promise("answer", channel_type, answer))
        return {"answer": answer, "resolve": resolve}
    if kind == "emergency":
        urgent = dict(_commitment(rng, "4 hours"), strength="guarantee",
                       text="Someone will attend a reported emergency within 4 hours, or we pay you compensation.")
        return {"answer": _commitment(rng, "30 seconds"), "respond": urgent}
    reply = {"fast": rng.choice(["15 minutes", "30 minutes", "60 minutes"]), "slow": f"{rng.choice([5, 10])} working days",
             "async": f"{rng.choice([1, 2, 3])} working days"}[kind]
    respond: dict[str, Any] = _commitment(rng, reply)
    if rng.random() < 0.25:
        respond = dict(respond, text=_promise("respond", channel_type, respond))
    result: dict[str, Any] = {}
    if kind == "async" and rng.random() < 0.5:
        result["acknowledge"] = Flow(within="15 minutes", statistic="each")
    result["respond"] = respond
    result["resolve"] = _commitment(rng, f"{days + 10 if kind == 'slow' else days} working days")
    return result


def _address(rng: random.Random, kind: str, domain: str, place: str) -> str:
    if kind == "phone":
        return f"0{rng.randint(300, 899)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    if kind == "mobile":
        return f"+44 7700 {rng.randint(900000, 900999)}"
    if kind == "email":
        return f"help@{domain}"
    if kind == "handle":
        return f"@{_slug(place).replace('-', '')}help"
    if kind == "street":
        return f"Customer Relations, PO Box {rng.randint(10, 999)}, {place}"
    return f"https://www.{domain}{kind}"


def _channel(rng: random.Random, spec: tuple[Any, ...], calendars: list[str], has_chat: bool,
             domain: str, place: str) -> dict[str, Any]:
    ident, kind_of, name, platform, address, kind = spec
    channel: dict[str, Any] = {"id": ident, "type": kind_of, "name": name}
    if platform:
        channel["platform"] = platform
    channel["address"] = _address(rng, address, domain, place)
    channel["hours"] = "always" if kind in ("emergency", "bot") else rng.choice(calendars + ["always"])
    if kind == "bot":
        if has_chat:
            channel["handoff_to"] = "web-chat"
        channel["human_follow_up"] = Flow(within="end of next working day", via="email")
        return channel
    channel["commitments"] = _commitments(rng, kind, kind_of)
    if kind in ("async", "fast", "live"):
        via = "email" if kind == "live" else "same channel"
        channel["human_follow_up"] = Flow(within="end of next working day", via=via)
    if kind in _ACCESSIBILITY and rng.random() < 0.7:
        channel["accessibility"] = FlowList(_ACCESSIBILITY[kind])
    if rng.random() < 0.15:
        channel["x-crm-queue"] = f"{ident}-queue"
    return channel


def _calendars(rng: random.Random, timezone: str) -> list[dict[str, Any]]:
    office: dict[str, Any] = {"id": "office", "timezone": timezone,
                              "open": {"mon-fri": "08:00-18:00", "sat": "09:00-13:00"},
                              "holidays": rng.choice(words.HOLIDAY_TEXTS)}
    if rng.random() < 0.3:
        office["open"] = {"mon-thu": "08:30-17:00", "fri": FlowList(["08:30-12:30", "13:30-16:30"])}
    calendars = [office]
    if rng.random() < 0.7:
        calendars.append({COMMENT: "Chat and messaging are staffed for longer.", "id": "extended",
                          "timezone": timezone, "open": {"mon-fri": "08:00-20:00", "sat-sun": "09:00-17:00"},
                          "holidays": FlowList([Date("2025-12-25"), Date("2026-01-01"), Date("2026-12-25")])})
    return calendars


def _review(rng: random.Random) -> dict[str, Any]:
    age = rng.randint(20, 320)
    last = BENCH_TODAY - dt.timedelta(days=age)
    changes = [Flow(date=Date(last.isoformat()), summary=rng.choice(words.CHANGE_SUMMARIES))]
    for year in range(1, rng.randint(1, 3)):
        when = last - dt.timedelta(days=365 * year + rng.randint(0, 60))
        changes.append(Flow(date=Date(when.isoformat()), summary=rng.choice(words.CHANGE_SUMMARIES)))
    return {"last_reviewed": Date(last.isoformat()),
            "published": Date((last + dt.timedelta(days=min(age - 1, rng.randint(3, 20)))).isoformat()),
            "cadence": "12 months", "next_review": Date((last + dt.timedelta(days=365)).isoformat()),
            "owner": rng.choice(["Head of Customer Experience", "Director of Customer Services", "Chief Operating Officer"]),
            "changes": changes}


def _escalation(rng: random.Random, ids: list[str], sector: str, domain: str) -> dict[str, Any]:
    names = [words.STAGE_NAMES[i] for i in sorted(rng.sample(range(len(words.STAGE_NAMES)), rng.randint(2, 3)))]
    stages = [{"name": names[0], "via": FlowList(ids), "respond": _commitment(rng, "10 working days")}]
    for number, name in enumerate(names[1:], start=2):
        via = FlowList(sorted(rng.sample(ids, min(len(ids), 4)), key=ids.index))
        stages.append({"name": name, "via": via, "respond": _commitment(rng, f"{10 * number} working days")})
    external = [{"body": body, "type": kind, "after": rng.choice(["8 weeks", "final response"]),
                 "customer_deadline": rng.choice(["6 months", "12 months"]),
                 "contact": f"https://www.{_slug(body)}.example"} for body, kind in words.EXTERNAL_BODIES[sector]]
    return {"stages": stages, "external": external}


def _self_service(rng: random.Random, ids: list[str], domain: str) -> list[dict[str, Any]]:
    entries = []
    for ident, kind, name, purpose in rng.sample(words.SELF_SERVICE, rng.randint(1, 2)):
        entries.append({"id": ident, "type": kind, "name": name, "purpose": purpose,
                        "url": f"https://www.{domain}/{ident}",
                        "available_via": FlowList(sorted(rng.sample(ids, 2), key=ids.index)), "hours": "always"})
    return entries


def build_charter(rng: random.Random) -> dict[str, Any]:
    """A clean charter with every section and 6 to 12 channels."""
    sector = rng.choice(sorted(words.SECTOR_NOUNS))
    place = rng.choice(words.PLACES)
    jurisdiction, language, timezone, money, suffix = rng.choice(words.REGIONS)
    org = f"{place} {rng.choice(words.SECTOR_NOUNS[sector])}"
    domain = f"{_slug(org).replace('-', '')}.{suffix}"
    calendars = _calendars(rng, timezone)
    calendar_ids = [calendar["id"] for calendar in calendars]
    essentials, optional = list(CHANNELS[:1]) + [CHANNELS[3]], [c for c in CHANNELS if c[0] not in ("phone", "email")]
    picked = essentials + rng.sample(optional, rng.randint(4, 10))
    picked.sort(key=CHANNELS.index)
    has_chat = any(spec[0] == "web-chat" for spec in picked)
    channels = [_channel(rng, spec, calendar_ids, has_chat, domain, place) for spec in picked]
    channels[0][COMMENT] = "--- voice and in person ------------------------------------------------"
    ids = [channel["id"] for channel in channels]
    customers = f"{rng.randint(2, 95) * 10000:,}"
    charter: dict[str, Any] = {
        "charter_format": 1, "title": rng.choice(["Our Customer Promise", "Customer Service Charter", "Our Service Standards"]),
        "organization": {"name": org, "sector": sector, "jurisdiction": jurisdiction},
        "language": language, "status": "published",
        "x-money": money,  # a local extension: the currency of guaranteed payments
        "business_calendar": "office",
        "overview": {"vision": rng.choice(words.VISIONS).format(place=place),
                     "mission": Folded(rng.choice(words.MISSIONS).format(customers=customers, place=place)),
                     "values": rng.sample(words.VALUES, rng.randint(3, 4)),
                     "channel_statement": Folded(rng.choice(words.CHANNEL_STATEMENTS))},
        "calendars": calendars, "channels": channels,
        "self_service": _self_service(rng, ids, domain),
        "rights": {"statements": rng.sample(words.STATEMENTS, rng.randint(2, 4)),
                   "disputes": {"process": Folded(rng.choice(words.DISPUTE_PROCESSES)),
                                "respond": _commitment(rng, "10 working days")},
                   "after_purchase": {"text": Folded(rng.choice(words.AFTER_PURCHASE)), "period": "2 years"}},
        "team": {"training": Folded(rng.choice(words.TRAINING)),
                 "accreditations": FlowList(rng.sample(words.ACCREDITATIONS, rng.randint(1, 3))),
                 "accountability": Folded(rng.choice(words.ACCOUNTABILITY))},
        "feedback": {COMMENT: "Every channel, so nobody has to switch channel to complain.",
                     "channels": FlowList(ids), "acknowledge": Flow(within="end of next working day", statistic="each"),
                     "respond": _commitment(rng, "10 working days")},
        "escalation": _escalation(rng, ids, sector, domain),
        "performance": {"published": True, "frequency": rng.choice(["monthly", "quarterly", "six_monthly"]),
                        "url": f"https://www.{domain}/performance",
                        "measured_by": rng.sample(words.MEASURED_BY, rng.randint(2, 3))},
        "review": _review(rng),
    }
    return charter

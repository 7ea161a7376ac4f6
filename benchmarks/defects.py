"""Realistic defects, so that a share of the corpus makes the rules fire.

Data defects change the charter before it is written; text defects change the written file
(a syntax error or a duplicate key cannot be expressed as data). Each returns False when it
does not apply to this charter, and the generator picks another.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from benchmarks import vocabulary as words
from benchmarks.charters import BENCH_TODAY
from benchmarks.emitter import Date, Flow, FlowList

Charter = dict[str, Any]
# channel types that rule CH102 expects a human follow-up on when not open always
_ASYNC_FIRST = frozenset({"live_chat", "social_media", "sms", "messaging", "app", "web_form", "email"})


def _served(charter: Charter) -> list[dict[str, Any]]:
    return [channel for channel in charter["channels"] if "commitments" in channel]


def _some_commitment(rng: random.Random, charter: Charter) -> dict[str, Any] | None:
    channels = _served(charter)
    if not channels:
        return None
    commitments = rng.choice(channels)["commitments"]
    return commitments[rng.choice(sorted(commitments))]  # type: ignore[no-any-return]


def unknown_field(rng: random.Random, charter: Charter) -> bool:
    channel = rng.choice(_served(charter) or charter["channels"])
    old, new = rng.choice([("commitments", "commitment"), ("hours", "opening_hours"), ("address", "adress")])
    if old not in channel:
        return False
    channel[new] = channel.pop(old)
    return True


def invalid_duration(rng: random.Random, charter: Charter) -> bool:
    commitment = _some_commitment(rng, charter)
    if commitment is None:
        return False
    commitment["within"] = rng.choice(["2 workdays", "48hrs", "two working days", "1 business week"])
    return True


def invalid_enum(rng: random.Random, charter: Charter) -> bool:
    if rng.random() < 0.5:
        rng.choice(charter["channels"])["type"] = rng.choice(["telephone", "chat", "e-mail"])
        return True
    commitment = _some_commitment(rng, charter)
    if commitment is None:
        return False
    commitment["statistic"] = "mean"
    return True


def invalid_date(rng: random.Random, charter: Charter) -> bool:
    review = charter["review"]
    review["last_reviewed"] = rng.choice(["01/11/2025", "2025-13-01", "November 2025"])
    return True


def missing_required(rng: random.Random, charter: Charter) -> bool:
    channel = rng.choice(charter["channels"])
    del channel["hours"]
    return True


def bad_share(rng: random.Random, charter: Charter) -> bool:
    commitment = _some_commitment(rng, charter)
    if commitment is None or "target" not in commitment:
        return False
    commitment["target"] = rng.choice(["80 percent", "0.9", "110%"])
    return True


def stale_review(rng: random.Random, charter: Charter) -> bool:
    last = BENCH_TODAY - dt.timedelta(days=rng.randint(2, 6) * 365 + rng.randint(0, 200))
    review = charter["review"]
    review["last_reviewed"] = Date(last.isoformat())
    review["published"] = Date((last + dt.timedelta(days=14)).isoformat())
    review["next_review"] = Date((last + dt.timedelta(days=365)).isoformat())
    review["changes"] = [change for change in review["changes"] if change["date"] <= last.isoformat()]
    if not review["changes"]:
        del review["changes"]
    return True


def future_review(rng: random.Random, charter: Charter) -> bool:
    charter["review"]["published"] = Date((BENCH_TODAY + dt.timedelta(days=rng.randint(5, 90))).isoformat())
    return True


def vague_phrase(rng: random.Random, charter: Charter) -> bool:
    hedge = rng.choice(words.HEDGES)
    where = rng.choice(["mission", "text", "statement"])
    if where == "mission":
        mission = charter["overview"]["mission"]
        charter["overview"]["mission"] = type(mission)(f"{mission} We deal with every enquiry {hedge}.")
    elif where == "statement":
        charter["rights"]["statements"].append(f"We will deal with your concerns {hedge}.")
    else:
        commitment = _some_commitment(rng, charter)
        if commitment is None:
            return False
        commitment["text"] = f"We will get back to you {hedge}."
    return True


def missing_commitment(rng: random.Random, charter: Charter) -> bool:
    channels = _served(charter)
    for channel in rng.sample(channels, min(len(channels), rng.randint(1, 2))):
        del channel["commitments"]
    return bool(channels)


def acknowledgement_only(rng: random.Random, charter: Charter) -> bool:
    channel = rng.choice(_served(charter))
    channel["commitments"] = {"acknowledge": Flow(within="24 hours", text="You will receive an automatic reply.")}
    channel["hours"] = "always"  # 24 hours on a limited channel would also fire CH107
    return True


def chatbot_without_follow_up(rng: random.Random, charter: Charter) -> bool:
    bots = [channel for channel in charter["channels"] if channel["type"] == "chatbot"]
    if not bots:
        return False
    del bots[0]["human_follow_up"]
    return True


def after_hours_without_follow_up(rng: random.Random, charter: Charter) -> bool:
    candidates = [channel for channel in _served(charter) if channel["type"] in _ASYNC_FIRST
                  and "human_follow_up" in channel and channel["hours"] != "always"]
    if not candidates:
        return False
    del rng.choice(candidates)["human_follow_up"]
    return True


def range_target(rng: random.Random, charter: Charter) -> bool:
    commitment = _some_commitment(rng, charter)
    if commitment is None or "working days" not in commitment["within"]:
        return False
    commitment["within"] = rng.choice(["1-2 working days", "3-5 working days"])
    return True


def average_target(rng: random.Random, charter: Charter) -> bool:
    commitment = _some_commitment(rng, charter)
    if commitment is None:
        return False
    commitment["statistic"] = rng.choice(["average", "majority"])
    return True


def bare_days(rng: random.Random, charter: Charter) -> bool:
    charter["feedback"]["acknowledge"] = Flow(within=f"{rng.randint(2, 5)} days")
    return True


def unknown_reference(rng: random.Random, charter: Charter) -> bool:
    charter["feedback"]["channels"].append(rng.choice(["twitter-dm", "live-chat", "telephone"]))
    return True


def duplicate_id(rng: random.Random, charter: Charter) -> bool:
    channels = charter["channels"]
    if len(channels) < 2:
        return False
    first, second = rng.sample(range(len(channels)), 2)
    channels[second]["id"] = channels[first]["id"]
    return True


def no_disputes(rng: random.Random, charter: Charter) -> bool:
    del charter["rights"]["disputes"]
    return True


def obsolete_channel(rng: random.Random, charter: Charter) -> bool:
    charter["channels"].append({"id": "fax", "type": "fax", "name": "Fax", "address": "0345 600 1299",
                                "hours": "always", "commitments": {"respond": Flow(within="5 working days")}})
    for holder in [charter["feedback"]] + charter["escalation"]["stages"][:1]:
        key = "channels" if "channels" in holder else "via"
        holder[key] = FlowList([*holder[key], "fax"])
    return True


def stage_without_timescale(rng: random.Random, charter: Charter) -> bool:
    del rng.choice(charter["escalation"]["stages"])["respond"]
    return True


DataDefect = Callable[[random.Random, Charter], bool]

# name -> (defect, weight): schema errors, stale reviews, hedges and missing commitments first
DATA_DEFECTS: dict[str, tuple[DataDefect, int]] = {
    "unknown-field": (unknown_field, 5), "invalid-duration": (invalid_duration, 5),
    "invalid-enum": (invalid_enum, 4), "invalid-date": (invalid_date, 4),
    "missing-required": (missing_required, 4), "bad-share": (bad_share, 3),
    "stale-review": (stale_review, 15), "future-review": (future_review, 3),
    "vague-phrase": (vague_phrase, 18),
    "missing-commitment": (missing_commitment, 9), "acknowledgement-only": (acknowledgement_only, 4),
    "chatbot-without-follow-up": (chatbot_without_follow_up, 3),
    "after-hours-without-follow-up": (after_hours_without_follow_up, 3),
    "range-target": (range_target, 3), "average-target": (average_target, 3), "bare-days": (bare_days, 3),
    "unknown-reference": (unknown_reference, 2), "duplicate-id": (duplicate_id, 2),
    "no-disputes": (no_disputes, 2), "obsolete-channel": (obsolete_channel, 2),
    "stage-without-timescale": (stage_without_timescale, 2),
}


def syntax_error(text: str, kind: str) -> str:
    """A file that does not parse: a stray indented key (YAML) or a missing comma (JSON)."""
    if kind == "json":
        return text.replace('"charter_format": 1,', '"charter_format": 1', 1)
    head, sep, rest = text.partition("\ntitle: ")
    line, newline, tail = rest.partition("\n")
    return f"{head}{sep}{line}{newline}  subtitle: our promise to you\n{tail}"


def duplicate_key(text: str, kind: str) -> str:
    """A key given twice: parsers silently keep the last one."""
    if kind == "json":
        return text.replace('  "status": "published",', '  "status": "published",\n  "status": "draft",', 1)
    return text.replace("\nstatus: published\n", "\nstatus: published\nstatus: draft\n", 1)


TextDefect = Callable[[str, str], str]
TEXT_DEFECTS: dict[str, tuple[TextDefect, int]] = {"syntax-error": (syntax_error, 2), "duplicate-key": (duplicate_key, 2)}
UNLISTED_MENTION = ("unlisted-channel-mention", 4)  # Markdown only: the prose names a missing channel

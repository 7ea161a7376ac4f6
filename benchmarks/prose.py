"""The published prose of a Markdown charter, written from its data.

Channels are named only by their own names, so the prose mentions no channel that the charter
lacks (rule CH501) unless a defect adds one.
"""

from __future__ import annotations

import random
from typing import Any

_EVENT_WORDS = {"answer": "We answer", "respond": "We reply", "resolve": "We settle most requests"}


def _channel_line(channel: dict[str, Any]) -> str:
    name = channel.get("name", channel["id"])
    address = channel.get("address")
    line = f"- **{name}**" + (f": {address}." if address else ".")
    commitments = channel.get("commitments", {})
    for event in ("answer", "respond", "resolve"):
        if event in commitments:
            line += f" {_EVENT_WORDS[event]} within {commitments[event]['within']}."
            break
    if "human_follow_up" in channel:
        line += " Out of hours, an adviser gets back to you by the end of the next working day."
    return line


def markdown_body(charter: dict[str, Any], rng: random.Random) -> str:
    """About 40 lines of prose: contact channels, standards, complaints, performance."""
    org = charter["organization"]["name"]
    lines = [
        f"# {charter['title']}", "",
        f"{org} publishes this charter so that you know what to expect from us, however you",
        "contact us, and what to do if we get something wrong.", "",
        "## Contacting us", "",
    ]
    lines += [_channel_line(channel) for channel in charter["channels"]]
    lines += ["", "## Our standards", "", "We will:", ""]
    lines += [
        "- give you our name when we speak to you or write to you",
        "- explain what happens next and when",
        "- tell you if something will take longer, and why",
        "- make reasonable adjustments if you have a disability",
    ]
    lines += [f"- {statement[0].lower()}{statement[1:].rstrip('.')}" for statement in
              charter.get("rights", {}).get("statements", [])[:2]]
    stages = charter.get("escalation", {}).get("stages", [])
    lines += ["", "## Compliments and complaints", "",
              "Tell us on any of the channels listed above. We acknowledge complaints by the end of the",
              f"next working day and reply within {charter['feedback']['respond']['within']}."]
    if len(stages) > 1 and "respond" in stages[1]:
        lines += [f"If you are still unhappy, ask for a {stages[1]['name'].lower()}, which replies within",
                  f"{stages[1]['respond']['within']}."]
    for body in charter.get("escalation", {}).get("external", []):
        lines.append(f"After our final response you can contact the {body['body']}.")
    lines += ["", "## How we are doing", "",
              f"We publish our results against these standards {rng.choice(['every quarter', 'each month', 'twice a year'])}",
              "on our website, with what we are changing where we fell short.", ""]
    return "\n".join(lines)

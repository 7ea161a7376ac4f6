"""The suppression examples in docs/configuration.md work when copied into a charter."""

from __future__ import annotations

import re

from tests.helpers import ROOT, lint_text

DOC = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
HEAD = """\
charter_format: 1
title: Example Council customer charter
organization:
  name: Example Council
overview:
  mission: Services for every resident.
calendars:
  - id: office
    timezone: Europe/London
    open: {mon-fri: "09:00-17:00"}
"""
TAIL = """\
  - id: phone
    type: phone
    hours: office
    commitments:
      answer: {within: 60 seconds, target: 80%}
feedback:
  channels: [phone, in-person]
escalation:
  stages:
    - name: Team leader review
      via: [phone]
      respond: {within: 10 working days}
review:
  last_reviewed: 2025-06-01
"""


def doc_block(language: str, after: str) -> str:
    match = re.compile(rf"```{language}\n(.*?)```", re.S).search(DOC, DOC.index(after))
    assert match is not None
    return match.group(1)


def test_the_yaml_channel_suppressions_suppress_what_they_name() -> None:
    block = doc_block("yaml", "### YAML (and Markdown front matter)")
    channel = block.split("\n\n")[0]  # the `channels:` example, up to the first blank line
    result = lint_text(HEAD + channel + "\n" + TAIL, ["CH030", "CH106", "CH107"])
    assert [(f.code, f.span.start.line, f.suppression is not None) for f in result.findings] == [
        ("CH106", 13, True),
        ("CH107", 17, True),
    ]


def test_the_markdown_disable_line_example_suppresses_a_finding() -> None:
    block = doc_block("markdown", "### Markdown body")
    line = next(line for line in block.splitlines() if "disable-line CH301" in line)
    tail = TAIL.replace("[phone, in-person]", "[phone]")
    text = "---\n" + HEAD + "channels:\n" + tail + "---\n# Our charter\n\n" + line + "\n"
    result = lint_text(text, ["CH030", "CH301"], filename="doc.charter.md")
    assert [(f.code, f.suppression is not None) for f in result.findings] == [("CH301", True)]

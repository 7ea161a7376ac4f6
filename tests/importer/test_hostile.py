"""Any source either imports to a draft that loads, or is refused with a message: never a crash (property tests)."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from charterlint.importer.blocks import ImportFailure, Source
from charterlint.importer.draft import draft_text
from charterlint.importer.extract import extract
from charterlint.importer.html_reader import html_blocks
from charterlint.importer.markdown_reader import markdown_blocks

TOP_LEVEL = {"charter_format", "title", "organization", "language", "overview", "calendars", "channels", "standards",
             "accessibility", "feedback", "escalation", "review"}
# Words the importer reacts to, mixed with anything at all, so that the drafts are not all refusals.
PIECES = st.sampled_from(["Call 0800 123 4567", "email help@example.org", "within 2 working days", "Monday to Friday",
                          "9am to 5pm", "90% of calls", "complaint", "Financial Ombudsman Service", "Stage 1", "#",
                          "\n", "- ", "| a | b |", "<p>", "</p>", "<td>", "<script>", ": ", "\"", "'", "\u2028", "\x85",
                          "Last updated 3 March 2026", "24/7", "letter", "we reply", ". ", "`", "---", "*"])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)


def _draft_or_refusal(source: Source) -> None:
    try:
        extraction = extract(source)
    except ImportFailure as refusal:
        assert "names no way to contact" in str(refusal)
        return
    data = yaml.safe_load(draft_text(extraction, "x.charter.yaml"))
    assert isinstance(data, dict) and set(data) <= TOP_LEVEL and data["charter_format"] == 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_markdown_imports_or_is_refused(text: str) -> None:
    _draft_or_refusal(Source("x.md", "markdown", markdown_blocks(text)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_web_page_imports_or_is_refused(text: str) -> None:
    page = html_blocks(text)
    _draft_or_refusal(Source("x.html", "html", page.blocks, page.title, page.site_name, page.language))

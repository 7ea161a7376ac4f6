"""The HTML report: charter text never becomes markup, the page stands alone, colours pass WCAG AA."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from charterlint.cli.app import main
from charterlint.model import Report
from charterlint.reporters import RenderOptions
from charterlint.reporters.html import render
from charterlint.reporters.html_style import PALETTE, stylesheet
from charterlint.reporters.markup import element, escape
from tests.helpers import ROOT, UNCADENCED, lint_text

BUSES = ROOT / "tests" / "fixtures" / "matrix" / "buses.charter.yaml"
EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)><b>&amp;'
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "main",
                "section", "table", "caption", "thead", "tbody", "tr", "th", "td", "a", "span", "dl", "dt",
                "dd", "div", "code", "pre", "mark"}


class Page(HTMLParser):
    """Every tag with its attributes, and the text, as a browser's parser sees them."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def ids(self) -> set[str]:
        return {value for _, attrs in self.tags for name, value in attrs.items() if name == "id" and value}


def page_of(*texts: tuple[str, str], today: dt.date | None = dt.date(2026, 1, 1)) -> str:
    results = tuple(lint_text(text, preset="strict", filename=name) for name, text in texts)
    return render(Report(results, (), "9.9.9"), RenderOptions(today=today))


YAML_HOSTILE = f"""\
charter_format: 1
title: '{EVIL}'
organization: {{name: '{EVIL}'}}
overview:
  vision: '{EVIL}'
  mission: '{EVIL} we reply as soon as possible'
  values: ['{EVIL}']
  channel_statement: '{EVIL}'
calendars:
  - id: office
    timezone: Europe/London
    open: {{mon-fri: "09:00-17:00"}}
    holidays: '{EVIL}'
channels:
  - id: email
    type: email
    name: 'Twitter {EVIL}'
    address: '{EVIL}'
    hours: office
    commitments:
      respond: {{within: 2 working days, text: '{EVIL}'}}
    human_follow_up: {{within: next working day, via: same channel}}
    accessibility: [large_print]
rights:
  statements: ['{EVIL}']
  disputes: {{process: '{EVIL}', respond: {{within: 20 working days}}}}
team: {{training: '{EVIL}', accountability: '{EVIL}'}}
feedback: {{channels: [email]}}
escalation:
  stages: [{{name: '{EVIL}', via: [email], respond: {{within: 10 working days}}}}]
review: {{last_reviewed: 2025-06-01, cadence: 12 months, owner: '{EVIL}'}}
"""
# Markup where the schema expects ids, types, hours and dates: the values reach the page too.
STRUCTURE_HOSTILE = f"""\
charter_format: 1
title: T
organization: {{name: O}}
overview: {{mission: M}}
channels:
  - id: '{EVIL}'
    type: '{EVIL}'
    hours: '{EVIL}'
    commitments: {{answer: {{within: '{EVIL}', target: '{EVIL}'}}, resolve: '{EVIL}'}}
    human_follow_up: '{EVIL}'
    accessibility: ['{EVIL}']
feedback: {{channels: ['{EVIL}']}}
review: {{last_reviewed: '{EVIL}'}}
'{EVIL}': 1
"""
MARKDOWN_HOSTILE = f"""\
---
charter_format: 1
title: Library charter
organization: {{name: Library}}
overview: {{mission: Books for all.}}
channels:
  - {{id: phone, type: phone, hours: always, commitments: {{answer: {{within: 60 seconds}}}}}}
review: {{last_reviewed: 2025-06-01}}
---
# Our promise {EVIL}

We answer as soon as possible {EVIL} on WhatsApp {EVIL}.
"""


def assert_inert(source: str) -> Page:
    """No tag, attribute or link came from the charters: only the report's own markup."""
    page = Page(source)
    assert {tag for tag, _ in page.tags} <= ALLOWED_TAGS
    assert not re.search(r"<\s*(script|img|iframe|object|svg)", source, re.IGNORECASE)
    for _, attributes in page.tags:
        assert not [name for name in attributes if name.startswith("on")]
        href = attributes.get("href")
        assert href is None or re.fullmatch(r"#[a-z0-9-]+", href), href
    return page


def test_markup_in_any_text_field_renders_as_text() -> None:
    source = page_of(("hostile.charter.yaml", YAML_HOSTILE))
    page = assert_inert(source)
    text = "".join(page.text)
    # title (summary, heading, caption), organisation, channel name, address-free cells, findings ...
    assert text.count(EVIL) >= 5
    assert f"{EVIL} — {EVIL}" in text  # the section heading: title and organisation
    assert "Twitter " + EVIL in text  # the channel's name in its row and CH205's message
    assert '"as soon as possible"' in text  # CH301 ran on the overview: content rules saw the text


def test_markup_in_ids_types_hours_and_dates_renders_as_text() -> None:
    source = page_of(("structure.charter.yaml", STRUCTURE_HOSTILE))
    text = "".join(assert_inert(source).text)
    assert text.count(EVIL) >= 6
    assert f'data-channel="{escape(EVIL)}"' in source


def test_markup_in_the_markdown_body_renders_as_text_in_excerpts() -> None:
    source = page_of(("library.charter.md", MARKDOWN_HOSTILE))
    text = "".join(assert_inert(source).text)
    assert f"We answer as soon as possible {EVIL} on WhatsApp {EVIL}." in text  # CH301 / CH501 excerpts


def test_markup_in_a_file_name_renders_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    name = '<img src=x onerror="alert(1)">.charter.yaml'
    (tmp_path / name).write_text(BUSES.read_text(encoding="utf-8"), encoding="utf-8")
    main(["check", ".", "--today", "2026-01-01", "--format", "html:report.html"])
    source = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert name in "".join(assert_inert(source).text)


def test_escape_and_element_escape_text_but_not_markup() -> None:
    assert escape('<a href="x">&') == "&lt;a href=&quot;x&quot;&gt;&amp;"
    assert element("p", {"title": '"><script>'}, "<b>", element("b", None, "ok")) == \
        '<p title="&quot;&gt;&lt;script&gt;">&lt;b&gt;<b>ok</b></p>'


def test_the_page_stands_alone() -> None:
    source = page_of(("buses.charter.yaml", BUSES.read_text(encoding="utf-8")))
    page = assert_inert(source)
    assert not [tag for tag, _ in page.tags if tag in ("link", "script", "img", "iframe")]
    css = stylesheet()
    assert "url(" not in css and "@import" not in css and "@font-face" not in css
    assert "@media print" in css
    assert not re.search(r"(src|href)=\"(https?:|//)", source)


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("name", sorted(PALETTE))
def test_every_colour_pair_passes_wcag_aa(name: str) -> None:
    text, background = PALETTE[name]
    assert contrast(text, background) >= 4.5


def test_muted_text_passes_wcag_aa_on_the_excerpt_background() -> None:
    assert contrast(PALETTE["muted"][0], PALETTE["code"][1]) >= 4.5  # line numbers in excerpts


def test_tables_have_captions_header_cells_and_working_links() -> None:
    source = page_of(("buses.charter.yaml", BUSES.read_text(encoding="utf-8")))
    page = Page(source)
    assert source.count("<table") == source.count("<caption") == 3  # summary, matrix, findings
    assert all(attrs.get("scope") in ("col", "row") for tag, attrs in page.tags if tag == "th")
    targets = {attrs["href"] for tag, attrs in page.tags if tag == "a" and attrs.get("href")}
    assert targets and {target[1:] for target in targets if target} <= page.ids()  # type: ignore[index]
    matrix_rows = [attrs for tag, attrs in page.tags if tag == "tr" and "data-channel" in attrs]
    assert [attrs["data-channel"] for attrs in matrix_rows] == ["phone", "email", "whatsapp", "assistant"]


def test_states_are_words_as_well_as_colours() -> None:
    source = page_of(("buses.charter.yaml", BUSES.read_text(encoding="utf-8")))
    cells = re.findall(r'<td class="s-([a-z-]+)" data-column="[a-z_]+" data-state="\1">(.*?)</td>', source)
    assert len(cells) == 4 * 8
    for state, inner in cells:
        assert f'<span class="state">{state.replace("-", " ")}</span>' in inner


def test_the_same_input_gives_the_same_bytes_and_no_date_but_today() -> None:
    first = page_of(("buses.charter.yaml", BUSES.read_text(encoding="utf-8")))
    assert first == page_of(("buses.charter.yaml", BUSES.read_text(encoding="utf-8")))
    assert set(re.findall(r"20\d\d-\d\d-\d\d", first)) <= {"2026-01-01", "2024-06-01", "2025-06-01"}


def test_without_today_the_review_status_is_unknown() -> None:
    source = page_of(("buses.charter.yaml", BUSES.read_text(encoding="utf-8")), today=None)
    assert "review status as of" not in source
    assert 'badge s-unknown">unknown' in source and 'badge s-overdue' not in source


SIX_MONTHS = ('<dd>2025-09-01<span class="basis"> (last review + 6 months, the default)</span></dd>'
              '<dt>Review status</dt><dd><span class="badge s-overdue">overdue</span>')


def test_the_review_period_option_sets_the_review_status() -> None:
    result = lint_text(UNCADENCED, ["CH201"], options={"CH201": {"max-age": "6 months"}})
    source = render(Report((result,), (), "9.9.9"), RenderOptions(today=dt.date(2026, 1, 1), review_period="6 months"))
    assert SIX_MONTHS in source


def test_check_renders_the_review_status_with_the_configured_max_age(project: Path) -> None:
    (project / "t.charter.yaml").write_text(UNCADENCED, encoding="utf-8")
    (project / ".charterlint.yaml").write_text("rules:\n  CH201:\n    options: {max-age: 6 months}\n", encoding="utf-8")
    main(["check", ".", "--today", "2026-01-01", "--format", "html:report.html"])
    assert SIX_MONTHS in (project / "report.html").read_text(encoding="utf-8")


def test_an_invalid_last_review_date_is_shown_as_invalid_not_as_not_given() -> None:
    source = page_of(("t.charter.yaml", UNCADENCED.replace("2025-03-01", "2025-02-30")))
    assert "<dt>Last reviewed</dt><dd>invalid (&quot;2025-02-30&quot;)</dd>" in source
    assert "<td>invalid (&quot;2025-02-30&quot;)</td>" in source
    assert "not given" not in source

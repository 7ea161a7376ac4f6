"""The published charter as Markdown for a static site (CommonMark with pipe tables, as GitHub,
MkDocs, Hugo and Jekyll read it).

The charter's text is escaped for Markdown: it reads as written and never becomes markup,
links or raw HTML on the site that renders it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from charterlint.render.page import ChannelSection, Page, contents
from charterlint.render.prose import body_markdown

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])(\s|$)")


def escape(text: str) -> str:
    """Charter text as Markdown that shows it as it is."""
    text = " ".join(text.split())
    text = _SPECIAL.sub(r"\\\1", text).replace("&", "&amp;")
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}{m[3]}", text)


def _table(headings: Sequence[str], rows: Sequence[Sequence[str]]) -> Iterator[str]:
    yield "| " + " | ".join(map(escape, headings)) + " |"
    yield "|" + "|".join(" --- " for _ in headings) + "|"
    for row in rows:
        yield "| " + " | ".join(row) + " |"
    yield ""


def _items(items: Sequence[str]) -> Iterator[str]:
    yield from (f"- {escape(item)}" for item in items)
    if items:
        yield ""


def _facts(pairs: Sequence[tuple[str, str]]) -> Iterator[str]:
    shown = [f"**{escape(label)}:** {escape(value)}  " for label, value in pairs if value]
    if shown:
        shown[-1] = shown[-1].rstrip()
        yield from shown
        yield ""


def _channel(channel: ChannelSection, t: Mapping[str, str]) -> Iterator[str]:
    kind = f" ({escape(channel.kind)})" if channel.kind != channel.name else ""
    yield f"### {escape(channel.name)}{kind}"
    yield ""
    yield from _facts([(t["label.address"], channel.address), (t["label.hours"], channel.hours),
                       (t["label.accessibility"], ", ".join(channel.accessibility))])
    if channel.promises:
        yield f"#### {escape(t['label.promises'])}"
        yield ""
        yield from _items(channel.promises)
    yield from _facts([(t["label.after_hours"], channel.after_hours), (t["label.handoff"], channel.handoff)])


def _sections(page: Page, t: Mapping[str, str]) -> Iterator[tuple[str, list[str]]]:
    """(section id, its lines below the heading), in the order of the contents."""
    overview = [*([f"### {escape(t['heading.vision'])}", "", escape(page.vision), ""] if page.vision else []),
                *([f"### {escape(t['heading.mission'])}", "", escape(page.mission), ""] if page.mission else []),
                *([f"### {escape(t['heading.values'])}", "", *_items(page.values)] if page.values else []),
                *([escape(page.channel_statement), ""] if page.channel_statement else [])]
    yield "overview", overview
    glance = _table([t["label.channel"], t["label.address"], t["label.hours"]],
                    [[escape(c.name), escape(c.address), escape(c.hours)] for c in page.channels])
    yield "contact", [f"**{escape(t['heading.at_a_glance'])}**", "", *glance,
                      *(line for channel in page.channels for line in _channel(channel, t))]
    yield "standards", [line for s in page.standards for line in (f"### {escape(s.name)}", "", *_items(s.promises))]
    yield "self-service", [line for o in page.self_service for line in (
        f"### {escape(o.name)}", "", *([escape(o.purpose), ""] if o.purpose else []),
        *_facts([(t["label.visit"], o.url), (t["label.hours"], o.hours),
                 (t["label.available_via"], ", ".join(o.available_via))]))]
    yield "rights", [*_items(page.rights),
                     *([f"### {escape(t['heading.disputes'])}", "", escape(page.dispute_process), "",
                        *_items([page.dispute_promise] if page.dispute_promise else [])] if page.dispute_process else []),
                     *([f"### {escape(t['heading.after_purchase'])}", "", escape(page.after_purchase), "",
                        *_facts([(t["label.period"], page.after_purchase_period)])] if page.after_purchase else [])]
    yield "complaints", list(_complaints(page, t))
    yield "accessibility", [escape(t["text.accessibility_everywhere"].format(provisions=", ".join(page.accessibility))),
                            ""]
    yield "team", list(_facts([(t["label.training"], page.training),
                               (t["label.accreditations"], ", ".join(page.accreditations)),
                               (t["label.accountability"], page.accountability)]))
    if page.performance is not None:
        yield "performance", [*([escape(page.performance.statement), ""] if page.performance.statement else []),
                              *_facts([(t["label.results"], page.performance.url),
                                       (t["label.measured_by"], ", ".join(page.performance.measured_by))])]
    yield "more", [body_markdown(page.body)]
    yield "review", list(_review(page, t))


def _complaints(page: Page, t: Mapping[str, str]) -> Iterator[str]:
    if page.feedback is not None:
        if page.feedback.channels:
            yield from (escape(page.feedback.channels), "")
        yield from _items(page.feedback.promises)
    if page.escalation is not None and page.escalation.stages:
        yield from (f"### {escape(t['heading.escalation'])}", "")
        yield from _table([t["label.stage"], t["label.how_to_ask"], t["label.our_reply"]],
                          [[f"{number}. {escape(s.name)}" + (f" ({escape(s.kind)})" if s.kind else ""),
                            escape(s.via), escape(" ".join(s.promises))]
                           for number, s in enumerate(page.escalation.stages, 1)])
    if page.escalation is not None and page.escalation.external:
        yield from (f"### {escape(t['heading.external'])}", "")
        yield from _table([t["label.body"], t["label.when"], t["label.deadline"], t["label.contact"]],
                          [[escape(b.name) + (f" ({escape(b.kind)})" if b.kind else ""), escape(b.when),
                            escape(b.deadline), escape(b.contact)] for b in page.escalation.external])


def _review(page: Page, t: Mapping[str, str]) -> Iterator[str]:
    review = page.review
    if review.undated:
        yield from (escape(t["label.undated"]), "")
    yield from _facts([(t["label.last_reviewed"], review.last_reviewed), (t["label.next_review"], review.next_review),
                       (t["label.published"], review.published), (t["label.cadence"], review.cadence),
                       (t["label.owner"], review.owner)])
    if review.changes:
        yield from (f"**{escape(t['heading.changes'])}**", "")
        yield from _table([t["label.date"], t["label.change"]], [[escape(d), escape(s)] for d, s in review.changes])


def render_markdown(page: Page, messages: Mapping[str, str]) -> str:
    """The page as Markdown."""
    lines = [f"# {escape(page.title)}", "", f"{escape(page.organisation)}", ""]
    if page.draft:
        lines += [f"> **{escape(messages['draft_banner'])}**", ""]
    headings = dict(contents(page, messages))
    for anchor, body in _sections(page, messages):
        if anchor in headings:
            lines += [f"## {escape(headings[anchor])}", "", *body]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"

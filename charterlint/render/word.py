"""The published charter as a Word document (python-docx): real headings (Title, Heading 1-4),
tables with a repeated header row, bulleted promises, the language set on the document.

Text goes in as text (python-docx escapes it for XML); characters XML cannot hold (control
characters) are dropped. The same charter always gives the same bytes (no timestamps).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping, Sequence

import docx
from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from charterlint.render.page import ChannelSection, Page, contents
from charterlint.render.prose import body_blocks

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _heading(document: Document, text: str, level: int) -> None:
    """A heading at the HTML page's `level` (h2 ...): Word's Heading 1 is the page's h2, below the Title."""
    document.add_heading(_clean(text), level=max(1, min(level - 1, 9)))


def _items(document: Document, items: Sequence[str], style: str = "List Bullet") -> None:
    for item in items:
        document.add_paragraph(_clean(item), style=style)


def _facts(document: Document, pairs: Sequence[tuple[str, str]]) -> None:
    for label, value in pairs:
        if value:
            paragraph = document.add_paragraph()
            paragraph.add_run(_clean(f"{label}: ")).bold = True
            paragraph.add_run(_clean(value))


def _table(document: Document, headings: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    header = table.rows[0]
    marker = OxmlElement("w:tblHeader")  # repeat on each page; screen readers read it as the header row
    marker.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(marker)
    for cell, heading in zip(header.cells, headings):
        cell.text = ""
        cell.paragraphs[0].add_run(_clean(heading)).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = _clean(value)


def _channel(document: Document, channel: ChannelSection, t: Mapping[str, str]) -> None:
    kind = f" ({channel.kind})" if channel.kind != channel.name else ""
    _heading(document, channel.name + kind, 3)
    _facts(document, [(t["label.address"], channel.address), (t["label.hours"], channel.hours),
                      (t["label.accessibility"], ", ".join(channel.accessibility))])
    if channel.promises:
        _heading(document, t["label.promises"], 4)
        _items(document, channel.promises)
    _facts(document, [(t["label.after_hours"], channel.after_hours), (t["label.handoff"], channel.handoff)])


def _section(document: Document, anchor: str, page: Page, t: Mapping[str, str]) -> None:
    if anchor == "overview":
        for key, value in (("heading.vision", page.vision), ("heading.mission", page.mission)):
            if value:
                _heading(document, t[key], 3)
                document.add_paragraph(_clean(value))
        if page.values:
            _heading(document, t["heading.values"], 3)
            _items(document, page.values)
        if page.channel_statement:
            document.add_paragraph(_clean(page.channel_statement))
    elif anchor == "contact":
        _table(document, [t["label.channel"], t["label.address"], t["label.hours"]],
               [[c.name, c.address, c.hours] for c in page.channels])
        for channel in page.channels:
            _channel(document, channel, t)
    elif anchor == "standards":
        for standard in page.standards:
            _heading(document, standard.name, 3)
            _items(document, standard.promises)
    elif anchor == "self-service":
        for option in page.self_service:
            _heading(document, option.name, 3)
            if option.purpose:
                document.add_paragraph(_clean(option.purpose))
            _facts(document, [(t["label.visit"], option.url), (t["label.hours"], option.hours),
                              (t["label.available_via"], ", ".join(option.available_via))])
    else:
        _other_section(document, anchor, page, t)


def _other_section(document: Document, anchor: str, page: Page, t: Mapping[str, str]) -> None:
    if anchor == "rights":
        _items(document, page.rights)
        if page.dispute_process:
            _heading(document, t["heading.disputes"], 3)
            document.add_paragraph(_clean(page.dispute_process))
            _items(document, [page.dispute_promise] if page.dispute_promise else [])
        if page.after_purchase:
            _heading(document, t["heading.after_purchase"], 3)
            document.add_paragraph(_clean(page.after_purchase))
            _facts(document, [(t["label.period"], page.after_purchase_period)])
    elif anchor == "complaints":
        _complaints(document, page, t)
    elif anchor == "accessibility":
        document.add_paragraph(_clean(t["text.accessibility_everywhere"].format(provisions=", ".join(page.accessibility))))
    elif anchor == "team":
        _facts(document, [(t["label.training"], page.training), (t["label.accreditations"], ", ".join(page.accreditations)),
                          (t["label.accountability"], page.accountability)])
    elif anchor == "performance" and page.performance is not None:
        if page.performance.statement:
            document.add_paragraph(_clean(page.performance.statement))
        _facts(document, [(t["label.results"], page.performance.url),
                          (t["label.measured_by"], ", ".join(page.performance.measured_by))])
    elif anchor == "more":
        _prose(document, page.body)
    elif anchor == "review":
        _review(document, page, t)


def _complaints(document: Document, page: Page, t: Mapping[str, str]) -> None:
    if page.feedback is not None:
        if page.feedback.channels:
            document.add_paragraph(_clean(page.feedback.channels))
        _items(document, page.feedback.promises)
    if page.escalation is not None and page.escalation.stages:
        _heading(document, t["heading.escalation"], 3)
        _table(document, [t["label.stage"], t["label.how_to_ask"], t["label.our_reply"]],
               [[f"{n}. {s.name}" + (f" ({s.kind})" if s.kind else ""), s.via, " ".join(s.promises)]
                for n, s in enumerate(page.escalation.stages, 1)])
    if page.escalation is not None and page.escalation.external:
        _heading(document, t["heading.external"], 3)
        _table(document, [t["label.body"], t["label.when"], t["label.deadline"], t["label.contact"]],
               [[b.name + (f" ({b.kind})" if b.kind else ""), b.when, b.deadline, b.contact]
                for b in page.escalation.external])


def _review(document: Document, page: Page, t: Mapping[str, str]) -> None:
    review = page.review
    if review.undated:
        document.add_paragraph(_clean(t["label.undated"]))
    _facts(document, [(t["label.last_reviewed"], review.last_reviewed), (t["label.next_review"], review.next_review),
                      (t["label.published"], review.published), (t["label.cadence"], review.cadence),
                      (t["label.owner"], review.owner)])
    if review.changes:
        _heading(document, t["heading.changes"], 3)
        _table(document, [t["label.date"], t["label.change"]], [list(change) for change in review.changes])


def _prose(document: Document, body: str) -> None:
    styles = {"bullet": "List Bullet", "number": "List Number"}
    for block in body_blocks(body):
        if block.kind == "heading":
            _heading(document, block.text, block.level)
        else:
            document.add_paragraph(_clean(block.text), style=styles.get(block.kind))


def render_docx(page: Page, messages: Mapping[str, str]) -> bytes:
    """The page as the bytes of a .docx file."""
    document = docx.Document()
    properties = document.core_properties
    properties.title = _clean(page.title)
    properties.author = _clean(page.organisation)
    properties.language = _clean(page.language)
    if page.draft:
        document.sections[0].header.paragraphs[0].text = messages["draft_word"]
    document.add_heading(_clean(page.title), level=0)
    document.add_paragraph(_clean(page.organisation))
    if page.draft:
        document.add_paragraph().add_run(_clean(messages["draft_banner"])).bold = True
    for anchor, heading in contents(page, messages):
        _heading(document, heading, 2)
        _section(document, anchor, page, messages)
    properties.comments = ""  # not "generated by python-docx"
    out = io.BytesIO()
    document.save(out)
    return _without_timestamps(out.getvalue())


def _without_timestamps(package: bytes) -> bytes:
    """The same .docx with every member dated 1980-01-01, so one charter always gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            target.writestr(zipfile.ZipInfo(member.filename, date_time=(1980, 1, 1, 0, 0, 0)),
                            source.read(member), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()

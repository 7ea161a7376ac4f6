"""A saved web page to blocks with the standard library's HTMLParser (tolerant of broken markup).

Scripts, styles and the page's head (but its title) are skipped; headings, paragraphs, list
items, table cells and the like are blocks; each block's origin is the source line its element
starts on, with what it is ("line 17 (list item 3)"). The parser never raises on bad markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from charterlint.importer.blocks import Block, tidy

_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "select"})
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_BLOCKS = {"p": "paragraph", "li": "item", "dt": "item", "dd": "item", "td": "cell", "th": "cell",
           "blockquote": "paragraph", "address": "paragraph", "caption": "paragraph", "figcaption": "paragraph",
           "pre": "paragraph", "summary": "paragraph", "legend": "paragraph", "label": "paragraph"}
# Elements that end the text before them (a div's own text is a paragraph of its own).
_BREAKING = frozenset({"div", "section", "article", "main", "header", "footer", "nav", "aside", "body", "ul", "ol",
                       "dl", "table", "tr", "form", "hr", "tbody", "thead"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"})
_NAMES = {"paragraph": "paragraph", "item": "list item", "cell": "table cell", "heading": "heading"}
MAX_DEPTH = 512  # deeper nesting is flattened: a hostile page cannot make the stack grow without end


@dataclass
class _Open:
    tag: str
    kind: str
    level: int
    line: int
    parts: list[str] = field(default_factory=list)


class _PageParser(HTMLParser):
    _links: list[tuple[str, int]]  # open links: target and where their text starts (reset() makes it)

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.title: str | None = None
        self.site_name: str | None = None
        self.language: str | None = None
        self._open: list[_Open] = [_Open("", "paragraph", 0, 1)]
        self._skipping: list[str] = []
        self._in_title = False
        self._title_parts: list[str] = []
        self._counts: dict[str, int] = {}
        self._row = self._table = 0

    def _flush(self, entry: _Open) -> None:
        text = tidy("".join(entry.parts))
        entry.parts.clear()
        if not text:
            return
        number = self._counts[entry.kind] = self._counts.get(entry.kind, 0) + 1
        origin = f"line {entry.line} ({_NAMES[entry.kind]} {number})"
        cell = entry.kind == "cell"
        self.blocks.append(Block(text, entry.kind, origin, entry.level, entry.line, self._row if cell else None,
                                 self._table if cell else None))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html" and values.get("lang"):
            self.language = values["lang"]
        if tag == "meta" and values.get("property") == "og:site_name" and values.get("content"):
            self.site_name = tidy(values["content"] or "") or None
        if self._skipping:
            if tag in _SKIPPED and tag not in _VOID:
                self._skipping.append(tag)
            return
        if tag in _SKIPPED:
            self._skipping.append(tag)
            return
        if tag == "title":
            self._in_title = True
            return
        line = self.getpos()[0]
        if tag == "tr":
            self._row += 1
        elif tag == "table":
            self._table += 1
        if tag == "a" and values.get("href"):
            self._open[-1].parts.append("")  # the target is added at the end tag, if not shown
            self._links.append((str(values["href"]), len(self._open[-1].parts)))
        if tag == "br":
            self._open[-1].parts.append("\n")
            return
        if tag in _BREAKING:
            self._flush(self._open[-1])
        if tag in _HEADINGS or tag in _BLOCKS:
            self._flush(self._open[-1])
            if len(self._open) < MAX_DEPTH:
                kind = "heading" if tag in _HEADINGS else _BLOCKS[tag]
                self._open.append(_Open(tag, kind, _HEADINGS.get(tag, 0), line))

    def reset(self) -> None:
        super().reset()
        self._links = []

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            if tag == self._skipping[-1]:
                self._skipping.pop()
            return
        if tag == "title":
            self._in_title = False
            self.title = tidy("".join(self._title_parts)).replace("\n", " ") or None
            return
        if tag == "a" and self._links:
            href, start = self._links.pop()
            target = href.removeprefix("mailto:").removeprefix("tel:")
            parts = self._open[-1].parts
            if target and not target.startswith(("#", "/", "javascript:")) and target not in "".join(parts[start:]):
                parts.append(f" ({target})")
        if tag in _BREAKING:
            self._flush(self._open[-1])
        if len(self._open) > 1 and tag in (entry.tag for entry in self._open):
            while len(self._open) > 1:
                entry = self._open.pop()
                self._flush(entry)
                if entry.tag == tag:
                    break

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if self._in_title:
            self._title_parts.append(data)
            return
        if len(self._open) == 1 and not self._open[0].parts:
            self._open[0].line = self.getpos()[0]  # loose text (in a div) starts where it is
        self._open[-1].parts.append(data)

    def close(self) -> None:
        super().close()
        while self._open:
            self._flush(self._open.pop())


@dataclass(frozen=True, slots=True)
class Page:
    """A read web page: its blocks, title, site name (og:site_name) and language (lang)."""

    blocks: tuple[Block, ...]
    title: str | None
    site_name: str | None
    language: str | None


def html_blocks(text: str) -> Page:
    """The blocks of an HTML page, with its title, site name and language."""
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    return Page(tuple(parser.blocks), parser.title, parser.site_name, parser.language)

"""A Markdown charter's prose body: as HTML (raw HTML shown as text), as Markdown for a static
site, and as blocks for a Word document. Its headings move down two levels, below the page's
title and the section that holds it.

CommonMark through markdown-it-py with raw HTML off: the body comes from a repository and is
hostile input, so `<script>` in it is shown, never run; links keep markdown-it's own check
(no `javascript:`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

HEADING_SHIFT = 2  # the page's h1, then the section's h2


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False})


def _shifted(level: int) -> int:
    return min(6, level + HEADING_SHIFT)


def body_html(body: str) -> str:
    """The body as HTML: headings shifted, raw HTML escaped."""
    if not body.strip():
        return ""
    parser = _parser()
    tokens = parser.parse(body)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{_shifted(int(token.tag[1]))}"
    return str(parser.renderer.render(tokens, parser.options, {}))


def _unsafe_link_lines(body: str) -> set[int]:
    """The lines (0-based) of the blocks and reference definitions holding a link or image whose
    address markdown-it refuses (javascript:, vbscript:, file:, data: but images). The HTML page
    never links them; a static site generator given the Markdown might, so their brackets go."""
    strict, permissive = _parser(), _parser()
    permissive.validateLink = lambda url: True  # type: ignore[method-assign] # to see what strict refuses
    env: dict[str, Any] = {}
    lines: set[int] = set()
    for token in permissive.parse(body, env):
        addresses = [str(child.attrGet("href") or child.attrGet("src") or "") for child in token.children or ()
                     if child.type in ("link_open", "image")]
        if token.map is not None and any(not strict.validateLink(address) for address in addresses):
            lines.update(range(*token.map))
    for reference in env.get("references", {}).values():
        if not strict.validateLink(str(reference.get("href", ""))) and reference.get("map"):
            lines.update(range(*reference["map"]))
    return lines


def body_markdown(body: str) -> str:
    """The body as Markdown: ATX headings shifted; `<` outside code written `&lt;`, so a static
    site generator that renders raw HTML shows it as text; `[` escaped where a link's address is
    one the HTML page refuses (written `&#91;`), so no generator makes it a link."""
    if not body.strip():
        return ""
    unsafe = _unsafe_link_lines(body)
    lines = body.split("\n")
    code: set[int] = set()
    for token in _parser().parse(body):
        if token.map is None:
            continue
        if token.type in ("fence", "code_block"):
            code.update(range(*token.map))
        elif token.type == "heading_open" and token.markup.startswith("#"):
            line = token.map[0]
            stripped = lines[line].lstrip()
            lines[line] = "#" * HEADING_SHIFT + stripped if _shifted(len(token.markup)) <= 6 else stripped
    shown = [line if number in code else _defused(line.replace("<", "&lt;"), number in unsafe)
             for number, line in enumerate(lines)]
    return "\n".join(shown).strip("\n") + "\n"


def _defused(line: str, unsafe: bool) -> str:
    # an entity, not a backslash: "\\[" after a "\\" of the source would unescape the bracket
    return line.replace("[", "&#91;") if unsafe else line


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph, heading or list item of the body, as plain text (for Word)."""

    kind: str  # "heading", "paragraph", "bullet", "number", "code"
    text: str
    level: int = 0  # a heading's level, shifted


def body_blocks(body: str) -> Iterator[Block]:
    """The body's blocks in order, inline markup reduced to its text."""
    if not body.strip():
        return
    lists: list[str] = []
    heading = 0
    for token in _parser().parse(body):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append("bullet" if token.type == "bullet_list_open" else "number")
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "heading_open":
            heading = _shifted(int(token.tag[1]))
        elif token.type == "inline":
            kind = "heading" if heading else (lists[-1] if lists else "paragraph")
            yield Block(kind, _plain(token), heading)
            heading = 0
        elif token.type in ("fence", "code_block"):
            yield Block("code", token.content.rstrip("\n"))


def _plain(token: Token) -> str:
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)

"""Markdown to blocks with markdown-it-py: each block knows the source line it starts on."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from charterlint.importer.blocks import Block, tidy


def _inline_text(token: Any) -> str:
    """An inline token's plain text: marks dropped, soft breaks kept as line breaks, link targets kept."""
    parts: list[str] = []
    href: str | None = None
    shown_from = 0
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "link_open":
            href, shown_from = str(child.attrs.get("href") or ""), len(parts)
        elif child.type == "link_close" and href:
            shown = "".join(parts[shown_from:])
            target = href.removeprefix("mailto:").removeprefix("tel:")
            if target and target not in shown:
                parts.append(f" ({target})")  # "email us" keeps the address it links to
            href = None
        elif child.type == "html_inline":
            continue
    return "".join(parts)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*$", re.S | re.M)


def _without_front_matter(text: str) -> str:
    """The text with YAML front matter blanked out, its lines kept so that line numbers stay true."""
    match = _FRONT_MATTER.match(text)
    return "\n" * match.group(0).count("\n") + text[match.end():] if match else text


def markdown_blocks(text: str) -> tuple[Block, ...]:
    """The blocks of a Markdown text (CommonMark with tables); front matter and raw HTML are left out."""
    from markdown_it import MarkdownIt  # lazy: the `import` extra, checked by reader.read_source

    text = _without_front_matter(text)
    tokens: Sequence[Any] = MarkdownIt("commonmark").enable("table").parse(text)
    blocks: list[Block] = []
    context: list[str] = []  # enclosing block tokens: a paragraph in a list item is an item
    row = table = 0
    for index, token in enumerate(tokens):
        if token.type.endswith("_open"):
            context.append(token.type)
            if token.type == "tr_open":
                row += 1
            elif token.type == "table_open":
                table += 1
            continue
        if token.type.endswith("_close"):
            if context:
                context.pop()
            continue
        if token.type != "inline" or index == 0:
            continue
        opener = tokens[index - 1]
        line = opener.map[0] + 1 if opener.map else None
        content = tidy(_inline_text(token))
        if not content or line is None:
            continue
        if opener.type == "heading_open":
            blocks.append(Block(content, "heading", f"line {line}", int(opener.tag[1:]), line))
        elif opener.type in ("td_open", "th_open"):
            blocks.append(Block(content, "cell", f"line {line}", line=line, row=row, table=table))
        else:
            kind = "item" if "list_item_open" in context else "paragraph"
            blocks.append(Block(content, kind, f"line {line}", line=line))
    return tuple(blocks)

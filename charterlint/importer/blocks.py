"""What every reader gives: the source as text blocks (headings, paragraphs, list items, cells) in order."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


class ImportFailure(Exception):
    """The source cannot be imported; the message says why, for the person who ran the command."""


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the source's text.

    `kind` is heading, title, paragraph, item or cell; `level` a heading's level (0 for the rest);
    `origin` where it is, as the writer finds it again ("line 12", "paragraph 4", "table 1, row 2,
    cell 1"); `line` the first source line when the reader knows it (Markdown, HTML), so that a
    sentence further down a paragraph cites its own line. `row` groups the cells of a table row,
    `table` the rows of a table.
    """

    text: str
    kind: str
    origin: str
    level: int = 0
    line: int | None = None
    row: int | None = None
    table: int | None = None  # cells: which table (its first row is the header of the rest)


@dataclass(frozen=True, slots=True)
class Source:
    """A read source: its display name, kind (markdown, html, docx), blocks, and what its metadata says."""

    name: str
    kind: str
    blocks: tuple[Block, ...]
    title: str | None = None  # HTML <title>, Word's core title
    site_name: str | None = None  # HTML og:site_name or the title's "| Name" part
    language: str | None = None  # HTML lang


def tidy(text: str) -> str:
    """Text with runs of spaces made one and each line's ends trimmed (line breaks kept)."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)

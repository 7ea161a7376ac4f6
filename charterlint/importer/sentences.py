"""Blocks to sentences, each knowing its origin, its headings, its clauses and its table row."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from charterlint.importer.blocks import Block

# A sentence ends at . ! ? followed by space and a capital, digit or quote, but not after an
# abbreviation ("e.g. Monday", "No. 4", "9 a.m. Monday").
_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[A-Z0-9\"'(£$€])")
_ABBREVIATIONS = re.compile(r"(?:\b(?:e\.g|i\.e|etc|No|no|St|Mr|Mrs|Ms|Dr|approx|tel|Tel|inc|Inc|Ltd|ltd|vs|a\.m|p\.m)"
                            r"|\b[A-Z])\.[\"')\]]?$")
# Clauses: the parts a channel or an event word is looked for in first.
_CLAUSE = re.compile(r"\s*(?:;|:|,|\s[-\u2013\u2014]\s|\(|\))\s*")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its text on one line, where it is, its headings (nearest first) and its row's other cells."""

    text: str
    origin: str
    headings: tuple[str, ...]
    row_text: str = ""
    header_text: str = ""  # a table cell's: the text of its table's first row (when it is not in it)
    kind: str = "paragraph"  # the block's kind

    @property
    def clauses(self) -> tuple[tuple[int, int], ...]:
        """The (start, end) of each clause of the text."""
        spans: list[tuple[int, int]] = []
        start = 0
        for match in _CLAUSE.finditer(self.text):
            if match.start() > start:
                spans.append((start, match.start()))
            start = match.end()
        if start < len(self.text):
            spans.append((start, len(self.text)))
        return tuple(spans)

    def clause_at(self, position: int) -> str:
        """The clause holding `position`."""
        for start, end in self.clauses:
            if start <= position < end:
                return self.text[start:end]
        return self.text


MAX_SENTENCE = 2000  # characters: a longer "sentence" (hostile or a run-on) is read in pieces of this size


def split_sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of a block's text with their offsets (abbreviations do not end one)."""
    found: list[tuple[int, str]] = []
    start = 0
    for match in _END.finditer(text):
        if _ABBREVIATIONS.search(text[max(start, match.start() - 12):match.start()]):
            continue
        found.append((start, text[start:match.start()]))
        start = match.end()
    found.append((start, text[start:]))
    pieces = [(offset + at, piece[at:at + MAX_SENTENCE]) for offset, piece in found
              for at in range(0, len(piece), MAX_SENTENCE)]
    return [(offset, piece) for offset, piece in pieces if piece.strip()]


def _origin(block: Block, offset: int) -> str:
    """The origin of a sentence starting at `offset` in the block: its own line where the reader knows lines."""
    if block.line is None or block.origin != f"line {block.line}":
        return block.origin
    return f"line {block.line + block.text.count(chr(10), 0, offset)}"


def sentences_of(blocks: Sequence[Block]) -> tuple[Sentence, ...]:
    """Every sentence of the blocks in order, with the headings above it (nearest first)."""
    headings: list[tuple[int, str]] = []  # (level, text), outermost first
    rows: dict[int, str] = {}
    first_rows: dict[int, int] = {}  # table -> its first row
    for block in blocks:
        if block.row is not None:
            cell = " ".join(block.text.split())
            rows[block.row] = f"{rows[block.row]} | {cell}" if block.row in rows else cell
            if block.table is not None:
                first_rows.setdefault(block.table, block.row)
    found: list[Sentence] = []
    for block in blocks:
        flat = " ".join(block.text.split())
        if block.kind == "heading":
            while headings and headings[-1][0] >= block.level:
                headings.pop()
            headings.append((block.level, flat))
        context = tuple(text for _, text in reversed(headings))
        row = rows.get(block.row, "") if block.row is not None else ""
        first = first_rows.get(block.table) if block.table is not None else None
        header = rows.get(first, "") if first is not None and first != block.row else ""
        for offset, piece in split_sentences(block.text):
            found.append(Sentence(" ".join(piece.split()), _origin(block, offset), context, row, header, block.kind))
    return tuple(found)

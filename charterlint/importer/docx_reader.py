"""A Word document (.docx) to blocks with python-docx: paragraphs and table cells, numbered in order.

A paragraph's origin is its number among the body's paragraphs ("paragraph 7"), as a writer
counts them down the page; a cell's is its table, row and cell ("table 1, row 2, cell 3").
Title and Heading styles make headings, List styles list items.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from charterlint.importer.blocks import Block, ImportFailure, tidy

MAX_UNPACKED_BYTES = 64 * 1024 * 1024  # a zip bomb is refused before python-docx unpacks it


def _check_archive(raw: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            total = sum(info.file_size for info in archive.infolist())
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ImportFailure("is not a Word document (.docx): it is not a zip package") from None
    if total > MAX_UNPACKED_BYTES:
        raise ImportFailure(f"unpacks to {total:,} bytes, over the limit of {MAX_UNPACKED_BYTES:,}")
    if "word/document.xml" not in names:
        raise ImportFailure("is not a Word document (.docx): it has no word/document.xml")


def _paragraph_block(paragraph: Any, number: int) -> Block | None:
    text = tidy(paragraph.text)
    if not text:
        return None
    style = str(getattr(paragraph.style, "name", "") or "")
    origin = f"paragraph {number}"
    if style == "Title":
        return Block(text, "heading", origin, 1)
    if style.startswith("Heading "):
        level = style.removeprefix("Heading ").strip()
        return Block(text, "heading", origin, min(int(level) + 1, 6) if level.isdigit() else 2)
    if style.startswith("List"):
        return Block(text, "item", origin)
    return Block(text, "paragraph", origin)


def docx_blocks(raw: bytes) -> tuple[tuple[Block, ...], str | None]:
    """The blocks of a .docx file and its core title; ImportFailure when it cannot be read."""
    _check_archive(raw)
    import docx  # lazy: the `import` extra, checked by reader.read_source
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(raw))
        blocks: list[Block] = []
        paragraphs = tables = rows = 0
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                tables += 1
                for row_number, row in enumerate(item.rows, start=1):
                    rows += 1
                    seen: set[int] = set()
                    for cell_number, cell in enumerate(row.cells, start=1):
                        text = tidy(cell.text)
                        if text and id(cell._tc) not in seen:  # a merged cell is listed once per column
                            seen.add(id(cell._tc))
                            origin = f"table {tables}, row {row_number}, cell {cell_number}"
                            blocks.append(Block(text, "cell", origin, row=rows, table=tables))
                continue
            paragraphs += 1
            block = _paragraph_block(item, paragraphs)
            if block is not None:
                blocks.append(block)
        title = tidy(document.core_properties.title or "") or None
    except ImportFailure:
        raise
    except Exception as error:  # python-docx and lxml raise many kinds on a damaged package
        raise ImportFailure(f"cannot be read as a Word document (.docx): {type(error).__name__}") from None
    return tuple(blocks), title

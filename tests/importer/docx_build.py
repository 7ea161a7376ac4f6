"""Build a real Word document with python-docx from a plain text outline (tests/corpus/prose/*.docx.txt).

One paragraph a line; `# ` is the title, `## ` a heading (level by the number of #), `- ` a
list item, lines of `| a | b |` a table; blank lines are left out.
"""

from __future__ import annotations

import io
from pathlib import Path


def build_docx(outline: str, *, title: str | None = None) -> bytes:
    """The .docx bytes of the outline."""
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
    rows: list[list[str]] = []

    def flush_table() -> None:
        if rows:
            table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
            for row, cells in zip(table.rows, rows):
                for cell, text in zip(row.cells, cells):
                    cell.text = text
            rows.clear()

    for line in outline.splitlines():
        if line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
            continue
        flush_table()
        if not line.strip():
            continue
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            document.add_heading(line.lstrip("#").strip(), level - 1)
        elif line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        else:
            document.add_paragraph(line)
    flush_table()
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def build_file(outline_path: Path, folder: Path) -> Path:
    """Write `<stem>.docx` for `<stem>.docx.txt` in `folder`; its path."""
    target = folder / outline_path.name.removesuffix(".txt")
    target.write_bytes(build_docx(outline_path.read_text(encoding="utf-8")))
    return target

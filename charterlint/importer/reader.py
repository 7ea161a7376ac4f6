"""Read a source file of any kind the importer knows into blocks, or say plainly why it cannot.

The source is hostile input: a regular file only, at most MAX_SOURCE_BYTES, text kinds UTF-8
(or, for a web page, the charset it declares) without NUL bytes, a Word file a sound zip package.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from charterlint.importer.blocks import ImportFailure, Source
from charterlint.source.regular import read_regular

MAX_SOURCE_BYTES = 16 * 1024 * 1024  # a saved web page carries its scripts and styles
MAX_TEXT_CHARACTERS = 500_000  # of text once read: a published charter is a few pages, this is a hundred
EXTRA_HINT = "pip install 'charterlint[import]'"
KINDS = {".md": "markdown", ".markdown": "markdown", ".txt": "markdown", ".html": "html", ".htm": "html",
         ".xhtml": "html", ".docx": "docx"}
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


class MissingExtra(ImportFailure):
    """A library of the `import` extra is not installed."""


def kind_of(path: str) -> str:
    """markdown, html or docx, from the name's suffix; ImportFailure for any other."""
    suffix = Path(path).suffix.lower()
    if suffix == ".doc":
        raise ImportFailure("is a Word 97-2003 document (.doc): save it as .docx in Word, then import that")
    if suffix not in KINDS:
        raise ImportFailure(f'has the suffix "{suffix or "(none)"}": import reads Markdown (.md, .markdown, .txt),'
                            " a saved web page (.html, .htm) or a Word document (.docx)")
    return KINDS[suffix]


def _decode(raw: bytes, kind: str) -> str:
    if b"\x00" in raw:
        raise ImportFailure("is not text (it holds NUL bytes): is it the right file?")
    encoding = "utf-8-sig"
    declared = _CHARSET.search(raw[:4096]) if kind == "html" and not raw.startswith(codecs.BOM_UTF8) else None
    if declared is not None:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
        except LookupError:
            raise ImportFailure(f'declares the unknown charset "{declared.group(1).decode("ascii")}"') from None
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise ImportFailure(f"is not valid {encoding.removesuffix('-sig').upper()} (byte {error.start + 1}):"
                            " save it as UTF-8 and import it again") from None


def _require(module: str) -> None:
    """MissingExtra when a library of the `import` extra is missing."""
    import importlib.util  # lazy: only import checks its libraries

    if importlib.util.find_spec(module) is None:
        package = {"markdown_it": "markdown-it-py", "docx": "python-docx"}.get(module, module)  # what pip installs
        # worded as render's and server's: the command, its extra, the package missing, the install line
        raise MissingExtra(f"charterlint import needs the import extra ({package} is not installed): {EXTRA_HINT}")


def read_source(path: str) -> Source:
    """The source at `path` as blocks; ImportFailure (a message to show after the path) when it cannot be."""
    source = _read(path)
    characters = sum(len(block.text) for block in source.blocks)
    if characters > MAX_TEXT_CHARACTERS:
        raise ImportFailure(f"holds {characters:,} characters of text, over the limit of {MAX_TEXT_CHARACTERS:,}"
                            " (a charter is a few pages: import the part that is the charter)")
    return source


def _read(path: str) -> Source:
    # what the path is comes first: a folder or a missing file is not a matter of its suffix
    if os.path.isdir(path):
        raise ImportFailure("cannot be read: is a directory, not a regular file")
    if not os.path.lexists(path):
        raise ImportFailure("does not exist")
    kind = kind_of(path)
    _require({"markdown": "markdown_it", "html": "html", "docx": "docx"}[kind])
    try:
        raw = read_regular(path, MAX_SOURCE_BYTES)
    except FileNotFoundError:
        raise ImportFailure("does not exist") from None
    except OSError as error:
        raise ImportFailure(f"cannot be read: {error.strerror or error}") from None
    if len(raw) > MAX_SOURCE_BYTES:
        raise ImportFailure(f"is over the limit of {MAX_SOURCE_BYTES:,} bytes")
    name = os.path.basename(path)
    if kind == "docx":
        from charterlint.importer.docx_reader import docx_blocks  # lazy: python-docx is heavy

        blocks, title = docx_blocks(raw)
        return Source(name, kind, blocks, title=title)
    text = _decode(raw, kind)
    if kind == "html":
        from charterlint.importer.html_reader import html_blocks  # lazy: each reader only for its kind

        page = html_blocks(text)
        return Source(name, kind, page.blocks, page.title, page.site_name, page.language)
    from charterlint.importer.markdown_reader import markdown_blocks  # lazy: as above

    return Source(name, kind, markdown_blocks(text))

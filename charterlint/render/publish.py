"""From a checked charter to the bytes of its published page, in the format asked for; the
organisation's message catalogue read and checked."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from string import Formatter
from typing import Any

from charterlint.render.html import RenderError, render_html
from charterlint.render.markdown import render_markdown
from charterlint.render.messages import MESSAGES
from charterlint.render.page import build_page
from charterlint.schema.datafile import DataFileError, read_data_file
from charterlint.schema.validator import compile_schema
from charterlint.source.pointer import escape


def load_messages(path: Path | None, source: str | None = None) -> Mapping[str, str]:
    """The English catalogue, with the words of the YAML file at `path` over it; RenderError
    naming the file (as `source`), line and key when the file cannot be read, names a key the page has
    not, or fills in what its message does not give."""
    if path is None:
        return MESSAGES
    schema = {"type": "object", "additionalProperties": False,
              "properties": {key: {"type": "string", "minLength": 1, "title": "text"} for key in MESSAGES}}
    try:
        found = read_data_file(path, compile_schema(schema), source)
    except DataFileError as error:
        raise RenderError(f"render messages: {error}") from None  # the file, line and key: shown as they are
    for key, words in found.data.items():
        fault = _placeholder_fault(words, placeholders(MESSAGES[key]) or set())
        if fault:
            raise RenderError(f"render messages: {found.locate('/' + escape(key), fault)}")
    return {**MESSAGES, **_inherited(found.data), **found.data}


def _inherited(given: Mapping[str, str]) -> dict[str, str]:
    """A message the file leaves out takes the words it gives its parent key: a translation of
    `wording.verb.respond` also words `wording.verb.respond.phone`, rather than the English "return"."""
    return {key: given[key.rsplit(".", 1)[0]] for key in MESSAGES
            if "." in key and key.rsplit(".", 1)[0] in given and key.rsplit(".", 1)[0] in MESSAGES}


def placeholders(words: str) -> set[str] | None:
    """The `{names}` a message fills in; None when its braces do not pair."""
    try:
        return {field for _, field, _, _ in Formatter().parse(words) if field is not None}
    except ValueError:
        return None


def _placeholder_fault(words: str, allowed: set[str]) -> str:
    """Why a translated message cannot be filled in ('' when it can): only the English message's
    plain names, so a message can neither fail nor reach into the values it is given."""
    given = placeholders(words)
    takes = ", ".join(f"{{{name}}}" for name in sorted(allowed)) or "no placeholder"
    if given is None:
        return f"braces do not pair (write {{{{ and }}}} for a brace; this message takes {takes})"
    unknown = sorted(given - allowed)
    if unknown:
        return f'unknown placeholder "{{{unknown[0]}}}" (this message takes {takes})'
    return ""


def page_content(data: Mapping[str, Any], messages: Mapping[str, str], output_format: str, *, body: str = "",
                 draft: bool = False, language: str | None = None, templates: Path | None = None) -> str | bytes:
    """The page of a schema-valid charter as HTML or Markdown text, or Word bytes."""
    page = build_page(data, messages, body=body, draft=draft, language=language)
    if output_format == "md":
        return render_markdown(page, messages)
    if output_format == "docx":
        from charterlint.render.word import render_docx  # lazy: python-docx and lxml load only for Word

        return render_docx(page, messages)
    return render_html(page, messages, templates)

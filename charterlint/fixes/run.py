"""Fix one file's text: lint, make the fixes that do not overlap, lint the result again, until
nothing more is fixed (at most MAX_ROUNDS rounds: two fixes that undo each other stop there).

Text in, text out: the caller reads and writes the file (cli.fix, the language server). A file
that does not parse is never fixed, and a round whose result would not parse is not made.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charterlint.engine.lint import lint_document
from charterlint.engine.settings import LintSettings
from charterlint.fixes.edits import Fix, apply_edits, compatible
from charterlint.fixes.registry import fixes_for
from charterlint.model import Finding
from charterlint.source.document import Document
from charterlint.source.loader import load_document

MAX_ROUNDS = 10


@dataclass(frozen=True, slots=True)
class Fixed:
    """What fixing a file's text gave."""

    text: str  # the fixed text (the text given when nothing was fixed)
    applied: int  # fixes made
    unsafe_left: int  # unsafe fixes not made (made with --unsafe-fixes)
    remaining: tuple[Finding, ...]  # the findings of the fixed text
    problem: str = ""  # why fixing stopped early, for the user


def decode_fixable(raw: bytes) -> tuple[str, bytes] | None:
    """(the text, the byte order mark to write back) of a UTF-8 file; None for another encoding
    (UTF-16 and UTF-32 charters are linted, not rewritten)."""
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    try:
        return raw[len(bom):].decode("utf-8"), bom
    except UnicodeDecodeError:
        return None


def _lint(path: str, text: str, settings: LintSettings, kind: str | None) -> tuple[Document, list[Finding]] | None:
    loaded = load_document(path, text.encode("utf-8"), settings.limits, kind)
    if isinstance(loaded, tuple):
        return None
    findings, _ = lint_document(path, loaded, settings)
    return loaded, sorted(set(findings), key=Finding.sort_key)


def _chosen(fixes: list[Fix], unsafe: bool) -> tuple[list[Fix], int]:
    """The fixes to make, and how many unsafe ones are left for --unsafe-fixes."""
    if unsafe:
        return fixes, 0
    return [fix for fix in fixes if fix.safe], sum(not fix.safe for fix in fixes)


def fix_text(path: str, text: str, settings: LintSettings, *, unsafe: bool = False,
             kind: str | None = None) -> Fixed:
    """`text` with every fix made that its findings have (the unsafe ones only when `unsafe`)."""
    settings = settings.for_file(path)
    linted = _lint(path, text, settings, kind)
    if linted is None:
        return Fixed(text, 0, 0, (), "the file does not parse: fix its syntax first")
    applied, unsafe_left, problem = 0, 0, ""
    for _ in range(MAX_ROUNDS):
        document, findings = linted
        chosen, unsafe_left = _chosen(fixes_for(document, findings, settings.validator), unsafe)
        batch = compatible(chosen)
        if not batch:
            break
        fixed = apply_edits(text, document.kind, (edit for fix in batch for edit in fix.edits))
        relinted = _lint(path, fixed, settings, document.kind)
        if relinted is None or fixed == text:
            problem = "a fix would leave the file unreadable: not made (please report it)" if relinted is None else ""
            break
        text, linted, applied = fixed, relinted, applied + len(batch)
    else:
        problem = f"fixes still changed the file after {MAX_ROUNDS} rounds: stopped (please report it)"
    return Fixed(text, applied, unsafe_left, tuple(linted[1]), problem)

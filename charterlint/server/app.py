"""The language server: pygls handlers that lint open charters and answer the editor's requests.

Diagnostics are the findings `charterlint check` reports for the file (engine.lint.lint_bytes with
the configuration found from the file's folder), published on open, on save and after changes:
an edit made after a quiet moment is linted at once, a burst of typing once it pauses (DEBOUNCE).
A handler that fails says so in the editor's log and leaves the server running.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from charterlint import __version__
from charterlint.config.resolve import ConfigError
from charterlint.server import convert
from charterlint.server.actions import code_actions
from charterlint.server.completion import candidates
from charterlint.server.definition import definition
from charterlint.server.hover import hover_text
from charterlint.server.settings import SettingsCache
from charterlint.server.state import Linted, lint_open
from charterlint.source.discovery import is_charter_name

DEBOUNCE = 0.15  # seconds: how long typing must pause before a burst of changes is linted
_TRIGGERS = [":", " ", "-"]
_FIX_ALL = "source.fixAll.charterlint"


@dataclass(slots=True)
class Session:
    """What the server keeps between requests: settings by configuration, open files as last linted,
    the lints waiting for typing to pause."""

    settings: SettingsCache = field(default_factory=SettingsCache)
    linted: dict[str, Linted] = field(default_factory=dict)
    waiting: dict[str, asyncio.TimerHandle] = field(default_factory=dict)
    last_lint: dict[str, float] = field(default_factory=dict)
    config_errors: set[str] = field(default_factory=set)


def _charter_path(server: LanguageServer, uri: str) -> Path | None:
    path = server.workspace.get_text_document(uri).path
    return Path(path) if path and is_charter_name(Path(path).name) else None


def lint_and_publish(server: LanguageServer, session: Session, uri: str) -> None:
    """Lint the open file at `uri` and publish its findings as diagnostics."""
    session.waiting.pop(uri, None)
    path = _charter_path(server, uri)
    if path is None:
        return
    document = server.workspace.get_text_document(uri)
    try:
        settings = session.settings.for_file(path)
    except ConfigError as error:  # said once in a message, and on the file's first line until it is fixed
        if str(error) not in session.config_errors:
            session.config_errors.add(str(error))
            server.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"charterlint: {error}"))
        session.linted.pop(uri, None)
        start = types.Position(line=0, character=0)
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, [types.Diagnostic(
            types.Range(start, start), f"charterlint did not run: {error}", types.DiagnosticSeverity.Error,
            source=convert.SOURCE)], document.version))
        return
    linted = lint_open(path, document.source, document.version, settings)
    session.linted[uri] = linted
    session.last_lint[uri] = time.monotonic()
    codec, lines, rules = server.workspace.position_codec, linted.lines, linted.rules()
    diagnostics = [convert.diagnostic(codec, lines, f, rules) for f in linted.result.active_findings]
    if linted.result.skipped is not None:
        diagnostics.append(convert.skipped_note(codec, lines, linted.result.skipped))
    server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, diagnostics, document.version))


def _schedule(server: LanguageServer, session: Session, uri: str) -> None:
    """Lint at once after a quiet moment; within a burst of changes, once typing pauses."""
    waiting = session.waiting.pop(uri, None)
    if waiting is not None:
        waiting.cancel()
    quiet = time.monotonic() - session.last_lint.get(uri, 0.0) >= DEBOUNCE
    delay = 0.0 if waiting is None and quiet else DEBOUNCE
    loop = asyncio.get_running_loop()
    session.waiting[uri] = loop.call_later(delay, _guarded(server, lambda: lint_and_publish(server, session, uri)))


def _guarded(server: LanguageServer, work: Callable[[], None]) -> Callable[[], None]:
    """`work`, with an exception logged in the editor rather than lost in the event loop."""
    def run() -> None:
        try:
            work()
        except Exception as error:  # a bug: the editor's log says so, the server goes on
            server.window_log_message(types.LogMessageParams(types.MessageType.Error,
                                                             f"charterlint: internal error: {error!r}"))
    return run


def _linted(server: LanguageServer, session: Session, uri: str) -> Linted | None:
    """The file as last linted, linted now if it changed since (a request right after typing)."""
    document = server.workspace.get_text_document(uri)
    linted = session.linted.get(uri)
    if linted is None or linted.version != document.version or linted.text != document.source:
        lint_and_publish(server, session, uri)
        linted = session.linted.get(uri)
    return linted


def _text_edits(server: LanguageServer, linted: Linted, edits: Any) -> list[types.TextEdit]:
    codec = server.workspace.position_codec
    return [types.TextEdit(convert.to_range(codec, linted.lines, edit.span), edit.text) for edit in edits]


def create_server() -> LanguageServer:
    """The charterlint language server, its handlers registered (started by `serve`)."""
    server = LanguageServer("charterlint", __version__)
    session = Session()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        lint_and_publish(ls, session, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: LanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        _schedule(ls, session, params.text_document.uri)

    def relint_all(ls: LanguageServer) -> None:
        """Lint every open charter again: a configuration file may have changed."""
        session.settings.made.clear()
        session.config_errors.clear()
        for uri in list(session.linted) + [uri for uri in ls.workspace.text_documents if uri not in session.linted]:
            lint_and_publish(ls, session, uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: LanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        if _charter_path(ls, params.text_document.uri) is None:
            relint_all(ls)  # a configuration file, perhaps
        else:
            lint_and_publish(ls, session, params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files_changed(ls: LanguageServer, params: types.DidChangeWatchedFilesParams) -> None:
        relint_all(ls)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: LanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = session.waiting.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        session.linted.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: LanguageServer, params: types.HoverParams) -> types.Hover | None:
        linted = _linted(ls, session, params.text_document.uri)
        if linted is None:
            return None
        text = hover_text(linted, convert.from_position(ls.workspace.position_codec, linted.lines, params.position))
        if text is None:
            return None
        return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, text))

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=_TRIGGERS))
    def completion(ls: LanguageServer, params: types.CompletionParams) -> types.CompletionList | None:
        linted = _linted(ls, session, params.text_document.uri)
        if linted is None:
            return None
        position = convert.from_position(ls.workspace.position_codec, linted.lines, params.position)
        kinds = {"field": types.CompletionItemKind.Field, "value": types.CompletionItemKind.EnumMember}
        items = [types.CompletionItem(c.label, kind=kinds.get(c.detail, types.CompletionItemKind.Reference),
                                      detail=c.detail, documentation=c.documentation or None,
                                      insert_text=f"{c.label}: " if c.detail == "field" else c.label)
                 for c in candidates(linted, position)]
        return types.CompletionList(is_incomplete=False, items=items)

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def goto_definition(ls: LanguageServer, params: types.DefinitionParams) -> types.Location | None:
        linted = _linted(ls, session, params.text_document.uri)
        if linted is None:
            return None
        codec = ls.workspace.position_codec
        span = definition(linted, convert.from_position(codec, linted.lines, params.position))
        if span is None:
            return None
        return types.Location(params.text_document.uri, convert.to_range(codec, linted.lines, span))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, _FIX_ALL]))
    def code_action(ls: LanguageServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        linted = _linted(ls, session, uri)
        if linted is None:
            return None
        codec = ls.workspace.position_codec
        rules = linted.rules()
        actions = []
        for action in code_actions(linted, convert.from_range(codec, linted.lines, params.range)):
            found = action.finding
            actions.append(types.CodeAction(
                action.title, kind=action.kind,
                diagnostics=[convert.diagnostic(codec, linted.lines, found, rules)] if found is not None else None,
                is_preferred=action.preferred or None,
                edit=types.WorkspaceEdit(changes={uri: _text_edits(ls, linted, action.edits)})))
        wanted = params.context.only
        return [a for a in actions if not wanted or any(str(a.kind).startswith(str(k)) for k in wanted)]

    return server


def serve() -> None:
    """Run the server over standard input and output until the editor ends it."""
    create_server().start_io()

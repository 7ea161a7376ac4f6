"""`charterlint server` end to end over stdio: diagnostics as `check` reports them, updates on
change, hover, completion, go to definition, code actions, and a crashing rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.helpers import MINIMAL_CHARTER, run
from tests.server.conftest import BROKEN, open_charter, shown

TYPE_MESSAGE = ('"Phone" is not a valid "type" in channel "phone": expected one of phone, email, live_chat, chatbot,'
                " social_media, sms, messaging, web_form, portal, app, in_person, post, video, voicemail, fax,"
                ' community_forum (did you mean "phone"?)')
FIELD_MESSAGE = 'unknown field "adress" in channel "phone" (did you mean "address"?)'
DOCS = "https://github.com/charterlint/charterlint/blob/main/docs/rules.md"


def _position(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


async def _hover(client: LanguageClient, path: Path, line: int, character: int) -> str:
    """The Markdown the server shows on hover at a 0-based line and character."""
    found = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(path.as_uri()), _position(line, character)))
    assert found is not None and isinstance(found.contents, types.MarkupContent)
    assert found.contents.kind == types.MarkupKind.Markdown
    return found.contents.value


@pytest.mark.asyncio
async def test_diagnostics_are_the_findings_check_reports(client: LanguageClient, folder: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = folder / "w.charter.yaml"
    diagnostics = await open_charter(client, path, BROKEN)
    assert shown(diagnostics) == [("CH013", 8, 10, 8, 15, TYPE_MESSAGE), ("CH012", 9, 4, 9, 10, FIELD_MESSAGE),
                                  ("None", 8, 10, 8, 15, "note: rules did not run on channels: fix the error on line"
                                                         " 9 first")]
    assert [d.severity for d in diagnostics] == [types.DiagnosticSeverity.Error] * 2 + [types.DiagnosticSeverity.Hint]
    assert diagnostics[0].code_description is not None
    assert diagnostics[0].code_description.href == f"{DOCS}#ch013-invalid-value"
    assert {d.source for d in diagnostics} == {"charterlint"}
    _, out, _ = run(["check", "--quiet", "--no-cache", "--color", "never", str(path)], capsys)
    assert [line.split(" ", 4)[-1] for line in out.splitlines()[:2]] == [TYPE_MESSAGE, FIELD_MESSAGE]


@pytest.mark.asyncio
async def test_an_edit_updates_the_diagnostics(client: LanguageClient, folder: Path) -> None:
    path = folder / "w.charter.yaml"
    await open_charter(client, path, BROKEN)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(version=2, uri=path.as_uri()),
        [types.TextDocumentContentChangePartial(types.Range(_position(8, 10), _position(8, 11)), "p")]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert shown(list(client.diagnostics[path.as_uri()])) == [("CH012", 9, 4, 9, 10, FIELD_MESSAGE)]


@pytest.mark.asyncio
async def test_hover_explains_a_finding_and_a_field(client: LanguageClient, folder: Path) -> None:
    path = folder / "w.charter.yaml"
    await open_charter(client, path, BROKEN)
    assert (await _hover(client, path, 9, 6)).startswith("**CH012 unknown-field**\n\n**Severity:** error")
    assert (await _hover(client, path, 10, 5)).startswith('**hours**\n\nWhen the channel is staffed: "always" (24/7)')


@pytest.mark.asyncio
async def test_completion_offers_fields_values_and_ids(client: LanguageClient, folder: Path) -> None:
    path = folder / "w.charter.yaml"
    await open_charter(client, path, MINIMAL_CHARTER.replace("    hours: always\n", "    hours: always\n    ty\n"))
    document = types.TextDocumentIdentifier(path.as_uri())
    fields = await client.text_document_completion_async(types.CompletionParams(document, _position(10, 6)))
    assert isinstance(fields, types.CompletionList)
    assert [item.label for item in fields.items] == ["name", "address", "platform", "commitments",
                                                     "human_follow_up", "handoff_to", "accessibility"]
    assert fields.items[0].insert_text == "name: "
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(version=2, uri=path.as_uri()),
        [types.TextDocumentContentChangeWholeDocument(
            MINIMAL_CHARTER.replace("review:\n", "feedback:\n  channels:\n    - \nreview:\n"))]))
    ids = await client.text_document_completion_async(types.CompletionParams(document, _position(12, 6)))
    assert isinstance(ids, types.CompletionList)
    assert [(item.label, item.detail) for item in ids.items] == [("phone", "channel")]
    types_ = await client.text_document_completion_async(types.CompletionParams(document, _position(8, 10)))
    assert isinstance(types_, types.CompletionList)
    assert [item.label for item in types_.items][:3] == ["phone", "email", "live_chat"]


@pytest.mark.asyncio
async def test_go_to_definition_of_a_channel_reference(client: LanguageClient, folder: Path) -> None:
    path = folder / "w.charter.yaml"
    text = MINIMAL_CHARTER.replace("review:\n", "feedback:\n  channels: [phone]\nreview:\n")
    await open_charter(client, path, text)
    found = await client.text_document_definition_async(types.DefinitionParams(
        types.TextDocumentIdentifier(path.as_uri()), _position(11, 14)))
    assert isinstance(found, types.Location)
    assert (found.uri, found.range) == (path.as_uri(), types.Range(_position(7, 8), _position(7, 13)))


@pytest.mark.asyncio
async def test_code_actions_fix_and_suppress(client: LanguageClient, folder: Path) -> None:
    path = folder / "w.charter.yaml"
    diagnostics = await open_charter(client, path, BROKEN)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(path.as_uri()), diagnostics[0].range, types.CodeActionContext(diagnostics[:1])))
    assert actions is not None
    assert [(a.title, a.kind) for a in actions if isinstance(a, types.CodeAction)] == [
        ('Replace with "phone"', types.CodeActionKind.QuickFix),
        ("Suppress CH013 on this line (give the reason)", types.CodeActionKind.QuickFix),
        ("Fix all safe charterlint fixes (2)", "source.fixAll.charterlint"),
    ]
    fix, suppress = actions[0], actions[1]
    assert isinstance(fix, types.CodeAction) and fix.edit is not None and fix.edit.changes is not None
    assert list(fix.edit.changes[path.as_uri()]) == [types.TextEdit(diagnostics[0].range, "phone")]
    assert isinstance(suppress, types.CodeAction) and suppress.edit is not None and suppress.edit.changes is not None
    assert list(suppress.edit.changes[path.as_uri()]) == [types.TextEdit(
        types.Range(_position(8, 0), _position(8, 0)),
        "    # charterlint: disable-next-line CH013 -- TODO: say why this does not apply\n")]
    # The editor applies the fix: the finding goes.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(version=2, uri=path.as_uri()),
        [types.TextDocumentContentChangePartial(diagnostics[0].range, "phone")]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert [d.code for d in client.diagnostics[path.as_uri()]] == ["CH012"]


@pytest.mark.asyncio
async def test_a_crashing_rule_is_a_ch000_diagnostic_and_the_server_goes_on(client: LanguageClient,
                                                                            folder: Path) -> None:
    plugin = folder / "boom_rules"
    plugin.mkdir()
    source = Path(__file__).resolve().parents[1] / "plugin_project" / "boom_rules"
    (plugin / "__init__.py").write_text((source / "__init__.py").read_text(encoding="utf-8"), encoding="utf-8")
    (plugin / "rules").mkdir()
    for rule in (source / "rules").iterdir():
        (plugin / "rules" / rule.name).write_text(rule.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / ".charterlint.yaml").write_text("today: 2026-01-01\nignore: [CH101, CH104, CH403]\nplugins: [boom_rules]\n",
                                              encoding="utf-8")
    path = folder / "w.charter.yaml"
    diagnostics = await open_charter(client, path, MINIMAL_CHARTER)
    assert [(d.code, d.severity) for d in diagnostics] == [("CH000", types.DiagnosticSeverity.Error)]
    assert "RuntimeError" in diagnostics[0].message
    assert (await _hover(client, path, 0, 0)).startswith("**CH000 internal-error**")  # still serving


@pytest.mark.asyncio
async def test_a_wrong_configuration_is_said_and_fixing_it_lints_again(client: LanguageClient, folder: Path) -> None:
    config = folder / ".charterlint.yaml"
    config.write_text("today: 2026-01-01\nfail-on: sometimes\n", encoding="utf-8")
    path = folder / "w.charter.yaml"
    diagnostics = await open_charter(client, path, BROKEN)
    assert [(d.code, d.range.start.line, d.severity) for d in diagnostics] == [(None, 0, types.DiagnosticSeverity.Error)]
    assert diagnostics[0].message.startswith("charterlint did not run: ")
    assert "fail-on" in diagnostics[0].message
    assert [m.type for m in client.messages] == [types.MessageType.Error]
    config.write_text("today: 2026-01-01\nignore: [CH101, CH104, CH403]\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        [types.FileEvent(config.as_uri(), types.FileChangeType.Changed)]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert [d.code for d in client.diagnostics[path.as_uri()]] == ["CH013", "CH012", None]


@pytest.mark.asyncio
async def test_a_burst_of_changes_is_linted_once_typing_pauses(client: LanguageClient, folder: Path) -> None:
    path = folder / "w.charter.yaml"
    await open_charter(client, path, BROKEN)
    words = ["P", "Ph", "Pho", "Phon", "phone"]  # typed over "Phone", one change a keystroke
    for version, word in enumerate(words, start=2):
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=version, uri=path.as_uri()),
            [types.TextDocumentContentChangeWholeDocument(BROKEN.replace("type: Phone", f"type: {word}"))]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    # the lint right after opening makes the first change wait too: the burst is linted once, as last typed
    assert [d.code for d in client.diagnostics[path.as_uri()]] == ["CH012"]

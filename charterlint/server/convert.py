"""charterlint's places and findings as the Language Server Protocol's.

Spans count lines from 1 and columns in code points from 1; LSP counts both from 0, columns in
the units the client chose (UTF-16 unless it agreed to another): pygls's position codec converts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec, ServerTextPosition

from charterlint.model import Finding, Position, Severity, Skipped, Span
from charterlint.ruleset.rule import Rule

SOURCE = "charterlint"
_SEVERITIES = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
               Severity.INFO: types.DiagnosticSeverity.Information}


def to_position(codec: PositionCodec, lines: Sequence[str], position: Position) -> types.Position:
    line = max(position.line - 1, 0)
    if line >= len(lines):
        return types.Position(line=line, character=0)
    column = min(max(position.column - 1, 0), len(lines[line]))
    return codec.position_to_client_units(lines, ServerTextPosition(line, column))


def to_range(codec: PositionCodec, lines: Sequence[str], span: Span) -> types.Range:
    return types.Range(start=to_position(codec, lines, span.start), end=to_position(codec, lines, span.end))


def from_position(codec: PositionCodec, lines: Sequence[str], position: types.Position) -> Position:
    if position.line >= len(lines):
        return Position(position.line + 1, 1)
    server = codec.position_from_client_units(lines, position)
    return Position(server.line + 1, server.character + 1)


def from_range(codec: PositionCodec, lines: Sequence[str], range_: types.Range) -> Span:
    return Span(from_position(codec, lines, range_.start), from_position(codec, lines, range_.end))


def diagnostic(codec: PositionCodec, lines: Sequence[str], finding: Finding, rules: Mapping[str, Rule]) -> types.Diagnostic:
    """The finding as `check` reports it: code, severity, place and message; the code links to its rule's page."""
    rule = rules.get(finding.code)
    return types.Diagnostic(
        range=to_range(codec, lines, finding.span),
        message=finding.message,
        severity=_SEVERITIES[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=rule.help_uri) if rule is not None else None,
        source=SOURCE,
    )


def skipped_note(codec: PositionCodec, lines: Sequence[str], skipped: Skipped) -> types.Diagnostic:
    """The file's note of the rules that did not run (`check` prints it under the findings)."""
    return types.Diagnostic(range=to_range(codec, lines, skipped.span), message=f"note: {skipped.message}",
                            severity=types.DiagnosticSeverity.Hint, source=SOURCE)

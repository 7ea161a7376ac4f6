"""Fingerprints: stable when lines move, different for different problems."""

from __future__ import annotations

from charterlint.engine.fingerprint import fingerprint, fingerprints, normalize_message
from charterlint.engine.locus import locus
from charterlint.model import Finding, Severity, Span
from tests.helpers import lint_text


def make(message: str = 'duplicate key "hours" (first on line 10)', *, line: int = 11, pointer: str = "/a",
         code: str = "CH002", path: str = "a.charter.yaml") -> Finding:
    return Finding(path, code, "duplicate-key", Severity.ERROR, message, Span.at(line, 5, 5), pointer,
                   locus=pointer)


def test_line_and_column_numbers_quoted_in_messages_do_not_count() -> None:
    assert normalize_message("first on line 10, column 3") == "first on line #, column #"
    assert normalize_message("see lines 4-7  and\tmore") == "see lines # and more"
    assert fingerprint(make(line=11)) == fingerprint(make('duplicate key "hours" (first on line 30)', line=31))


def test_code_path_and_locus_each_count_and_the_message_does_not_when_there_is_a_locus() -> None:
    base = fingerprint(make())
    assert len(base) == 32 and int(base, 16) >= 0
    assert base != fingerprint(make(code="CH021"))
    assert base != fingerprint(make(path="b.charter.yaml"))
    assert base != fingerprint(make(pointer="/b"))
    assert base == fingerprint(make('duplicate key "hours" (today is 2026-01-02)'))


def test_without_a_locus_the_message_before_its_hint_counts() -> None:
    prose = make('the text names "WhatsApp" but no channel provides it (add a channel)', pointer="")
    assert fingerprint(prose) != fingerprint(make('the text names "Viber" but no channel provides it (add a channel)',
                                                  pointer=""))
    assert fingerprint(prose) == fingerprint(make('the text names "WhatsApp" but no channel provides it (other hint)',
                                                  pointer=""))


def test_the_locus_names_list_items_by_id_and_carries_the_value() -> None:
    data = {"channels": [{"id": "phone", "hours": "always"}, {"id": "email", "hours": "office"}]}
    assert locus("/channels/1/hours", data) == "/channels/[id=email]/hours=office"
    assert locus("/channels/1", data) == "/channels/[id=email]"
    assert locus("/channels/1/commitments", data) == "/channels/[id=email]/commitments"
    assert locus("", data) == ""


def test_repeated_identical_findings_get_distinct_fingerprints() -> None:
    first, second, other = fingerprints([make(line=3), make(line=9), make(pointer="/b")])
    assert first == fingerprint(make()) and second != first and other == fingerprint(make(pointer="/b"))


def test_a_finding_keeps_its_fingerprint_when_lines_are_added_above_it() -> None:
    charter = ("charter_format: 1\ntitle: T\norganization:\n  name: O\noverview:\n  mission: M\n"
               "channels:\n  - id: phone\n    type: phone\n    hours: office\nreview:\n  last_reviewed: 2025-06-01\n")
    before = lint_text(charter, ["CH0"]).findings
    after = lint_text("# a new comment\n# and another\n" + charter, ["CH0"]).findings
    assert [f.span.start.line + 2 for f in before] == [f.span.start.line for f in after]
    assert fingerprints(before) == fingerprints(after)

"""`charterlint import` end to end: each kind of input, the draft's citations and TODOs, the lint, the exit codes."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

import pytest

from charterlint.importer import reader
from tests.helpers import run
from tests.importer.accuracy import PROSE
from tests.importer.docx_build import build_docx

MARKDOWN = """\
# Customer promise

Call us on 0800 123 4567, Monday to Friday, 8am to 6pm, or email help@example.org.

## Email

We will reply to your email within 2 working days.

Last updated: 3 March 2026
"""
MISSION_TODO = "  mission:  # TODO (text): what the organisation does for its customers, in its own words"


def _draft(project: Path, name: str) -> str:
    return (project / name).read_text(encoding="utf-8")


def test_a_markdown_page_becomes_a_cited_draft_and_its_findings(project: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (project / "promise.md").write_text(MARKDOWN, encoding="utf-8")
    code, out, err = run(["import", "promise.md", "--today", "2026-06-01", "--color", "never"], capsys)
    assert (code, err) == (0, "")
    draft = _draft(project, "promise.charter.yaml")
    assert out.startswith("wrote promise.charter.yaml: 2 channels, 1 commitment with a time or share, 3 TODOs to"
                          " fill; what `charterlint check` says of it:\n")
    assert 'title: "Customer promise"  # line 1: "Customer promise"' in draft
    assert '  - id: phone  # line 3: "Call us on 0800 123 4567, Monday to Friday, 8am to 6pm, or email' in draft
    assert '    open:  # line 3: "Call us on' in draft and '      mon-fri: "08:00-18:00"' in draft
    assert ('      respond:  # line 7: "We will reply to your email within 2 working days."\n'
            '        within: 2 working days\n') in draft
    assert '  last_reviewed: 2026-03-03  # line 9: "Last updated: 3 March 2026"' in draft
    assert MISSION_TODO in draft
    lines = draft.splitlines()
    mission = lines.index(MISSION_TODO) + 1
    assert (f'promise.charter.yaml:{mission}:11: error CH013 [invalid-value] "overview.mission" must be text, not an'
            " empty value") in out
    timezone = next(n for n, line in enumerate(lines, 1) if line.startswith("    timezone:"))
    assert f"promise.charter.yaml:{timezone}:" in out


def test_a_saved_web_page_is_imported_with_its_title_language_and_lines(project: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["import", str(PROSE / "education-ucas.html"), "-o", "ucas.charter.yaml", "--color", "never"],
                       capsys)
    draft = _draft(project, "ucas.charter.yaml")
    assert code == 0
    assert 'name: "UCAS"  # the page\'s title "Customer service performance - UCAS"' in draft
    assert 'language: "en-GB"' not in draft  # the page declares no language
    assert ('  - id: phone  # line 11 (table cell 3): "Telephone our customer contact centre on 0371 468 0468"'
            in draft)
    assert "    platform: x" in draft  # Twitter, by its current name
    assert 'ucas.charter.yaml:' in out and "CH310 [ambiguous-clock]" in out  # "4 hours" with "office hours"


def test_a_word_document_is_imported_with_paragraph_and_cell_numbers(project: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    outline = (PROSE / "bank-al-rayan.docx.txt").read_text(encoding="utf-8")
    (project / "complaints.docx").write_bytes(build_docx(outline))
    code, out, err = run(["import", "complaints.docx", "--color", "never"], capsys)
    draft = _draft(project, "complaints.charter.yaml")
    assert (code, err) == (0, "")
    assert '  - id: phone  # paragraph 6: "Call Customer Services free on 0808 157 0192."' in draft
    assert '    - body: "Financial Ombudsman Service"  # paragraph 15: "If you are unhappy' in draft
    assert "      after: 8 weeks\n      contact: \"https://www.financial-ombudsman.org.uk\"" in draft
    assert "  acknowledge:  # paragraph 11:" in draft
    assert "complaints.charter.yaml:" in out and "error CH013" in out


def test_an_existing_draft_is_kept_unless_forced(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "promise.md").write_text(MARKDOWN, encoding="utf-8")
    (project / "promise.charter.yaml").write_text("mine\n", encoding="utf-8")
    code, out, err = run(["import", "promise.md"], capsys)
    assert (code, out) == (2, "")
    assert err == 'charterlint: error: "promise.charter.yaml" already exists (use --force to overwrite it)\n'
    assert _draft(project, "promise.charter.yaml") == "mine\n"
    code, _, _ = run(["import", "promise.md", "--force"], capsys)
    assert code == 0 and _draft(project, "promise.charter.yaml").startswith("# A draft charter")


def test_the_draft_is_linted_with_the_configuration_chosen_as_check_chooses_it(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "promise.md").write_text(MARKDOWN, encoding="utf-8")
    (project / ".charterlint.yaml").write_text("ignore: [CH013]\n", encoding="utf-8")
    (project / "other.yaml").write_text("ignore: [CH013, CH403]\n", encoding="utf-8")
    found = {}
    for options in ([], ["--isolated"], ["--config", "other.yaml"]):
        code, out, _ = run(["import", "promise.md", "--force", "--today", "2026-06-01", "--color", "never", *options],
                           capsys)
        assert code == 0
        found[" ".join(options)] = ("CH013" in out, "CH403" in out)
    assert found == {"": (False, True), "--isolated": (True, True), "--config other.yaml": (False, False)}


def test_a_page_that_names_no_channel_is_not_a_charter(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "recipe.md").write_text("# Scones\n\nMix the flour and butter, then bake for 12 minutes.\n",
                                       encoding="utf-8")
    code, out, err = run(["import", "recipe.md"], capsys)
    assert (code, out) == (2, "")
    assert err == ('charterlint: error: "recipe.md" names no way to contact the organisation (no phone number, email,'
                   " letter, visit, chat or other channel): is it a customer service charter?\n")
    assert not (project / "recipe.charter.yaml").exists()


def test_a_missing_library_names_the_extra(project: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "charter.docx").write_bytes(b"PK")
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "docx" else real(name, *a))
    code, _, err = run(["import", "charter.docx"], capsys)
    assert code == 2
    assert err == ("charterlint: error: charterlint import needs the import extra (python-docx is not installed):"
                   " pip install 'charterlint[import]'\n")


def _zip(files: dict[str, bytes]) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return stream.getvalue()


BAD_SOURCES = [
    ("binary.md", b"# T\x00\x01\x02", "is not text (it holds NUL bytes): is it the right file?"),
    ("latin.md", "# Caf\u00e9\n\nCall 0800 123 4567.\n".encode("latin-1"),
     "is not valid UTF-8 (byte 6): save it as UTF-8 and import it again"),
    ("page.html", b'<meta charset="klingon"><p>Call 0800 123 4567</p>', 'declares the unknown charset "klingon"'),
    ("old.doc", b"\xd0\xcf\x11\xe0", "is a Word 97-2003 document (.doc): save it as .docx in Word, then import that"),
    ("notes.pdf", b"%PDF-1.4", 'has the suffix ".pdf": import reads Markdown (.md, .markdown, .txt), a saved web page'
                               " (.html, .htm) or a Word document (.docx)"),
    ("broken.docx", b"PK\x03\x04 not really", "is not a Word document (.docx): it is not a zip package"),
    ("empty.docx", _zip({"hello.txt": b"hi"}), "is not a Word document (.docx): it has no word/document.xml"),
    ("damaged.docx", _zip({"word/document.xml": b"<w:document", "[Content_Types].xml": b"<"}),
     "cannot be read as a Word document (.docx): "),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_SOURCES, ids=[b[0] for b in BAD_SOURCES])
def test_bad_input_gets_a_clear_message_and_exit_2(project: Path, capsys: pytest.CaptureFixture[str], name: str,
                                                   content: bytes, message: str) -> None:
    (project / name).write_bytes(content)
    code, out, err = run(["import", name], capsys)
    assert (code, out) == (2, "")
    assert err.startswith(f'charterlint: error: "{name}" {message}') and "Traceback" not in err
    assert list(project.glob("*.charter.yaml")) == []


def test_a_huge_source_is_refused(project: Path, capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_SOURCE_BYTES", 100)
    (project / "big.md").write_text("Call 0800 123 4567. " * 10, encoding="utf-8")
    code, _, err = run(["import", "big.md"], capsys)
    assert (code, err) == (2, 'charterlint: error: "big.md" is over the limit of 100 bytes\n')


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: None, "does not exist"),
    (lambda p: p.mkdir(), "cannot be read: is a directory, not a regular file"),
])
@pytest.mark.parametrize("name", ["charter.md", "charters"])  # a suffix or none: the path's state is what is said
def test_a_source_that_cannot_be_read(project: Path, capsys: pytest.CaptureFixture[str], make: object,
                                      message: str, name: str) -> None:
    make(project / name)  # type: ignore[operator]
    code, _, err = run(["import", name], capsys)
    assert (code, err) == (2, f'charterlint: error: "{name}" {message}\n')


def test_the_draft_is_not_written_through_a_folder_link_nor_into_a_missing_folder(
        project: Path, capsys: pytest.CaptureFixture[str], tmp_path_factory: pytest.TempPathFactory) -> None:
    (project / "promise.md").write_text(MARKDOWN, encoding="utf-8")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (project / "drafts").symlink_to(elsewhere, target_is_directory=True)
    code, out, err = run(["import", "promise.md", "-o", "drafts/promise.charter.yaml"], capsys)
    assert (code, out) == (2, "")
    assert err == ('charterlint: error: cannot write "drafts/promise.charter.yaml": folder "drafts" is a symbolic'
                   " link, which charterlint does not write through (name the real folder)\n")
    assert list(elsewhere.iterdir()) == []
    code, _, err = run(["import", "promise.md", "-o", "new/promise.charter.yaml"], capsys)
    assert (code, err) == (2, 'charterlint: error: cannot write "new/promise.charter.yaml": folder "new" does not'
                              " exist (create it first)\n")


def test_a_file_name_with_a_line_break_stays_one_line_in_the_summary(project: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    (project / "p.md").write_text(MARKDOWN, encoding="utf-8")
    code, out, _ = run(["import", "p.md", "-o", "x\n::warning::y.charter.yaml", "--color", "never"], capsys)
    assert code == 0
    assert out.startswith("wrote x\\n::warning::y.charter.yaml: 2 channels,")
    assert not any(line.startswith("::") for line in out.splitlines())


def test_the_draft_must_be_yaml(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "promise.md").write_text(MARKDOWN, encoding="utf-8")
    code, _, err = run(["import", "promise.md", "-o", "draft.json"], capsys)
    assert (code, err) == (2, 'charterlint: error: "draft.json": the draft is YAML: name it *.charter.yaml\n')


def test_a_source_with_too_much_text_is_refused(project: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_TEXT_CHARACTERS", 50)
    (project / "long.md").write_text(MARKDOWN, encoding="utf-8")
    code, _, err = run(["import", "long.md"], capsys)
    assert code == 2
    assert err.startswith('charterlint: error: "long.md" holds 179 characters of text, over the limit of 50')

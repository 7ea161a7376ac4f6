"""`charterlint render` as a user runs it: exit codes, refusal and --force, output paths, hostile
charters and templates, an organisation's templates and words, and the missing extra."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from charterlint.cli.app import main
from tests.helpers import ANSWERED_PHONE_HEAD, MINIMAL_CHARTER, REVIEW, ROOT, run, write
from tests.reporters.test_html import EVIL, YAML_HOSTILE

docx = pytest.importorskip("docx", reason="python-docx (the render extra) is not installed")

CLEAN = ROOT / "examples" / "housing.charter.yaml"
LEGACY = ROOT / "examples" / "legacy.charter.yaml"
MD_EVIL = "[x](javascript:alert(1)) | *y* _z_ `c` ![i](http://e.invalid/x.png) # h <b>bold</b>"
# Renders without --force: no error-level finding.
PLAIN = ANSWERED_PHONE_HEAD + "feedback: {channels: [phone]}\n" + REVIEW
HOSTILE = YAML_HOSTILE.replace("title: '", f"title: '{MD_EVIL} ", 1)
HOSTILE_BODY = f"""---
{PLAIN}---
# About

<script>alert(1)</script> and [a link](javascript:alert(2)) and <img src=x onerror=alert(3)>

<div onclick="alert(4)">raw block</div>
"""


def render(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    return run(["render", "--today", "2026-01-01", *args], capsys)


class Tags(HTMLParser):
    """Every tag, attribute and script a browser's parser would see."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


# === refusal and --force =====================================================================

def test_a_clean_charter_is_rendered_to_standard_output(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    code, out, err = render(capsys, str(CLEAN))
    assert code == 0 and err == ""
    assert out.startswith("<!DOCTYPE html>\n<html lang=\"en-GB\">")
    assert "<li>We answer 85% of calls within 60 seconds.</li>" in out
    assert "noindex" not in out and "DRAFT" not in out
    # self-contained: styles inline (with a print layout), nothing fetched, nothing run
    assert "@media print {" in out and "<style>" in out
    tags = Tags(out).tags
    assert not [tag for tag, attributes in tags if tag in ("link", "script", "img", "iframe") or "src" in attributes]
    assert "url(" not in out and "@import" not in out


def test_error_level_findings_refuse_the_page_and_name_them(capsys: pytest.CaptureFixture[str],
                                                            project: Path) -> None:
    target = project / "legacy.html"
    code, out, err = render(capsys, str(LEGACY), "-o", str(target))
    assert code == 1 and out == ""
    assert not target.exists()
    assert "error CH305 [business-unit-without-calendar]" in err
    assert err.endswith("legacy.charter.yaml was not rendered: 8 error-level findings (fix them, or render a"
                        " draft with --force)\n")


def test_force_renders_a_draft_that_search_engines_leave_alone(capsys: pytest.CaptureFixture[str],
                                                               project: Path) -> None:
    target = project / "legacy.html"
    code, _, err = render(capsys, str(LEGACY), "--force", "-o", str(target))
    assert code == 0
    page = target.read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in page
    assert '<p class="draft" role="note">DRAFT: this charter has not passed its checks' in page
    assert "<title>DRAFT: Our Service Promise | Northern Counties Building Society</title>" in page
    assert err.endswith(f"rendered {LEGACY} to {target}\n")


def test_a_charter_the_schema_rejects_is_never_rendered(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    broken = write(project / "broken.charter.yaml", MINIMAL_CHARTER.replace("type: phone", "type: pigeon"))
    code, out, err = render(capsys, str(broken), "--force")
    assert code == 1 and out == ""
    assert "CH010" in err or "schema" in err
    assert err.endswith("broken.charter.yaml was not rendered: it does not match the charter schema (--force renders"
                        " a draft only of a charter the schema accepts)\n")


def test_a_file_that_does_not_parse_is_refused_and_others_are_rendered(capsys: pytest.CaptureFixture[str],
                                                                      project: Path) -> None:
    write(project / "charters" / "bad.charter.yaml", "title: [unclosed\n")
    write(project / "charters" / "good.charter.yaml", PLAIN)
    code, _, err = render(capsys, "charters", "--format", "md", "-o", "site")
    assert code == 1
    assert (project / "site" / "good.md").read_text(encoding="utf-8").startswith("# Example Water customer charter\n")
    assert not (project / "site" / "bad.md").exists()
    assert "bad.charter.yaml was not rendered: it could not be read as a charter" in err
    assert "Traceback" not in err


# === outputs ===================================================================================

def test_several_charters_need_a_directory_and_get_one_page_each(capsys: pytest.CaptureFixture[str],
                                                                project: Path) -> None:
    code, _, err = render(capsys, str(CLEAN), str(ROOT / "examples" / "council.charter.md"))
    assert code == 2 and "2 charters to render: give -o DIRECTORY for their pages" in err
    code, _, _ = render(capsys, str(CLEAN), str(ROOT / "examples" / "council.charter.md"), "-o", "out", "-f", "docx")
    assert code == 0
    assert sorted(path.name for path in (project / "out").iterdir()) == ["council.docx", "housing.docx"]


def test_two_charters_of_one_name_are_not_written_over_each_other(capsys: pytest.CaptureFixture[str],
                                                                   project: Path) -> None:
    write(project / "a" / "x.charter.yaml", PLAIN)
    write(project / "b" / "x.charter.yml", PLAIN)
    code, _, err = render(capsys, "a", "b", "-o", "out")
    assert code == 2 and "would both be written to x.html" in err
    assert not (project / "out").exists()


def test_output_never_replaces_a_charter_being_rendered(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    source = write(project / "x.charter.yaml", PLAIN)
    other = write(project / "pages" / "y.md", PLAIN)  # named as a source, and the name of its own page
    for args in (["x.charter.yaml", "-o", "x.charter.yaml"], ["x.charter.yaml", "-o", "./x.charter.yaml"],
                 ["x.charter.yaml", "pages/y.md", "-f", "md", "-o", "pages"]):
        code, out, err = render(capsys, *args)
        assert code == 2 and "is a charter being rendered: give -o another file, or a directory" in err, args
    assert source.read_text(encoding="utf-8") == PLAIN
    assert other.read_text(encoding="utf-8") == PLAIN


def test_pages_are_not_written_through_a_folder_link_a_repository_could_commit(
        capsys: pytest.CaptureFixture[str], project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (project / "site").symlink_to(elsewhere, target_is_directory=True)
    write(project / "x.charter.yaml", PLAIN)
    for output in ("site/", "site/x.html", "site/deeper/"):
        code, _, err = render(capsys, "x.charter.yaml", "-o", output)
        assert code == 2, output
        assert err.endswith('folder "site" is a symbolic link, which charterlint does not write through (name the'
                            ' real folder)\n'), err
    assert list(elsewhere.iterdir()) == []


def test_the_output_name_sets_the_format_unless_format_says_otherwise(capsys: pytest.CaptureFixture[str],
                                                                       project: Path) -> None:
    write(project / "x.charter.yaml", PLAIN)
    assert render(capsys, "x.charter.yaml", "-o", "board.docx")[0] == 0
    assert docx.Document(str(project / "board.docx")).paragraphs  # a Word document, not HTML named .docx
    assert render(capsys, "x.charter.yaml", "-o", "page.MD")[0] == 0
    assert (project / "page.MD").read_text(encoding="utf-8").startswith("# ")
    assert render(capsys, "x.charter.yaml", "-o", "page.txt")[0] == 0
    assert (project / "page.txt").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    code, _, err = render(capsys, "x.charter.yaml", "-o", "page.html", "-f", "docx")
    assert code == 2 and 'Error: "page.html" is an HTML file name but --format is docx (change one of them)' in err
    assert not (project / "page.html").exists()


def test_dash_as_output_is_standard_output(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    write(project / "x.charter.yaml", PLAIN)
    code, out, _ = render(capsys, "x.charter.yaml", "-o", "-", "-f", "md")
    assert code == 0 and out.startswith("# ")
    assert not (project / "-").exists()


def test_a_word_document_is_not_written_to_a_terminal(capsys: pytest.CaptureFixture[str], project: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    code, _, err = render(capsys, str(CLEAN), "-f", "docx")
    assert code == 2 and "a Word document is not for a terminal: give -o FILE.docx" in err


# === hostile input ============================================================================

def test_hostile_charter_text_stays_text_in_every_format(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    source = write(project / "hostile.charter.yaml", HOSTILE)
    for output_format in ("html", "md", "docx"):
        assert render(capsys, str(source), "-f", output_format, "-o", f"page.{output_format}")[0] == 0
    html = (project / "page.html").read_text(encoding="utf-8")
    tags = Tags(html).tags
    assert {tag for tag, _ in tags} <= {"html", "head", "meta", "title", "style", "body", "a", "header", "div", "p",
                                        "h1", "nav", "h2", "ul", "li", "main", "section", "h3", "h4", "dl", "dt", "dd",
                                        "table", "caption", "thead", "tbody", "tr", "th", "td", "strong", "span", "br",
                                        "footer"}
    assert not any(name.startswith("on") for _, attributes in tags for name in attributes)
    assert not any((attributes.get("href") or "").startswith("javascript") for _, attributes in tags)
    assert html.count("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;") >= 10
    markdown = (project / "page.md").read_text(encoding="utf-8")
    shown = MarkdownIt("commonmark", {"html": True}).render(markdown)  # as a static site renders it, raw HTML on
    assert {tag for tag, _ in Tags(shown).tags} <= {"h1", "h2", "h3", "h4", "p", "ul", "li", "strong", "table", "thead",
                                                    "tbody", "tr", "th", "td", "blockquote", "a", "br"}
    assert not any((attributes.get("href") or "").startswith("javascript") for _, attributes in Tags(shown).tags)
    assert r"\[x\](javascript:alert(1)) \| \*y\* \_z\_ \`c\` \!\[i\](http://e.invalid/x.png) \# h \<b\>bold\</b\>" \
        in markdown
    document = docx.Document(str(project / "page.docx"))
    assert document.paragraphs[0].text.startswith(MD_EVIL)
    assert any(EVIL in p.text for p in document.paragraphs[1:])


def test_a_markdown_charters_raw_html_is_shown_not_run(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    source = write(project / "body.charter.md", HOSTILE_BODY)
    assert render(capsys, str(source), "-o", "page.html")[0] == 0
    assert render(capsys, str(source), "-o", "page.md", "-f", "md")[0] == 0
    html = (project / "page.html").read_text(encoding="utf-8")
    assert '<h3>About</h3>\n<p>&lt;script&gt;alert(1)&lt;/script&gt; and [a link](javascript:alert(2)) and' \
           ' &lt;img src=x onerror=alert(3)&gt;</p>\n<p>&lt;div onclick=&quot;alert(4)&quot;&gt;raw block&lt;/div&gt;</p>' \
           in html
    markdown = (project / "page.md").read_text(encoding="utf-8")
    assert "### About\n\n&lt;script>alert(1)&lt;/script>" in markdown and "<div" not in markdown


LINKS_BODY = f"""---
{PLAIN}---
[a](javascript:alert(1)) and [b](JaVa&#115;cript:alert(2)) and ![i](data:text/html,x) and \\[c](javascript:alert(3))

[by reference][r] and `[code](javascript:shown)`

A [safe link](https://example.org/help) stays a link.

[r]: javascript:alert(4)

    [indented code](javascript:kept)
"""


def test_a_markdown_charters_dangerous_links_are_no_links_in_any_static_site(capsys: pytest.CaptureFixture[str],
                                                                            project: Path) -> None:
    source = write(project / "links.charter.md", LINKS_BODY)
    assert render(capsys, str(source), "-o", "page.md")[0] == 0
    markdown = (project / "page.md").read_text(encoding="utf-8")
    permissive = MarkdownIt("commonmark", {"html": True})
    permissive.validateLink = lambda url: True  # type: ignore[method-assign] # a generator that checks no address
    tags = Tags(permissive.render(markdown)).tags
    addresses = [attributes.get("href") or attributes.get("src") for tag, attributes in tags if tag in ("a", "img")]
    assert addresses == ["https://example.org/help"]
    assert "    [indented code](javascript:kept)" in markdown  # a code block is shown as it is


# === the organisation's templates and words ======================================================

def configure(project: Path, render_section: str) -> None:
    write(project / ".charterlint.yaml", f"render:\n{render_section}")
    (project / ".git").mkdir(exist_ok=True)


def test_an_organisations_stylesheet_and_words_replace_the_shipped_ones(capsys: pytest.CaptureFixture[str],
                                                                        project: Path) -> None:
    configure(project, "  templates: brand\n  messages: words.yaml\n  language: cy\n")
    write(project / "brand" / "charter.css", "body { color: #000000; } /* brand */\n")
    write(project / "words.yaml", "heading.contact: Sut i gysylltu â ni\n")
    write(project / "c.charter.yaml", PLAIN)
    code, out, err = render(capsys, "c.charter.yaml")
    assert code == 0, err
    assert '<html lang="cy">' in out and "/* brand */" in out and "system-ui" not in out
    assert '<h2 id="contact-heading">Sut i gysylltu â ni</h2>' in out


def test_a_template_may_extend_the_shipped_one_block_by_block(capsys: pytest.CaptureFixture[str],
                                                             project: Path) -> None:
    configure(project, "  templates: brand\n")
    write(project / "brand" / "charter.html.j2",
          '{% extends "charterlint/charter.html.j2" %}{% block styles %}{{ super() }} .brand{}{% endblock %}')
    write(project / "c.charter.yaml", PLAIN)
    code, out, _ = render(capsys, "c.charter.yaml")
    assert code == 0 and "system-ui" in out and " .brand{}" in out


@pytest.mark.parametrize(("template", "message"), [
    ("{% if %}", "error: template brand/charter.html.j2:1: Expected an expression, got 'end of statement block'\n"),
    ("\n{{ page.nothing }}", "error: template brand/charter.html.j2:2: UndefinedError: 'charterlint.render.page.Page"
                             " object' has no attribute 'nothing'\n"),
    ("{{ page.__class__.__mro__ }}", "error: template brand/charter.html.j2:1: SecurityError: access to attribute"
                                     " '__class__' of 'Page' object is unsafe.\n"),
    ('{% include "missing.css" %}', 'error: template "missing.css" not found (in '),
    ("{% for x in range(10**9) %}{% endfor %}", "error: template brand/charter.html.j2:1: OverflowError: Range too big."),
])
def test_a_broken_or_hostile_template_is_a_clear_error_and_writes_nothing(
        capsys: pytest.CaptureFixture[str], project: Path, template: str, message: str) -> None:
    configure(project, "  templates: brand\n")
    write(project / "brand" / "charter.html.j2", template)
    write(project / "c.charter.yaml", PLAIN)
    code, out, err = render(capsys, "c.charter.yaml", "-o", "page.html")
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err
    assert not (project / "page.html").exists()


def test_unknown_words_in_the_catalogue_are_named_with_their_line(capsys: pytest.CaptureFixture[str],
                                                                  project: Path) -> None:
    configure(project, "  messages: words.yaml\n")
    write(project / "words.yaml", "heading.contact: Contact\nheading.contcat: Contact\n")
    write(project / "c.charter.yaml", PLAIN)
    code, _, err = render(capsys, "c.charter.yaml")
    assert code == 2
    assert re.search(r"error: render messages: words\.yaml:2:1: heading\.contcat: unknown key", err), err


@pytest.mark.parametrize(("words", "message"), [
    ('wording.share: "{share} o {nouns}"\n', 'words.yaml:1:16: wording.share: unknown placeholder "{nouns}" (this'
                                                " message takes {noun}, {share})"),
    ('wording.within: "o fewn {duration.__class__}"\n', 'unknown placeholder "{duration.__class__}"'),
    ('wording.within: "o fewn {}"\n', 'unknown placeholder "{}"'),
    ('label.hours: "Oriau {agor"\n', "label.hours: braces do not pair (write {{ and }} for a brace; this message"
                                    " takes no placeholder)"),
])
def test_a_translation_fills_in_only_what_its_message_gives(capsys: pytest.CaptureFixture[str], project: Path,
                                                             words: str, message: str) -> None:
    configure(project, "  messages: words.yaml\n")
    write(project / "words.yaml", words)
    write(project / "c.charter.yaml", PLAIN)
    code, out, err = render(capsys, "c.charter.yaml")
    assert code == 2 and out == ""
    assert message in err, err


def test_one_file_translates_the_sentences_too(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    configure(project, "  messages: cy.yaml\n")
    write(project / "cy.yaml", "\n".join([
        'wording.lead.will: "Rydym yn"', 'wording.verb.answer: ateb', 'wording.contacts.phone: galwadau',
        'wording.share: "{share} o {noun}"', 'wording.within: "o fewn {duration}"', 'wording.units.second: eiliad',
        'opening.always: "24 awr y dydd, 7 diwrnod yr wythnos"', 'heading.contact: Sut i gysylltu â ni',
        'wording.verb.respond: ymateb i', ""]))
    write(project / "c.charter.yaml", PLAIN.replace("      answer: {within: 60 seconds, target: 80%}\n",
                                                     "      answer: {within: 60 seconds, target: 80%}\n"
                                                     "      respond: {within: 90 seconds}\n"))
    code, out, err = render(capsys, "c.charter.yaml", "-f", "md")
    assert code == 0, err
    assert "## Sut i gysylltu â ni" in out
    assert "- Rydym yn ateb 80% o galwadau o fewn 60 eiliad." in out
    # the verb for a call's reply (wording.verb.respond.phone) follows the one translated for every reply
    assert "- Rydym yn ymateb i galwadau o fewn 90 eiliad." in out
    assert "**Opening hours:** 24 awr y dydd, 7 diwrnod yr wythnos" in out


def test_templates_outside_the_repository_are_refused(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    configure(project, "  templates: ../elsewhere\n")
    write(project / "c.charter.yaml", PLAIN)
    code, _, err = render(capsys, "c.charter.yaml")
    assert code == 2 and '"../elsewhere" is outside the repository' in err


def test_without_the_render_extra_the_message_names_it(capsys: pytest.CaptureFixture[str], project: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "jinja2" else real(name, *a))
    code, out, err = render(capsys, str(CLEAN))
    assert code == 2 and out == ""
    assert err == ("charterlint: error: charterlint render needs the render extra (jinja2 is not installed):"
                   " pip install 'charterlint[render]'\n")


def test_the_word_page_goes_to_standard_output_when_piped(capsys: pytest.CaptureFixture[str],
                                                           project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.BytesIO()

    class Pipe(io.TextIOWrapper):
        def isatty(self) -> bool:
            return False

    monkeypatch.setattr("sys.stdout", Pipe(buffer, encoding="utf-8"))
    assert main(["render", str(CLEAN), "-f", "docx", "--today", "2026-01-01"]) == 0
    assert docx.Document(io.BytesIO(buffer.getvalue())).paragraphs[0].text == "Our service standards"

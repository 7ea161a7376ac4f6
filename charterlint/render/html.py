"""The published charter as one self-contained HTML page, from Jinja2 templates.

The shipped templates are in render/templates/ (`charter.html.j2`, which includes
`charter.css`). An organisation's directory (configuration `render.templates`) is searched
first: a `charter.css` there restyles the page, a `charter.html.j2` replaces it, and one that
starts `{% extends "charterlint/charter.html.j2" %}` replaces only the blocks it names
(`styles`, `main`). Templates from a repository are hostile input: they run in Jinja2's
sandbox, every value is escaped (autoescape), and a template that fails to load or render is a
RenderError naming the template and its line, never a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from charterlint.render.page import Page, contents
from charterlint.render.prose import body_html
from charterlint.source.discovery import display_path

TEMPLATE = "charter.html.j2"
SHIPPED = Path(__file__).parent / "templates"


class RenderError(Exception):
    """A template (or the words) that cannot be loaded or rendered: the message names the file and its line."""

    def __init__(self, reason: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason, self.path, self.line = reason, path, line

    def shown(self, cwd: Path) -> str:
        """`template PATH:LINE: reason`, the path relative to `cwd` when inside it."""
        if self.path is None:
            return self.reason
        return f"template {display_path(Path(self.path), cwd)}{f':{self.line}' if self.line else ''}: {self.reason}"

    def __str__(self) -> str:
        return self.shown(Path("/"))


def href(address: str) -> str:
    """A link for a web or email address; '' for anything else (a phone number, a postal address)."""
    if address.startswith(("https://", "http://")) and not any(c.isspace() for c in address):
        return address
    local, at, domain = address.partition("@")
    if at and local and "." in domain and not any(c.isspace() or c in "<>\"':/" for c in address):
        return f"mailto:{address}"
    return ""


def environment(templates: Path | None) -> jinja2.Environment:
    """The sandboxed environment: the organisation's templates first, then the shipped ones
    (also as `charterlint/<name>`, for `{% extends %}`)."""
    shipped = jinja2.FileSystemLoader(str(SHIPPED))
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(str(templates))] if templates is not None else []
    loaders += [shipped, jinja2.PrefixLoader({"charterlint": shipped})]
    return SandboxedEnvironment(loader=jinja2.ChoiceLoader(loaders), autoescape=True, trim_blocks=True,
                                undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def render_html(page: Page, messages: Mapping[str, str], templates: Path | None = None) -> str:
    """The page as HTML; RenderError when a template fails."""
    try:
        template = environment(templates).get_template(TEMPLATE)
        return template.render(page=page, t=messages, href=href, contents=contents(page, messages),
                               body_html=Markup(body_html(page.body)))
    except jinja2.TemplateSyntaxError as error:
        raise RenderError(str(error.message), error.filename or error.name or TEMPLATE, error.lineno) from None
    except jinja2.TemplateNotFound as error:
        raise RenderError(f'template "{error.name}" not found (in {templates or SHIPPED}, then the shipped templates)') \
            from None
    except Exception as error:  # noqa: BLE001 - an organisation's template may fail in any way: say where
        path, line = _where(error)
        raise RenderError(f"{type(error).__name__}: {error}", path or TEMPLATE, line) from None


def _where(error: BaseException) -> tuple[str | None, int | None]:
    """The file and line of the innermost template frame of a render error (Jinja2 puts the template's
    own name and line in the traceback), when there is one."""
    found: tuple[str | None, int | None] = (None, None)
    trace = error.__traceback__
    while trace is not None:
        name = trace.tb_frame.f_code.co_filename
        if name.endswith((".j2", ".html", ".css")):
            found = (name, trace.tb_lineno)
        trace = trace.tb_next
    return found

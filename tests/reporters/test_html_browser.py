"""The HTML report in a real browser: headless Chromium renders it, its DOM holds each cell's state,
charter markup stays text, and a screenshot is taken.

Chromium comes from Debian's `chromium` package (.ci/run installs it) or `CHARTERLINT_CHROMIUM`;
where none is found the tests are skipped and say why. `pytest --update-golden` also rewrites the
README's screenshot, docs/images/report.png, quantised with Pillow when it is installed, and
only if it stays under 200 KB.
"""

from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from charterlint.cli.app import main
from tests.helpers import ROOT
from tests.reporters.test_html import EVIL, YAML_HOSTILE

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync")
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BUSES = "tests/fixtures/matrix/buses.charter.yaml"
README_SCREENSHOT = ROOT / "docs" / "images" / "report.png"
README_PAGE = "examples/legacy.charter.yaml"
README_WINDOW = (1280, 1200)
MAX_SCREENSHOT_BYTES = 200 * 1024
EXPECTED_STATES = {
    "phone": {"answer": "met", "acknowledge": "not-applicable", "respond": "not-applicable", "resolve": "met",
              "follow_up": "not-applicable", "feedback": "met", "escalation": "met", "accessibility": "met"},
    "email": {"answer": "not-applicable", "acknowledge": "met", "respond": "flagged", "resolve": "missing",
              "follow_up": "met", "feedback": "met", "escalation": "met", "accessibility": "missing"},
    "whatsapp": {"answer": "not-applicable", "acknowledge": "missing", "respond": "met", "resolve": "missing",
                 "follow_up": "not-applicable", "feedback": "flagged", "escalation": "met", "accessibility": "missing"},
    "assistant": {"answer": "not-applicable", "acknowledge": "not-applicable", "respond": "not-applicable",
                  "resolve": "not-applicable", "follow_up": "met", "feedback": "not-applicable",
                  "escalation": "not-applicable", "accessibility": "missing"},
}


@pytest.fixture(scope="module")
def browser() -> str:
    configured = os.environ.get("CHARTERLINT_CHROMIUM")
    found = configured or next((path for path in map(shutil.which, BROWSERS) if path), None)
    if not found:
        pytest.skip("headless Chromium not found (install Debian's package: apt-get install -y chromium, "
                    "or set CHARTERLINT_CHROMIUM); .ci/run installs it")
    return found


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for variable in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(variable, raising=False)


def chromium(browser: str, workdir: Path, *args: str) -> str:
    """Run headless Chromium with an empty profile; its standard output."""
    profile = workdir / f"profile-{len(list(workdir.glob('profile-*')))}"
    profile.mkdir()
    done = subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=180, check=False, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def write_page(path: Path, *args: str) -> Path:
    main(["check", *args, "--today", "2026-01-01", "--format", f"html:{path}"])
    return path


class Cells(HTMLParser):
    """The state of every matrix cell in a DOM, by channel and column."""

    def __init__(self, dom: str) -> None:
        super().__init__()
        self.states: dict[str, dict[str, str]] = {}
        self._channel = ""
        self.feed(dom)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "tr" and attributes.get("data-channel"):
            self._channel = attributes["data-channel"] or ""
            self.states[self._channel] = {}
        elif tag == "td" and attributes.get("data-column"):
            self.states[self._channel][attributes["data-column"] or ""] = attributes.get("data-state") or ""


def test_the_browser_shows_each_cells_state(browser: str, tmp_path: Path) -> None:
    page = write_page(tmp_path / "buses.html", BUSES, "--preset", "strict")
    dom = chromium(browser, tmp_path, "--dump-dom", page.as_uri())
    assert Cells(dom).states == EXPECTED_STATES
    assert '<span class="badge s-overdue">overdue</span>' in dom
    assert '<h1>Charter review report</h1>' in dom


def test_charter_markup_stays_text_in_the_browser(browser: str, tmp_path: Path) -> None:
    source = tmp_path / "hostile.charter.yaml"
    source.write_text(YAML_HOSTILE, encoding="utf-8")
    page = write_page(tmp_path / "hostile.html", str(source), "--preset", "strict")
    dom = chromium(browser, tmp_path, "--dump-dom", page.as_uri())
    assert "<script" not in dom and "<img" not in dom
    assert "&lt;script&gt;alert(\"x\")&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in dom
    assert dom.count("&lt;script&gt;") >= EVIL.count("<script>") * 5


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def screenshot(browser: str, workdir: Path, page: Path, width: int, height: int) -> bytes:
    shot = workdir / f"shot-{width}x{height}.png"
    chromium(browser, workdir, "--hide-scrollbars", f"--screenshot={shot}", f"--window-size={width},{height}",
             page.as_uri())
    return shot.read_bytes()


def smaller(png: bytes) -> bytes:
    """The screenshot in 64 colours when Pillow is installed (a test-time nicety, not a dependency)."""
    try:
        from PIL import Image
    except ImportError:
        return png
    image = Image.open(io.BytesIO(png)).convert("RGB")
    quantised = image.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    quantised.save(out, "PNG", optimize=True)
    return out.getvalue()


def save_docs_screenshot(png: bytes, path: Path) -> None:
    """A screenshot for the docs (with --update-golden): made smaller, and refused over 200 KB."""
    png = smaller(png)
    assert len(png) < MAX_SCREENSHOT_BYTES, f"screenshot is {len(png):,} bytes: over 200 KB, not written"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)


def assert_small_docs_screenshot(path: Path, window: tuple[int, int]) -> None:
    """The docs' screenshot, once generated, is a PNG of the window's size under 200 KB."""
    if not path.exists():
        pytest.skip(f"{path.relative_to(ROOT)} not generated yet (pytest --update-golden)")
    data = path.read_bytes()
    assert png_size(data) == window and len(data) < MAX_SCREENSHOT_BYTES


def test_a_screenshot_of_the_page(browser: str, tmp_path: Path, update_golden: bool) -> None:
    page = write_page(tmp_path / "legacy.html", README_PAGE)
    assert png_size(screenshot(browser, tmp_path, page, 1280, 2000)) == (1280, 2000)
    if update_golden:
        save_docs_screenshot(screenshot(browser, tmp_path, page, *README_WINDOW), README_SCREENSHOT)


def test_the_readme_screenshot_is_a_small_png() -> None:
    assert_small_docs_screenshot(README_SCREENSHOT, README_WINDOW)

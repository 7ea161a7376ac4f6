"""The published page in a real browser: headless Chromium opens every example's page with axe-core
injected, and axe finds no violation of WCAG 2.2 level A or AA; a screenshot is taken.

axe-core comes from npm: .ci/run installs it into a scratch directory and names its axe.min.js in
CHARTERLINT_AXE_CORE (locally: `npm install axe-core` and point the variable at
node_modules/axe-core/axe.min.js). Chromium as in tests/reporters/test_html_browser.py. Without
either, the tests are skipped and say why. `pytest --update-golden` also rewrites the screenshot
in docs/images/render.png.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from charterlint.cli.app import main
from tests.helpers import ROOT
from tests.reporters.test_html_browser import (  # noqa: F401 - browser is a fixture
    assert_small_docs_screenshot,
    browser,
    chromium,
    png_size,
    save_docs_screenshot,
    screenshot,
)

WCAG_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
EXAMPLES = sorted(path.name for path in (ROOT / "examples").iterdir() if ".charter." in path.name)
SCREENSHOT = ROOT / "docs" / "images" / "render.png"
SCREENSHOT_PAGE = "housing.charter.yaml"
WINDOW = (1024, 1400)
_RESULT = re.compile(r'<pre id="axe-result">(.*?)</pre>', re.DOTALL)
RUNNER = """
<script src="axe.min.js"></script>
<script>
axe.run(document, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations"]}).then(function (results) {
  var shown = document.createElement("pre");
  shown.id = "axe-result";
  shown.textContent = JSON.stringify({ran: results.passes.length + results.violations.length + results.incomplete.length,
    violations: results.violations.map(function (v) {
      return {id: v.id, help: v.help, nodes: v.nodes.map(function (n) { return n.target.join(" "); })};
    })});
  document.body.appendChild(shown);
});
</script>
"""


@pytest.fixture(scope="module")
def axe() -> Path:
    configured = os.environ.get("CHARTERLINT_AXE_CORE")
    if not configured or not Path(configured).is_file():
        pytest.skip("axe-core not found: set CHARTERLINT_AXE_CORE to node_modules/axe-core/axe.min.js "
                    "(npm install axe-core); .ci/run installs it")
    return Path(configured)


def rendered(folder: Path, example: str, *extra: str) -> Path:
    page = folder / (example.split(".charter.")[0] + ".html")
    forced = ["--force"] if example == "legacy.charter.yaml" else []
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        assert main(["render", f"examples/{example}", "--today", "2026-01-01", "-o", str(page), *forced, *extra]) == 0
    return page


@pytest.mark.parametrize("example", EXAMPLES)
def test_axe_finds_no_wcag_2_2_aa_violation(browser: str, axe: Path, tmp_path: Path, example: str) -> None:  # noqa: F811
    page = rendered(tmp_path, example)
    shutil.copy(axe, tmp_path / "axe.min.js")
    checked = tmp_path / "checked.html"
    html = page.read_text(encoding="utf-8")
    checked.write_text(html.replace("</body>", RUNNER % json.dumps(list(WCAG_AA)) + "</body>"), encoding="utf-8")
    dom = chromium(browser, tmp_path, "--allow-file-access-from-files", "--virtual-time-budget=30000", "--dump-dom",
                   checked.as_uri())
    found = _RESULT.search(dom)
    assert found is not None, "axe did not report (was axe.min.js loaded?)"
    result = json.loads(found.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    assert result["violations"] == []
    assert result["ran"] > 10  # the rules ran on the page, not on an empty document


def test_a_screenshot_of_a_published_page(browser: str, tmp_path: Path, update_golden: bool) -> None:  # noqa: F811
    page = rendered(tmp_path, SCREENSHOT_PAGE)
    shot = screenshot(browser, tmp_path, page, *WINDOW)
    assert png_size(shot) == WINDOW
    if update_golden:
        save_docs_screenshot(shot, SCREENSHOT)


def test_the_docs_screenshot_is_a_small_png() -> None:
    assert_small_docs_screenshot(SCREENSHOT, WINDOW)

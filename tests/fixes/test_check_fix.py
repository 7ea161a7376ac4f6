"""`check --fix`, `--unsafe-fixes` and `--diff` as a user runs them: files written or not, exit codes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from charterlint.fixes.registry import fixers
from tests.helpers import MINIMAL_CHARTER, assert_golden, builtin_rules, run

BROKEN = MINIMAL_CHARTER.replace(
    "    type: phone\n",
    "    type: Phone  # the main line\n    commitments:\n      answer: {within: 1 min, target: 80}\n"
    "      resolve: {within: 3}\n")
FIXED = MINIMAL_CHARTER.replace(
    "    type: phone\n",
    "    type: phone  # the main line\n    commitments:\n      answer: {within: 1 minute, target: 80%}\n"
    "      resolve: {within: 3}\n")


@pytest.fixture
def charter(project: Path) -> Path:
    path = project / "w.charter.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    path.chmod(0o640)
    return path


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    return run(["check", "--isolated", "--no-cache", "--today", "2026-01-01", "--quiet", "--color", "never", *args],
               capsys)


def test_fix_writes_the_safe_fixes_and_reports_what_remains(charter: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _check(capsys, "--fix", "w.charter.yaml")
    assert charter.read_text(encoding="utf-8") == FIXED
    assert oct(charter.stat().st_mode & 0o777) == "0o640"
    assert err == "charterlint: fixed 3 findings in 1 file (1 more fix with --unsafe-fixes)\n"
    assert out.splitlines()[0] == ('w.charter.yaml:12:25: error CH013 [invalid-value] "commitments.resolve.within"'
                                   ' in channel "phone" must be a duration, not the number 3 (write "3 working days")')
    assert code == 1


def test_a_second_fix_changes_nothing(charter: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _check(capsys, "--fix", "w.charter.yaml")
    before = charter.stat().st_mtime_ns
    _, _, err = _check(capsys, "--fix", "w.charter.yaml")
    assert err.startswith("charterlint: fixed 0 findings in 0 files")
    assert charter.stat().st_mtime_ns == before


def test_unsafe_fixes_only_when_asked(charter: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _check(capsys, "--fix", "--unsafe-fixes", "w.charter.yaml")
    assert charter.read_text(encoding="utf-8") == FIXED.replace("{within: 3}", "{within: 3 working days}")
    assert err == "charterlint: fixed 4 findings in 1 file\n"
    assert "CH013" not in out
    assert code == 1  # CH104 and CH403 remain: no fix says what the charter should promise


def test_diff_shows_the_fixes_and_writes_nothing(charter: Path, capsys: pytest.CaptureFixture[str],
                                                update_golden: bool) -> None:
    code, out, err = _check(capsys, "--diff", "w.charter.yaml")
    assert charter.read_text(encoding="utf-8") == BROKEN
    assert_golden("check-diff.patch", out, update_golden)
    assert err == "charterlint: would fix 3 findings in 1 file (1 more fix with --unsafe-fixes)\n"
    assert code == 1


def test_diff_exits_zero_when_nothing_would_change(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "w.charter.yaml").write_text(MINIMAL_CHARTER, encoding="utf-8")
    assert _check(capsys, "--diff", "w.charter.yaml") == (0, "", "charterlint: would fix 0 findings in 0 files\n")


def test_fix_never_writes_through_a_symbolic_link(project: Path, tmp_path_factory: pytest.TempPathFactory,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path_factory.mktemp("outside") / "secret.charter.yaml"
    outside.write_text(BROKEN, encoding="utf-8")
    os.symlink(outside, project / "link.charter.yaml")
    _, _, err = _check(capsys, "--fix", "link.charter.yaml")
    assert outside.read_text(encoding="utf-8") == BROKEN
    assert (project / "link.charter.yaml").is_symlink()
    assert 'not fixing "link.charter.yaml": a symbolic link (fix the file it links to)' in err


def test_fix_leaves_a_file_that_does_not_parse(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "w.charter.yaml"
    path.write_text(BROKEN + "  oops: [\n", encoding="utf-8")
    code, out, _ = _check(capsys, "--fix", "w.charter.yaml")
    assert path.read_text(encoding="utf-8") == BROKEN + "  oops: [\n"
    assert "CH001" in out and code == 1


def test_fix_refuses_standard_input(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _check(capsys, "--fix", "--stdin-filename", "w.charter.yaml")
    assert code == 2
    assert "--fix and --diff change files: they do not read standard input" in err


def test_every_rule_file_with_a_fix_has_a_fixer_and_no_other() -> None:
    declared = {rule.code for rule in builtin_rules() if rule.fix is not None}
    assert declared == set(fixers())


def test_fix_exits_zero_when_nothing_remains(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "w.charter.yaml"
    path.write_text(MINIMAL_CHARTER.replace("type: phone", "type: PHONE"), encoding="utf-8")
    code, out, err = _check(capsys, "--fix", "--select", "CH013", "w.charter.yaml")
    assert (code, err) == (0, "charterlint: fixed 1 finding in 1 file\n")
    assert path.read_text(encoding="utf-8") == MINIMAL_CHARTER


def test_fix_keeps_windows_line_breaks_and_a_byte_order_mark(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "w.charter.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + BROKEN.replace("\n", "\r\n").encode("utf-8"))
    _check(capsys, "--fix", "w.charter.yaml")
    assert path.read_bytes() == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode("utf-8")


def test_diff_headers_keep_a_file_name_on_one_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = "x\n::warning::injected.charter.yaml"  # a line break in a name would start a CI log line of its own
    (project / name).write_text(BROKEN, encoding="utf-8")
    code, out, _ = _check(capsys, "--diff", name)
    assert code == 1
    assert "--- a/x\\n::warning::injected.charter.yaml\n+++ b/x\\n::warning::injected.charter.yaml\n" in out
    assert not any(line.startswith("::") for line in out.splitlines())

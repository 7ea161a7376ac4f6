"""The result cache: unchanged files are not linted again, and a cached run writes the same bytes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from charterlint.batch import work as runner
from charterlint.batch.cache import DEFAULT_DIRECTORY, KEEP_RUNS, open_cache, prune
from charterlint.batch.cache_entry import FORMAT
from tests.helpers import CHARTER, ROOT, run, write

FORMATS = ("text", "json", "sarif", "github", "junit", "html")
ACME = ROOT / "tests" / "plugin_project" / "acme-rules"
SUPPRESSED = CHARTER.replace("We reply shortly.", "We reply shortly.  # charterlint: disable-line CH301 -- house style")


@pytest.fixture
def linted(project: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The report paths of the files each run lints itself (the others come from the cache)."""
    paths: list[str] = []
    real = runner.lint_bytes

    def spy(path: str, raw: bytes, settings: object) -> object:
        paths.append(path)
        return real(path, raw, settings)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "lint_bytes", spy)
    (project / ".git").mkdir()
    write(project / "a.charter.yaml", CHARTER)
    write(project / "b.charter.yaml", CHARTER.replace("Example Water", "Example Gas"))
    yield paths


def check(capsys: pytest.CaptureFixture[str], linted: list[str], *args: str) -> tuple[list[str], int, str]:
    """Run `check` (text); which files it linted itself, its exit code and its output."""
    linted.clear()
    code, out, err = run(["check", "--color", "never", "--today", "2026-01-01", *args], capsys)
    assert err == "" or err.startswith("charterlint: wrote ")
    return sorted(linted), code, out


def entries(root: Path) -> list[Path]:
    return sorted(root.glob("run-*/*.json"))


def test_a_second_run_takes_unchanged_files_from_the_cache(project: Path, linted: list[str],
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    first = check(capsys, linted)
    assert first[0] == ["a.charter.yaml", "b.charter.yaml"] and first[1] == 1
    assert check(capsys, linted) == ([], *first[1:])
    write(project / "b.charter.yaml", CHARTER.replace("Example Water", "Example Oil"))
    assert check(capsys, linted)[0] == ["b.charter.yaml"]
    assert len(entries(project / DEFAULT_DIRECTORY)) == 2  # b's entry was rewritten, not added


@pytest.mark.parametrize(("change", "args"), [
    ("config", ()),
    ("today", ("--today", "2026-02-01")),
    ("select", ("--select", "CH301")),
    ("per-file-ignores", ()),
    ("version", ()),
    ("rule", ()),
])
def test_what_the_findings_depend_on_is_part_of_the_key(project: Path, linted: list[str],
                                                        capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch, change: str,
                                                        args: tuple[str, ...]) -> None:
    check(capsys, linted)
    if change == "config":
        write(project / ".charterlint.yaml", "rules:\n  CH301: {severity: error}\n")
    elif change == "per-file-ignores":
        write(project / ".charterlint.yaml", "per-file-ignores:\n  a.charter.yaml: [CH301]\n")
    elif change == "version":
        monkeypatch.setattr("charterlint.cli.plan.__version__", "99.0")
    elif change == "rule":  # a rule file of a pack: the answer limit goes down to 30 seconds
        shutil.copytree(ACME, project / "acme-rules")
        write(project / ".charterlint.yaml", "rulesets: [acme-rules]\n")
        assert check(capsys, linted)[0] == ["a.charter.yaml", "b.charter.yaml"]  # new settings
        assert check(capsys, linted)[0] == []
        rule = project / "acme-rules" / "ACME002.yaml"
        rule.write_text(rule.read_text(encoding="utf-8").replace("max: 5 minutes", "max: 30 seconds"), encoding="utf-8")
    again = check(capsys, linted, *args)[0]
    assert again == (["a.charter.yaml"] if change == "per-file-ignores" else ["a.charter.yaml", "b.charter.yaml"])


def test_a_suppression_comment_is_content_and_a_baseline_applies_after_the_cache(
    project: Path, linted: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    check(capsys, linted)
    write(project / "a.charter.yaml", SUPPRESSED)
    linted_now, _, out = check(capsys, linted)
    assert linted_now == ["a.charter.yaml"] and "a.charter.yaml:6:21" not in out
    check(capsys, linted, "--write-baseline", "baseline.json")
    assert check(capsys, linted, "--baseline", "baseline.json")[:2] == ([], 0)
    (project / "baseline.json").unlink()
    write(project / "baseline.json", '{"version": 1, "findings": []}\n')
    assert check(capsys, linted, "--baseline", "baseline.json")[:2] == ([], 1)


def test_damaged_entries_are_misses_and_are_rewritten(project: Path, linted: list[str],
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    first = check(capsys, linted)
    damaged = entries(project / DEFAULT_DIRECTORY)
    damaged[0].write_bytes(b"\x00not json")
    macs, head, data = damaged[1].read_bytes().split(b"\n")  # its lines' MACs, the findings, the charter
    facts = json.loads(head)[0]  # the entry's facts, then one item per finding
    entry = [{**facts, "findings": 1}, ["CH999", "x", 7, "injected", 1, 1, 1, 1, "", None, ""]]  # severity 7 does not exist
    damaged[1].write_bytes(macs + b"\n" + json.dumps(entry, separators=(",", ":")).encode() + b"\n" + data)
    assert check(capsys, linted) == (["a.charter.yaml", "b.charter.yaml"], *first[1:])
    heads = [json.loads(path.read_bytes().split(b"\n")[1]) for path in entries(project / DEFAULT_DIRECTORY)]
    assert [head[0]["format"] for head in heads] == [FORMAT, FORMAT] and all(head[1][0] != "CH999" for head in heads)
    assert check(capsys, linted)[0] == []


def test_no_cache_and_cache_false_leave_no_cache(project: Path, linted: list[str],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    check(capsys, linted, "--no-cache")
    write(project / ".charterlint.yaml", "cache: false\n")
    check(capsys, linted)
    assert not (project / DEFAULT_DIRECTORY).exists()
    assert check(capsys, linted)[0] == ["a.charter.yaml", "b.charter.yaml"]


def test_the_cache_sits_beside_the_configuration_or_where_cache_dir_says(
    project: Path, linted: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(project / ".charterlint.yaml", "fail-on: error\n")
    write(project / "sub" / "c.charter.yaml", CHARTER)
    monkeypatch.chdir(project / "sub")
    check(capsys, linted)
    assert entries(project / DEFAULT_DIRECTORY) and not (project / "sub" / DEFAULT_DIRECTORY).exists()
    check(capsys, linted, "--cache-dir", "elsewhere")
    assert len(entries(project / "sub" / "elsewhere")) == 1


def test_a_cache_directory_that_cannot_be_used_is_a_warning(project: Path, linted: list[str],
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    write(project / "occupied", "a file, not a directory\n")
    code, out, err = run(["check", "--today", "2026-01-01", "--cache-dir", "occupied/cache"], capsys)
    assert code == 1 and "a.charter.yaml" in out
    assert err.startswith('charterlint: warning: cache directory "') and err.endswith("(linting without the cache)\n")


def test_git_ignores_the_cache_directory(project: Path, linted: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    check(capsys, linted)
    assert (project / DEFAULT_DIRECTORY / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    shutil.rmtree(project / ".git")
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=project, check=True,
                            capture_output=True, text=True).stdout
    assert DEFAULT_DIRECTORY not in status and "a.charter.yaml" in status


def test_standard_input_is_not_cached(project: Path, linted: list[str], capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(CHARTER.encode())))
    run(["check", "--today", "2026-01-01", "--stdin-filename", "in.charter.yaml"], capsys)
    assert not (project / DEFAULT_DIRECTORY).exists()


def test_only_the_most_recently_used_runs_are_kept(tmp_path: Path) -> None:
    for index in range(KEEP_RUNS + 3):
        run_dir = open_cache(tmp_path, f"{index:02d}" * 32).directory
        os.utime(run_dir, (1_000_000 + index, 1_000_000 + index))
    open_cache(tmp_path, "ff" * 32)
    kept = sorted(path.name for path in tmp_path.glob("run-*"))
    assert len(kept) == KEEP_RUNS and f"run-{'ff' * 16}" in kept and f"run-{'00' * 16}" not in kept
    prune(tmp_path / "missing", keep=1)  # nothing to prune: no error


# -- cached output is the same output -------------------------------------------------------------------------
def _outputs(directory: Path, args: list[str], cache_dir: Path) -> dict[str, bytes]:
    from charterlint.cli.app import main

    directory.mkdir()
    formats = [item for name in FORMATS for item in ("--format", f"{name}:{directory / name}")]
    main(["check", "--cache-dir", str(cache_dir), *args, *formats])
    return {name: (directory / name).read_bytes() for name in FORMATS}


@pytest.mark.parametrize("args", [
    ["tests/fixtures/report_scenario", "--select", "CH0", "--today", "2026-01-01", "--statistics"],
    ["examples", "--today", "2026-01-01", "--preset", "strict"],
], ids=["scenario", "examples"])
@pytest.mark.parametrize("first_format", ["text", "html"])
def test_a_cached_run_writes_the_same_bytes_in_every_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            args: list[str], first_format: str) -> None:
    from charterlint.cli.app import main

    monkeypatch.chdir(ROOT)
    for variable in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(variable, raising=False)
    cache_dir = tmp_path / "cache"
    # The run that fills the cache may show no content (text): entries keep it all the same.
    main(["check", "--cache-dir", str(cache_dir), *args, "--format", f"{first_format}:{tmp_path / 'fill'}"])
    assert entries(cache_dir)
    cold = _outputs(tmp_path / "cold", ["--no-cache", *args], cache_dir)
    warm = _outputs(tmp_path / "warm", args, cache_dir)
    assert all(cold[name] for name in FORMATS)
    assert cold == warm

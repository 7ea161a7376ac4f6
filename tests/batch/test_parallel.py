"""`--jobs N`: files linted in worker processes give the same bytes as one process, in every format;
a worker that dies names its file instead of hanging the run."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from charterlint.batch.jobs import auto_jobs
from charterlint.batch.parallel import DIED, lint_in_processes
from charterlint.batch.work import Task, Work, lint_work
from charterlint.checks.context import Context
from charterlint.cli.app import main
from charterlint.engine.settings import ActiveRule
from charterlint.model import Severity
from charterlint.ruleset.rule import Rule
from charterlint.source.discovery import Target
from charterlint.source.document import Document, Problem
from tests.helpers import ANSWERED_PHONE_HEAD, REVIEW, ROOT, run, settings_for, write

FORMATS = ("text", "json", "sarif", "github", "junit", "html")
SCENARIO = ["tests/fixtures/report_scenario", "--select", "CH0", "--today", "2026-01-01", "--statistics"]
EXAMPLES = ["examples", "--today", "2026-01-01", "--preset", "strict"]


def outputs(directory: Path, args: list[str]) -> dict[str, bytes]:
    """Every format of one `check` run, as bytes (written to files in `directory`)."""
    directory.mkdir()
    formats = [item for name in FORMATS for item in ("--format", f"{name}:{directory / name}")]
    main(["check", "--no-cache", *args, *formats])
    return {name: (directory / name).read_bytes() for name in FORMATS}


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for variable in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(variable, raising=False)


@pytest.mark.parametrize("args", [SCENARIO, EXAMPLES], ids=["scenario", "examples"])
def test_three_processes_write_the_same_bytes_as_one_in_every_format(tmp_path: Path, at_root: None,
                                                                      args: list[str]) -> None:
    one = outputs(tmp_path / "one", ["--jobs", "1", *args])
    three = outputs(tmp_path / "three", ["--jobs", "3", *args])
    assert all(one[name] for name in FORMATS)
    assert one == three


def test_auto_runs_one_process_for_few_files_and_one_per_25_files_up_to_the_cores() -> None:
    assert [auto_jobs(files, 8) for files in (0, 1, 49, 50, 74, 75, 100, 1000)] == [1, 1, 1, 2, 2, 3, 4, 8]
    assert auto_jobs(10_000, 2) == 2
    assert auto_jobs(60, 1) == 1


def test_jobs_is_a_number_or_auto(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / "w.charter.yaml", ANSWERED_PHONE_HEAD + REVIEW)
    assert run(["check", "--no-cache", "--jobs", "auto", "--today", "2026-01-01"], capsys)[0] in (0, 1)
    code, _, err = run(["check", "--jobs", "0"], capsys)
    assert code == 2 and 'Invalid value for \'--jobs\': "0" is not a number of processes' in err
    write(project / ".charterlint.yaml", "jobs: 2\ncache: false\n")
    assert run(["check", "--today", "2026-01-01", "--show-config"], capsys)[1].count("jobs: 2\n") == 1


# -- a worker that dies ---------------------------------------------------------------------------------------
DEATH_MARKER = "CHARTERLINT_TEST_DEATH_MARKER"


def _die_on_marker(document: Document, context: Context) -> Iterator[Problem]:
    """Kills its own process on the charter titled "die" (as the kernel's OOM killer would).

    With $CHARTERLINT_TEST_DEATH_MARKER set, the death is ordered against the other files: the
    dying worker creates the marker first, and a file begun before the death waits for it and then
    stays in its worker's hands until the broken pool kills that worker. Without it, a loaded
    machine may start the dying worker so late that the other has linted every file by then."""
    marker = os.environ.get(DEATH_MARKER)
    if document.data.get("title") == "die":
        if marker:
            Path(marker).touch()
        os.kill(os.getpid(), signal.SIGKILL)
    elif marker and not os.path.exists(marker):
        deadline = time.monotonic() + 60
        while not os.path.exists(marker) and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(10)  # killed long before: the pool is broken
    return iter(())


KILLER = Rule("CH999", "killer", Severity.ERROR, True, "kills the worker", "", _die_on_marker)


def _files(directory: Path, titles: list[str]) -> list[Work]:
    works = []
    for index, title in enumerate(titles):
        path = directory / f"{index}.charter.yaml"
        path.write_text((ANSWERED_PHONE_HEAD + REVIEW).replace("title: Example Water customer charter", f"title: {title}"), encoding="utf-8")
        works.append(Work(Target(path, path.name)))
    return works


def test_a_worker_that_dies_names_its_file_and_the_others_are_linted(tmp_path: Path) -> None:
    settings = settings_for(["CH0"])
    settings = replace(settings, rules={**settings.rules, "CH999": ActiveRule(KILLER, Severity.ERROR)})
    works = _files(tmp_path, ["a", "b", "die", "c", "d", "e"])
    outcomes = lint_in_processes(works, Task(settings), 2, method="fork")
    assert [outcome.crash for outcome in outcomes] == ["", "", DIED, "", "", ""]
    alone = [lint_work(work, Task(settings_for(["CH0"]))) for work in works]
    assert [o.result for i, o in enumerate(outcomes) if i != 2] == [o.result for i, o in enumerate(alone) if i != 2]


def test_a_crash_outside_the_rules_is_reported_on_its_file_with_exit_2(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from charterlint.batch import work as runner

    for name in ("a", "b", "c"):
        write(project / f"{name}.charter.yaml", ANSWERED_PHONE_HEAD + REVIEW)
    real = runner.lint_bytes

    def run_out_of_memory(path: str, raw: bytes, settings: object) -> object:
        if path == "b.charter.yaml":
            raise MemoryError("no room")
        return real(path, raw, settings)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "lint_bytes", run_out_of_memory)
    for jobs in ("1", "2"):  # forked workers inherit the failure
        code, out, err = run(["check", "--jobs", jobs, "--today", "2026-01-01", "--color", "never"], capsys)
        assert code == 2
        assert err == "charterlint: error: b.charter.yaml: charterlint crashed while linting it: MemoryError: no room\n"
        assert "b.charter.yaml:1:1: error CH000 [internal-error] charterlint crashed while linting it" in out


def test_workers_that_do_not_fork_load_the_configuration_and_its_plugins_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from charterlint.batch import parallel
    from tests.helpers import PROJECT

    project = tmp_path / "project"
    shutil.copytree(PROJECT, project, ignore=shutil.ignore_patterns("__pycache__", ".charterlint_cache"))
    charter = project / "charters" / "acme-water.charter.yaml"
    shutil.copy(charter, charter.with_name("acme-sewage.charter.yaml"))
    monkeypatch.chdir(project)
    pools: list[str] = []
    real_pool = parallel._pool
    monkeypatch.setattr(parallel, "_pool", lambda *args: pools.append(args[2]) or real_pool(*args))
    args = ["charters", "--select", "ALL", "--today", "2026-01-01"]
    forked = outputs(tmp_path / "forked", ["--jobs", "2", *args])
    monkeypatch.setattr(parallel, "start_method", lambda: "spawn")
    spawned = outputs(tmp_path / "spawned", ["--jobs", "2", *args])
    assert pools == ["fork", "spawn"]
    assert b"BOOM001" in forked["json"] and b"ACME002" in forked["json"]
    assert forked == spawned


def test_the_date_is_pinned_for_workers_that_do_not_fork(project: Path) -> None:
    from charterlint.cli.plan import worker_settings
    from charterlint.cli.request import CheckRequest

    request = CheckRequest(paths=(".",), formats=(), color_choice="never", quiet=False, statistics=False,
                           today=dt.date(2031, 5, 6), preset=None, select=None, extend_select=(), ignore=(),
                           fail_on=None, exit_zero=False, isolated=True)
    settings = worker_settings(request, str(project), {"x.charter.yaml": frozenset({"CH201"})})
    assert settings.today == dt.date(2031, 5, 6)
    assert settings.per_file_ignores == {"x.charter.yaml": frozenset({"CH201"})}


@pytest.mark.parametrize(("value", "message"), [
    ("0", "must be at least 1, not 0"),
    ("many", '"many" is not a number of processes or auto: expected e.g. "auto"'),
    ("1.5", "expected a whole number or text, not 1.5"),
])
def test_a_bad_jobs_setting_is_named(project: Path, capsys: pytest.CaptureFixture[str], value: str,
                                     message: str) -> None:
    write(project / ".charterlint.yaml", f"jobs: {value}\n")
    assert run(["check"], capsys)[1:] == ("", f"charterlint: error: .charterlint.yaml:1:7: jobs: {message}\n")


def test_after_a_worker_dies_the_rest_is_linted_in_a_new_pool_of_as_many_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 14, item 14: the run went on in one process after a death (11.8 s against 6.5 s)."""
    from charterlint.batch import parallel

    settings = settings_for(["CH0"])
    settings = replace(settings, rules={**settings.rules, "CH999": ActiveRule(KILLER, Severity.ERROR)})
    monkeypatch.setenv(DEATH_MARKER, str(tmp_path / "died"))
    titles = [f"t{index}" for index in range(60)]
    titles[0] = "die"  # first in its worker's first chunk: no file waits on the marker in the dying worker
    works = _files(tmp_path, titles)
    pools: list[int] = []
    real_pool = parallel._pool
    monkeypatch.setattr(parallel, "_pool", lambda *args: pools.append(args[0]) or real_pool(*args))
    outcomes = lint_in_processes(works, Task(settings), 2, method="fork")
    assert [index for index, outcome in enumerate(outcomes) if outcome.crash] == [0]
    assert outcomes[0].crash == DIED
    assert pools[0] == 2 and pools[-1] == 2 and set(pools[1:-1]) == {1}  # the suspects alone, then 2 again
    alone = [lint_work(work, Task(settings_for(["CH0"]))) for work in works]
    assert [o.result for o in outcomes[1:]] == [o.result for o in alone[1:]]

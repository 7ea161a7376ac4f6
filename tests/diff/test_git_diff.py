"""`charterlint diff --base REF` on real git repositories: each change kind, renames, new, deleted and
identical files, accepted changes, a base that fails to parse, and hostile input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.diff.repo import BASE, commit, git, make_repo
from tests.helpers import run

PATH = "charters/water.charter.yaml"
_LINE = re.compile(r"^(?P<path>\S+):(?P<line>\d+):(?P<column>\d+): (?P<severity>\w+) (?P<code>CH\d+) \[[a-z-]+\] "
                   r"(?P<message>.*)$")
Found = tuple[str, int, int, str]  # code, line, column, message


@pytest.fixture
def repo(project: Path) -> Path:
    make_repo(project, {PATH: BASE})
    return project


def diff(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[Found], str]:
    code, out, err = run(["diff", "--format", "text", "--quiet", "--color", "never", *args], capsys)
    found = [(m["code"], int(m["line"]), int(m["column"]), m["message"])
             for m in map(_LINE.match, out.splitlines()) if m]
    return code, found, err


def change(repo: Path, old: str, new: str, path: str = PATH) -> None:
    text = (repo / path).read_text(encoding="utf-8")
    assert old in text, old
    (repo / path).write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(("old", "new", "expected"), [
    pytest.param("  - id: chat\n    type: chatbot\n    hours: always\n    handoff_to: phone\n"
                 "    human_follow_up: {within: next working day, via: email}\n", "",
                 ("CH602", 13, 1, 'removed: channel "chat" (was line 26 in base)'), id="channel"),
    pytest.param("    human_follow_up: {within: next working day, via: email}\n", "",
                 ("CH603", 26, 5, 'removed: channel "chat" human follow-up (was line 30 in base)'), id="follow-up"),
    pytest.param("    handoff_to: phone\n", "",
                 ("CH603", 26, 5, 'removed: channel "chat" hand-off to "phone" (was line 29 in base)'), id="handoff"),
    pytest.param("      respond: {within: 2 working days, target: 95%, strength: guarantee}\n", "",
                 ("CH604", 22, 5, 'removed: channel "email" respond commitment "2 working days"'
                                  ' (was line 24 in base)'), id="commitment"),
    pytest.param("2 working days, target: 95%", "3 working days, target: 95%",
                 ("CH605", 24, 25, 'lengthened: channel "email" respond within "2 working days" -> "3 working days"'),
                 id="lengthened"),
    pytest.param("answer: {within: 60 seconds, target: 80%}", "answer: {within: 3 minutes, target: 80%}",
                 ("CH605", 18, 24, 'lengthened: channel "phone" answer within "60 seconds" -> "3 minutes"'),
                 id="lengthened-units"),
    pytest.param("update: {every: 5 working days}", "update: {every: 10 working days}",
                 ("CH605", 25, 23, 'lengthened: channel "email" progress updates every "5 working days" ->'
                                   ' "10 working days"'),
                 id="updates"),
    pytest.param("target: 95%", "target: 90%",
                 ("CH606", 24, 49, 'lowered: channel "email" respond target "95%" -> "90%"'), id="target"),
    pytest.param("strength: guarantee}", "strength: guarantee, statistic: average}",
                 ("CH607", 24, 86, 'weakened: channel "email" respond statistic "each" -> "average"'), id="statistic"),
    pytest.param("strength: guarantee", "strength: best_effort",
                 ("CH608", 24, 64, 'softened: channel "email" respond strength "guarantee" -> "best_effort"'),
                 id="strength"),
    pytest.param('      mon-fri: "08:30-17:00"\n', '      mon-fri: "09:00-17:00"\n',
                 ("CH609", 10, 5, 'reduced: calendar "office" open less: loses mon-fri 30 minutes'), id="hours"),
    pytest.param("    hours: office\n", "    hours: {outside: office}\n",
                 ("CH609", 16, 12, 'reduced: channel "phone" (hours "office" -> outside "office") open less: loses'
                                   ' mon-fri 8 hours 30 minutes, sat 3 hours; gains mon-fri 15 hours 30 minutes,'
                                   ' sat 21 hours, sun 24 hours'), id="channel-hours"),
    pytest.param("      sat: \"09:00-12:00\"\n", "      sat: \"09:00-12:00\"\n    holidays: [2026-12-24, 2026-12-31]\n",
                 ("CH609", 13, 15, 'reduced: calendar "office" closes on more holidays: 2026-12-24, 2026-12-31'),
                 id="holidays"),
    pytest.param("  channels: [phone, email]", "  channels: [phone]",
                 ("CH610", 33, 3, 'removed: channel "email" from feedback channels (was line 33 in base)'),
                 id="feedback"),
    pytest.param("    - name: Complaints manager\n      respond: {within: 20 working days}\n", "",
                 ("CH611", 36, 3, 'removed: escalation stage "Complaints manager" (was line 39 in base)'), id="stage"),
    pytest.param("      respond: {within: 20 working days}", "      respond: {within: 30 working days}",
                 ("CH605", 40, 25, 'lengthened: escalation stage "Complaints manager" respond within'
                                   ' "20 working days" -> "30 working days"'), id="stage-slower"),
    pytest.param("  external:\n    - body: Consumer Council for Water\n      type: ombudsman\n      after: 8 weeks\n",
                 "", ("CH612", 35, 1, 'removed: external body "Consumer Council for Water" (was line 42 in base)'),
                 id="external"),
    pytest.param("after: 8 weeks", "after: 12 weeks",
                 ("CH605", 44, 14, 'lengthened: external body "Consumer Council for Water" after "8 weeks" ->'
                                   ' "12 weeks"'), id="external-later"),
    pytest.param("accessibility: [relay_service, braille]", "accessibility: [relay_service]",
                 ("CH613", 31, 1, 'removed: accessibility provision "braille" (was line 31 in base)'),
                 id="accessibility"),
    pytest.param("cadence: 12 months", "cadence: 18 months",
                 ("CH614", 47, 12, 'lengthened: review cadence "12 months" -> "18 months"'), id="cadence"),
    pytest.param("2 working days, target: 95%", "1 working day, target: 95%",
                 ("CH680", 24, 25, 'shortened: channel "email" respond within "2 working days" -> "1 working day"'),
                 id="strengthened"),
    pytest.param("2 working days, target: 95%", "48 hours, target: 95%",
                 ("CH690", 24, 25, 'changed, cannot compare: channel "email" respond within "2 working days" ->'
                                   ' "48 hours" (the units run on different clocks, so neither is known to be'
                                   ' longer)'), id="not-comparable"),
])
def test_each_change_kind_is_one_finding_at_its_line_in_the_new_version(
        repo: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, expected: Found) -> None:
    change(repo, old, new)
    code, found, _ = diff(capsys, "--base", "HEAD")
    assert [f for f in found if f[0] != "CH680" or expected[0] == "CH680"] == [expected]
    assert code == (0 if expected[0] == "CH680" else 1)


def test_a_multi_change_pull_request_lists_every_change_in_file_order(repo: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    change(repo, "2 working days, target: 95%", "3 working days, target: 80%")
    change(repo, "answer: {within: 60 seconds", "answer: {within: 30 seconds")
    code, found, _ = diff(capsys, "--base", "HEAD")
    assert [(c, line) for c, line, _, _ in found] == [("CH680", 18), ("CH605", 24), ("CH606", 24)]
    assert code == 1


def test_an_unchanged_charter_and_a_new_one_give_no_finding(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "charters/new.charter.yaml").write_text(BASE.replace("Example Water", "New Water"), encoding="utf-8")
    code, out, err = run(["diff", "--base", "HEAD", "--format", "text"], capsys)
    assert (code, err) == (0, "")
    assert out.strip().endswith("no findings in 2 files")


def test_a_renamed_charter_is_compared_with_its_old_path(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "mv", PATH, "charters/renamed.charter.yaml")
    change(repo, "target: 95%", "target: 90%", "charters/renamed.charter.yaml")
    code, out, _ = run(["diff", "--base", "HEAD", "--format", "text", "--quiet"], capsys)
    assert out.splitlines()[0] == ('charters/renamed.charter.yaml:24:49: warning CH606 [target-lowered] lowered:'
                                   ' channel "email" respond target "95%" -> "90%"')
    assert "CH601" not in out and code == 1


def test_a_deleted_charter_gives_one_finding_and_fails(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / PATH).unlink()
    code, found, err = diff(capsys, "--base", "HEAD")
    assert found == [("CH601", 1, 1, 'removed: the whole charter (was "charters/water.charter.yaml" in "HEAD")')]
    assert (code, err) == (1, "")


def test_a_deleted_charter_named_on_the_command_line_is_reported_not_missing(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / PATH).unlink()
    code, found, _ = diff(capsys, "--base", "HEAD", PATH)
    assert [f[0] for f in found] == ["CH601"] and code == 1


def test_a_base_that_fails_to_parse_is_reported_once_and_the_run_goes_on(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commit(repo, {"charters/broken.charter.yaml": "charter_format: 1\ntitle: [\n",
                  "charters/other.charter.yaml": BASE}, "more")
    (repo / "charters/broken.charter.yaml").write_text(BASE, encoding="utf-8")
    change(repo, "target: 95%", "target: 90%", "charters/other.charter.yaml")
    code, out, _ = run(["diff", "--base", "HEAD", "--format", "text", "--quiet"], capsys)
    lines = out.splitlines()
    assert lines[0].startswith('charters/broken.charter.yaml:1:1: warning CH600 [base-unusable] not compared: the'
                               ' version in "HEAD" is not a valid charter (line 2 in base: ')
    assert lines[1].startswith("charters/other.charter.yaml:24:49: warning CH606")
    assert code == 1


def test_a_new_version_that_is_not_a_charter_is_left_to_check(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / PATH).write_text("title: [\n", encoding="utf-8")
    code, found, err = diff(capsys, "--base", "HEAD")
    assert found == [] and code == 0
    assert err.startswith(f"charterlint: warning: {PATH}:1: not compared: not a valid charter (")


def test_an_allow_directive_accepts_that_change_and_no_other(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change(repo, "target: 95%", "target: 90%")
    change(repo, "answer: {within: 60 seconds", "answer: {within: 90 seconds")
    change(repo, "      respond: {within: 2 working days",
           "      # charterlint: allow CH606 -- approved by the CX board\n      respond: {within: 2 working days")
    code, found, _ = diff(capsys, "--base", "HEAD")
    assert [f[0] for f in found] == ["CH605"] and code == 1
    code, out, _ = run(["diff", "--base", "HEAD", "--format", "json"], capsys)
    accepted = [f for f in json.loads(out)["findings"] if f["suppressed"]]
    assert [(f["code"], f["start"]["line"], f["suppression"]) for f in accepted] == [
        ("CH606", 25, {"justification": "approved by the CX board", "kind": "inSource"})]


def test_a_directive_naming_the_whole_family_accepts_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change(repo, "target: 95%, strength: guarantee}", "target: 90%, strength: guarantee}  # charterlint: allow CH6")
    change(repo, "accessibility: [relay_service, braille]",
           "# charterlint: disable-file ALL\naccessibility: [relay_service]")
    code, found, _ = diff(capsys, "--base", "HEAD")
    assert [f[0] for f in found] == ["CH606", "CH613"] and code == 1


def test_a_baseline_accepts_the_recorded_changes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change(repo, "target: 95%", "target: 90%")
    code, _, err = run(["diff", "--base", "HEAD", "--write-baseline", "diff-baseline.json", "--format", "text"],
                       capsys)
    assert code == 0 and "wrote 1 findings to diff-baseline.json" in err
    change(repo, "cadence: 12 months", "cadence: 2 years")
    code, found, _ = diff(capsys, "--base", "HEAD", "--baseline", "diff-baseline.json")
    assert [f[0] for f in found] == ["CH614"] and code == 1


def test_ignore_turns_off_one_rule_but_never_the_family(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change(repo, "target: 95%", "target: 90%")
    change(repo, "cadence: 12 months", "cadence: 2 years")
    code, found, _ = diff(capsys, "--base", "HEAD", "--ignore", "CH606")
    assert [f[0] for f in found] == ["CH614"] and code == 1
    code, found, _ = diff(capsys, "--base", "HEAD", "--ignore", "review-cadence-lengthened,target-lowered")
    assert found == [] and code == 0
    code, _, err = run(["diff", "--base", "HEAD", "--ignore", "CH6"], capsys)
    assert code == 2
    assert err == ('charterlint: error: --ignore: "CH6" names several diff rules: diff turns rules off only one at a'
                   " time (a code such as CH605, or a rule name)\n")


def test_a_configuration_ignoring_the_family_by_prefix_does_not_silence_it(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".charterlint.yaml").write_text("ignore: [CH6, CH614]\nfail-on: error\n", encoding="utf-8")
    change(repo, "target: 95%", "target: 90%")
    change(repo, "cadence: 12 months", "cadence: 2 years")
    code, found, err = diff(capsys, "--base", "HEAD")
    assert [f[0] for f in found] == ["CH606"]
    assert code == 0  # fail-on: error, and CH606 is a warning
    assert err == ('charterlint: warning: .charterlint.yaml: ignore: "CH6" names several diff rules: diff turns rules'
                   " off only one at a time (a code such as CH605, or a rule name)\n")


def test_per_file_ignores_turn_off_a_diff_rule_for_matching_files(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".charterlint.yaml").write_text("per-file-ignores:\n  'charters/*.charter.yaml': [CH606]\n",
                                            encoding="utf-8")
    change(repo, "target: 95%", "target: 90%")
    code, found, _ = diff(capsys, "--base", "HEAD")
    assert found == [] and code == 0


def test_select_narrows_the_run_to_some_diff_rules(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change(repo, "target: 95%", "target: 90%")
    change(repo, "cadence: 12 months", "cadence: 2 years")
    assert [f[0] for f in diff(capsys, "--base", "HEAD", "--select", "CH614")[1]] == ["CH614"]
    code, _, err = run(["diff", "--base", "HEAD", "--select", "CH1"], capsys)
    assert code == 2 and "names no rule" in err


def test_two_files_compare_directly(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "old.charter.yaml").write_text(BASE, encoding="utf-8")
    (project / "new.charter.yaml").write_text(BASE.replace("target: 95%", "target: 90%"), encoding="utf-8")
    code, found, _ = diff(capsys, "old.charter.yaml", "new.charter.yaml")
    assert found == [("CH606", 24, 49, 'lowered: channel "email" respond target "95%" -> "90%"')] and code == 1


# -- hostile input and errors ----------------------------------------------------------------
def test_a_revision_that_looks_like_an_option_is_refused(repo: Path, capsys: pytest.CaptureFixture[str],
                                                         tmp_path_factory: pytest.TempPathFactory) -> None:
    target = tmp_path_factory.mktemp("out") / "x"
    for ref in (f"--output={target}", "-h", "HEAD --output=x"):
        code, out, err = run(["diff", f"--base={ref}"], capsys)
        assert code == 2 and out == "" and err.startswith("charterlint: error: --base "), ref
    assert not target.exists()


def test_a_revision_that_names_no_commit_says_to_fetch_it(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["diff", "--base", "origin/main"], capsys)
    assert code == 2
    assert err == ('charterlint: error: --base "origin/main" names no commit in this repository (fetch it first:'
                   " actions/checkout needs fetch-depth: 0)\n")


def test_a_path_outside_the_repository_is_an_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["diff", "--base", "HEAD", "../"], capsys)
    assert code == 2 and err.startswith('charterlint: error: path "../" is outside the git repository at ')


def test_outside_a_repository_or_without_git_the_message_is_clear(
        project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(["diff", "--base", "HEAD"], capsys)
    assert code == 2 and "is not inside a git repository" in err
    monkeypatch.setenv("PATH", str(project))
    code, _, err = run(["diff", "--base", "HEAD"], capsys)
    assert (code, err) == (2, "charterlint: error: git is not installed (or not on PATH): --base needs it\n")


def test_a_huge_base_is_refused_without_reading_it(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commit(repo, {PATH: BASE + "# " + "x" * (6 * 1024 * 1024) + "\n"}, "huge")
    (repo / PATH).write_text(BASE, encoding="utf-8")
    code, found, _ = diff(capsys, "--base", "HEAD")
    assert found == [("CH600", 1, 1, 'not compared: the version in "HEAD" is not a valid charter (line 1 in base:'
                                     ' file is 5,242,881 bytes, over the limit of 5,242,880 (limit max-bytes))')]
    assert code == 1


def test_no_subcommand_without_base_needs_two_files(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["diff", "a.charter.yaml"], capsys)
    assert code == 2 and "give --base REF" in err


def test_a_missing_path_is_an_error_and_the_other_paths_are_still_compared(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change(repo, "target: 95%", "target: 90%")
    code, found, err = diff(capsys, "--base", "HEAD", "charters", "nowhere.charter.yaml")
    assert [f[0] for f in found] == ["CH606"]
    assert (code, err) == (2, 'charterlint: error: path "nowhere.charter.yaml" does not exist\n')


def test_markdown_and_json_charters_are_compared_at_their_own_lines(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import yaml

    data = yaml.safe_load(BASE)
    commit(repo, {"docs/water.charter.md": f"---\n{BASE}---\n# Our promise\n",
                  "data/water.charter.json": json.dumps(data, indent=2, default=str) + "\n"}, "more formats")
    change(repo, "target: 95%", "target: 90%", "docs/water.charter.md")
    data["channels"][1]["commitments"]["respond"]["target"] = "90%"
    (repo / "data/water.charter.json").write_text(json.dumps(data, indent=2, default=str) + "\n", encoding="utf-8")
    code, out, _ = run(["diff", "--base", "HEAD", "--format", "text", "--quiet", "data", "docs"], capsys)
    assert [line.split(" [")[0] for line in out.splitlines()[:2]] == [
        "data/water.charter.json:42:21: warning CH606", "docs/water.charter.md:25:49: warning CH606"]
    assert code == 1


def test_a_standard_shared_by_channels_is_one_finding_naming_them(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    standard = "standards:\n  - id: written\n    channels: [phone, email]\n    commitments:\n" \
               "      resolve: {within: 10 working days}\n"
    commit(repo, {PATH: BASE.replace("accessibility:", standard + "accessibility:")}, "a standard")
    change(repo, "resolve: {within: 10 working days}", "resolve: {within: 15 working days}")
    code, found, _ = diff(capsys, "--base", "HEAD")
    assert found == [("CH605", 35, 25, 'lengthened: channels "phone" and "email" resolve within "10 working days" ->'
                                       ' "15 working days"')]


def test_a_configured_severity_applies_to_a_diff_rule(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".charterlint.yaml").write_text("rules:\n  CH606: {severity: error}\n", encoding="utf-8")
    change(repo, "target: 95%", "target: 90%")
    code, out, _ = run(["diff", "--base", "HEAD", "--format", "text", "--quiet"], capsys)
    assert out.startswith(f"{PATH}:24:49: error CH606 [target-lowered] ")
    assert code == 1


def test_an_allow_past_its_expiry_no_longer_accepts(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change(repo, "target: 95%, strength: guarantee}",
           "target: 90%, strength: guarantee}  # charterlint: allow CH606 -- until 2026-03-31: pilot")
    assert diff(capsys, "--base", "HEAD", "--today", "2026-03-31")[1] == []
    assert [f[0] for f in diff(capsys, "--base", "HEAD", "--today", "2026-04-01")[1]] == ["CH606"]


def test_a_hostile_name_stays_on_one_line_in_every_text_output(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = "Team\\n::error file=x::owned\\u202e " + "x" * 100
    commit(repo, {PATH: BASE.replace("- name: Complaints manager", f'- name: "{hostile}"')}, "hostile")
    change(repo, f'    - name: "{hostile}"\n      respond: {{within: 20 working days}}\n', "")
    for name in ("text", "github", "markdown"):
        code, out, _ = run(["diff", "--base", "HEAD", "--format", name], capsys)
        lines = [line for line in out.splitlines() if "CH611" in line]
        assert len(lines) == 1 and code == 1, name
        assert "\n::error file=x" not in out
        assert name == "github" or "\u202e" not in out  # annotations carry text exactly, escaped as GitHub reads it
        assert "x" * 60 not in lines[0]  # the name is cut short


def test_two_files_one_missing_or_a_folder_is_an_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "new.charter.yaml").write_text(BASE, encoding="utf-8")
    assert run(["diff", "old.charter.yaml", "new.charter.yaml"], capsys)[::2] == (
        2, 'charterlint: error: path "old.charter.yaml" does not exist\n')
    (project / "folder").mkdir()
    assert run(["diff", "folder", "new.charter.yaml"], capsys)[::2] == (
        2, 'charterlint: error: "folder" is a directory, not a charter file\n')

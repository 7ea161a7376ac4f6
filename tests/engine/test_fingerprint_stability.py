"""Baselines and SARIF fingerprints survive unrelated edits and the passing of days."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from charterlint.cli.app import main
from tests.helpers import ROOT

LEGACY = ROOT / "examples" / "legacy.charter.yaml"
NEW_CHANNEL = "  - {id: sms, type: sms, hours: always, commitments: {respond: {within: 1 hour}}}\n"


@pytest.fixture
def legacy(project: Path) -> Path:
    target = project / "legacy.charter.yaml"
    shutil.copy(LEGACY, target)
    return target


def baseline_then(args: list[str], edit: object, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["check", "--isolated", "--today", "2026-01-01", "--write-baseline", "b.json", "."]) == 0
    capsys.readouterr()
    edit()  # type: ignore[operator]
    code = main(["check", "--isolated", "--color", "never", "--baseline", "b.json", *args, "."])
    out = capsys.readouterr().out
    assert code in (0, 1)
    return "\n".join(line for line in out.splitlines() if not line.startswith(" "))


def test_a_channel_added_above_the_others_moves_no_baselined_finding(
    legacy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def add_channel() -> None:
        text = legacy.read_text(encoding="utf-8")
        legacy.write_text(text.replace("channels:\n", "channels:\n" + NEW_CHANNEL, 1), encoding="utf-8")

    # the only new finding is the new channel's own
    assert baseline_then(["--today", "2026-01-01"], add_channel, capsys) == (
        'legacy.charter.yaml:30:6: warning CH106 [escalation-requires-channel-switch] channel "sms" is in no'
        ' escalation stage: its customers must switch channel to escalate (add "sms" to the via of an escalation'
        ' stage)\n\n1 warning in 1 of 1 file'
    )


def test_a_later_day_does_not_make_baselined_review_findings_new(
    legacy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert baseline_then(["--today", "2026-01-02"], lambda: None, capsys) == "no findings in 1 file"


def test_a_new_problem_is_still_reported(legacy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def add_bad_channel() -> None:
        text = legacy.read_text(encoding="utf-8")
        legacy.write_text(text.replace("channels:\n", "channels:\n" + NEW_CHANNEL.replace("1 hour", "2 days"), 1),
                          encoding="utf-8")

    assert baseline_then(["--today", "2026-01-01"], add_bad_channel, capsys).splitlines()[-1] == (
        "2 warnings in 1 of 1 file"  # the new channel's CH106, and its "2 days" (CH304)
    )

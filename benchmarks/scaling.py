"""One large charter at two sizes, so that a table shows whether the time grows linearly, and large
files that once took memory with the square of their size (issue 14, items 1 and 9).

The HTML report and `matrix` on a charter with many channels (`examples/clean-omnichannel`'s
ten channels, repeated with new ids), and many `disable-next-line` comments, each suppressing
the finding on the channel below it. At twice the size a linear command takes about twice
the time; the quadratic loops these rows were written for took four times as long.
"""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

from benchmarks.commands import PY, Features, _charterlint
from benchmarks.emitter import to_yaml
from benchmarks.timing import Command

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "clean-omnichannel.charter.yaml"
HEAD = """\
charter_format: 1
title: Example Water customer charter
organization:
  name: Example Water
overview:
  mission: Safe, reliable water for every home.
channels:
"""
REVIEW = "review:\n  last_reviewed: 2025-06-01\n"
CALENDAR = 'calendars:\n  - id: office\n    timezone: Europe/London\n    open:\n      mon-fri: "09:00-17:00"\n'
SENTENCE = "We reply as soon as possible. "
DESK = "Customer email desk for enquiries about bills, meters, leaks and new connections " * 3


def many_channels(count: int) -> str:
    """The example charter with `count` channels (its own first, then copies with new ids)."""
    charter = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    own = charter["channels"]
    extra = [dict(copy.deepcopy(own[index % len(own)]), id=f"{own[index % len(own)]['id']}-{index}")
             for index in range(len(own), count)]
    charter["channels"] = (own + extra)[:count]
    return to_yaml(charter)


def many_suppressions(count: int) -> str:
    """`count` phone channels without a commitment (CH101), each under a comment suppressing it."""
    channels = "".join(f"  # charterlint: disable-next-line CH101 -- measured in benchmarks/scaling.py\n"
                       f"  - id: phone-{index}\n    type: phone\n    hours: always\n" for index in range(count))
    return HEAD + channels + REVIEW


def long_value(size: int) -> str:
    """A charter whose mission repeats a vague sentence to about `size` bytes: a finding per sentence."""
    mission = SENTENCE * (size // len(SENTENCE))
    return HEAD.replace("Safe, reliable water for every home.", f'"{mission}"') + \
        "  - id: phone\n    type: phone\n    hours: always\n" + REVIEW


def dense(count: int) -> str:
    """`count` email channels open office hours with no commitment: two findings each (CH101, CH102)."""
    channels = "".join(f"  - id: email-{index}\n    type: email\n    name: {DESK}{index}\n    hours: office\n"
                       for index in range(count))
    return HEAD.replace("channels:\n", CALENDAR + "channels:\n") + channels + REVIEW


def memory_commands(work: Path, features: Features, today: str, scale: int) -> list[Command]:
    """Peak memory on files near the 5 MiB limit (`scale` 1: about 3 MB), to the formats that hold most."""
    (work / "long-value.charter.yaml").write_text(long_value(3_000_000 // scale), encoding="utf-8")
    (work / "dense.charter.yaml").write_text(dense(11_000 // scale), encoding="utf-8")
    rows = []
    for key, label, name, formats in (
        ("long-text", "one 3 MB value, ~100,000 findings: text", "long-value", ("text:/dev/null",)),
        ("long-all", "one 3 MB value: json + sarif + html", "long-value", ("json:r.json", "sarif:r.sarif", "html:r.html")),
        ("dense-text", "11,000 channels, 22,000 findings (3.3 MB): text", "dense", ("text:/dev/null",)),
        ("dense-json-sarif", "11,000 channels: json + sarif", "dense", ("json:r.json", "sarif:r.sarif")),
        ("dense-html", "11,000 channels: html", "dense", ("html:r.html",)),
    ):
        check = _charterlint(features, today, "--isolated", "-q",
                             *[word for spec in formats for word in ("--format", spec)], f"{name}.charter.yaml")
        rows.append(Command(key, f"charterlint check ({label})", check, " ".join(check).replace(PY, "python")))
    return rows


def scaling_commands(work: Path, sizes: tuple[int, int], features: Features, today: str) -> list[Command]:
    """HTML report, `matrix` and suppressions, each at both sizes (cwd: `work`)."""
    rows = []
    for size in sizes:
        (work / f"channels-{size}.charter.yaml").write_text(many_channels(size), encoding="utf-8")
        (work / f"suppressed-{size}.charter.yaml").write_text(many_suppressions(size), encoding="utf-8")
    for size in sizes:
        html = _charterlint(features, today, "--isolated", "-q", "--format", "html:report.html",
                            f"channels-{size}.charter.yaml")
        rows.append(Command(f"html-{size}", f"charterlint check --format html ({size:,} channels)", html,
                            " ".join(html).replace(PY, "python")))
    for size in sizes:
        matrix = (PY, "-m", "charterlint", "matrix", "--isolated", "--today", today, f"channels-{size}.charter.yaml")
        rows.append(Command(f"matrix-{size}", f"charterlint matrix ({size:,} channels)", matrix,
                            " ".join(matrix).replace(PY, "python")))
    for size in sizes:
        check = _charterlint(features, today, "--isolated", "-q", f"suppressed-{size}.charter.yaml")
        rows.append(Command(f"suppressed-{size}", f"charterlint check ({size:,} disable-next-line comments)", check,
                            " ".join(check).replace(PY, "python")))
    return rows

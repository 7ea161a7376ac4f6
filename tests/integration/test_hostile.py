"""Hostile and broken input: one clear CH001 on that file, the right exit code, the run goes on."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from charterlint.cli.app import main
from tests.helpers import MINIMAL_CHARTER

GOOD_WITH_A_FINDING = MINIMAL_CHARTER.replace("hours: always", "hours: office")  # no calendar "office"
GOOD_LINE = (
    'good.charter.yaml:10:12: error CH020 [unknown-reference] "office" is not the id of a calendar'
    ' (no calendars are defined; use "always" or add one under calendars)'
)

BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(c)}: &{chr(c)} [" + ",".join([f"*{chr(c - 1)}"] * 9) + "]\n" for c in range(ord("b"), ord("j") + 1)
)

CASES = [
    ("invalid-utf8", "x.charter.yaml", "title: caf\xe9\n".encode("latin-1"),
     "1:11: error CH001 [syntax-error] file is not valid UTF-8 (byte 0xe9): save it as UTF-8"),
    ("binary", "x.charter.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
     "1:1: error CH001 [syntax-error] binary file (it contains NUL bytes): a charter is a text file"),
    ("empty", "x.charter.yaml", b"",
     "1:1: error CH001 [syntax-error] file is empty: a charter starts with charter_format, title, organization ..."),
    ("only-comments", "x.charter.yaml", b"# nothing yet\n",
     "1:1: error CH001 [syntax-error] file is empty: a charter starts with charter_format, title, organization ..."),
    ("a-list", "x.charter.yaml", b"- phone\n- email\n",
     "1:1: error CH001 [syntax-error] document is a list, not a mapping of fields: a charter starts with"
     " charter_format, title ..."),
    ("a-scalar", "x.charter.json", b'"just text"',
     '1:1: error CH001 [syntax-error] document is the value "just text", not a mapping of fields: a charter'
     " starts with charter_format, title ..."),
    ("several-documents", "x.charter.yaml", b"title: a\n---\ntitle: b\n",
     "3:1: error CH001 [syntax-error] several YAML documents in one file: a charter file holds one document"),
    ("python-tag", "x.charter.yaml", b"title: !!python/object/apply:os.system [echo pwned]\n",
     '1:8: error CH001 [syntax-error] YAML tag "!!python/object/apply:os.system" is not allowed: charter files'
     " hold plain data (remove the tag)"),
    ("custom-tag", "x.charter.yaml", b"title: !vault secret\n",
     '1:8: error CH001 [syntax-error] YAML tag "!vault" is not allowed: charter files hold plain data (remove the tag)'),
    ("tab-indent", "x.charter.yaml", b"organization:\n\tname: x\n",
     "2:1: error CH001 [syntax-error] invalid YAML: a tab character cannot indent YAML (use spaces)"),
    ("json-trailing-comma", "x.charter.json", b'{"title": "x",\n}',
     "2:1: error CH001 [syntax-error] invalid JSON: trailing comma before '}'"),
    ("json-comment", "x.charter.json", b'{\n  // a comment\n  "title": "x"\n}',
     "2:3: error CH001 [syntax-error] invalid JSON: comments are not allowed in JSON"),
    ("unclosed-front-matter", "x.charter.md", b"---\ntitle: x\n\n# Our charter\n",
     "1:1: error CH001 [syntax-error] front matter opened on line 1 is never closed: add a '---' line after it"),
    ("markdown-without-front-matter", "x.charter.md", b"# Our charter\n",
     "1:1: error CH001 [syntax-error] Markdown charter has no YAML front matter: start the file with a '---' line"),
    ("alias-bomb", "x.charter.yaml", BOMB.encode(),
     "6:8: error CH001 [syntax-error] document has more than 100000 nodes (limit max-nodes; an alias bomb or a"
     " generated file?)"),
    ("deep-flow-yaml", "x.charter.yaml", b"a: " + b"[" * 50_000 + b"]" * 50_000,
     "1:1003: error CH001 [syntax-error] invalid YAML: exceeded maximum nesting depth while increasing flow level"),
    ("deep-block-yaml", "x.charter.yaml", "".join(" " * i + "k:\n" for i in range(200)).encode(),
     "65:65: error CH001 [syntax-error] document is nested more than 64 levels deep (limit max-depth)"),
    ("deep-json", "x.charter.json", b'{"a": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
     "1:70: error CH001 [syntax-error] document is nested more than 64 levels deep (limit max-depth)"),
    ("unknown-alias", "x.charter.yaml", b"title: *nowhere\n",
     '1:8: error CH001 [syntax-error] invalid YAML: unknown alias "*nowhere"'),
]


@pytest.fixture
def workdir(project: Path) -> Path:
    """The current directory, holding good.charter.yaml and its one finding (GOOD_LINE)."""
    (project / "good.charter.yaml").write_text(GOOD_WITH_A_FINDING, encoding="utf-8")
    return project


def headlines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line and not line.startswith(" ")][:-1]


@pytest.mark.parametrize(("name", "content", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hostile_file_is_one_ch001_and_the_good_file_is_still_reported(
    workdir: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, expected: str
) -> None:
    (workdir / name).write_bytes(content)
    started = time.monotonic()
    code = main(["check", "--color", "never", "--select", "CH0", "."])
    elapsed = time.monotonic() - started
    out = capsys.readouterr().out
    assert code == 1
    assert headlines(out) == [GOOD_LINE, f"{name}:{expected}"]
    assert elapsed < 10, "hang guard"


@pytest.mark.parametrize(
    "content",
    [b"\xef\xbb\xbf" + GOOD_WITH_A_FINDING.encode(), GOOD_WITH_A_FINDING.encode("utf-16")],
    ids=["utf-8-bom", "utf-16-bom"],
)
def test_byte_order_marks_are_accepted(workdir: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    (workdir / "good.charter.yaml").write_bytes(content)
    assert main(["check", "--color", "never", "--select", "CH0", "."]) == 1
    assert headlines(capsys.readouterr().out) == [GOOD_LINE]


@pytest.mark.parametrize(
    "content",
    [BOMB.encode(), b"a: " + b"[" * 50_000 + b"]" * 50_000, b'{"a": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
     b"title: x\nitems:\n" + b"  - aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n" * 1_400_000],
    ids=["alias-bomb", "50000-levels-yaml", "50000-levels-json", "100-mb"],
)
def test_resource_limits_stop_hostile_documents_within_two_seconds(
    workdir: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    suffix = ".json" if content.startswith(b"{") else ".yaml"
    (workdir / f"big.charter{suffix}").write_bytes(content)
    started = time.monotonic()
    assert main(["check", "--select", "CH0", "."]) == 1
    assert time.monotonic() - started < 2.0
    assert "CH001" in capsys.readouterr().out


def test_a_huge_file_is_refused_by_size(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open(workdir / "huge.charter.yaml", "wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: 100 MB of NUL without writing them
    assert main(["check", "--color", "never", "--select", "CH0", "."]) == 1
    assert headlines(capsys.readouterr().out) == [
        GOOD_LINE,
        "huge.charter.yaml:1:1: error CH001 [syntax-error] file is 104,857,600 bytes, over the limit of"
        " 5,242,880 (limit max-bytes)",
    ]


def test_symlink_loops_are_not_followed(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workdir / "sub").mkdir()
    os.symlink(workdir, workdir / "sub" / "loop")
    assert main(["check", "--color", "never", "--select", "CH0", "."]) == 1
    assert headlines(capsys.readouterr().out) == [GOOD_LINE]


def test_a_broken_symlink_is_named(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.symlink(workdir / "nowhere", workdir / "dangling.charter.yaml")
    assert main(["check", "--color", "never", "--select", "CH0", "."]) == 1
    assert headlines(capsys.readouterr().out) == [
        "dangling.charter.yaml:1:1: error CH001 [syntax-error] file is a broken symbolic link",
        GOOD_LINE,
    ]


def test_unreadable_file_is_named(workdir: Path, capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    locked = workdir / "locked.charter.yaml"
    locked.write_text(GOOD_WITH_A_FINDING, encoding="utf-8")
    real_open = os.open  # charter files are opened with os.open (O_NONBLOCK, source/regular.py)

    def deny(path: object, *args: object, **kwargs: object) -> object:
        if Path(str(path)).name == "locked.charter.yaml":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", deny)
    assert main(["check", "--color", "never", "--select", "CH0", "."]) == 1
    assert headlines(capsys.readouterr().out) == [
        GOOD_LINE,
        "locked.charter.yaml:1:1: error CH001 [syntax-error] file cannot be read: permission denied",
    ]


def test_a_file_that_vanishes_mid_run_is_named(workdir: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from charterlint.batch import work as runner

    (workdir / "ghost.charter.yaml").write_text(GOOD_WITH_A_FINDING, encoding="utf-8")
    real_read_bytes = runner.read_bytes

    def vanish_then_read(target: runner.Target, max_bytes: int) -> bytes | str:
        if target.display == "ghost.charter.yaml":
            target.path.unlink()
        return real_read_bytes(target, max_bytes)

    monkeypatch.setattr(runner, "read_bytes", vanish_then_read)
    assert main(["check", "--color", "never", "--select", "CH0", "."]) == 1
    assert headlines(capsys.readouterr().out) == [
        "ghost.charter.yaml:1:1: error CH001 [syntax-error] file vanished before it could be read",
        GOOD_LINE,
    ]


def test_long_and_non_ascii_paths(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deep = workdir
    for index in range(12):
        deep = deep / (f"{index:02d}-" + "é" * 60)
    deep.mkdir(parents=True)
    (deep / "çharte ü.charter.yaml").write_text(GOOD_WITH_A_FINDING, encoding="utf-8")
    assert main(["check", "--color", "never", "--select", "CH0", "."]) == 1
    lines = headlines(capsys.readouterr().out)
    assert len(lines) == 2
    assert lines[0].startswith("00-" + "é" * 60 + "/01-")
    assert "/çharte ü.charter.yaml:10:12: error CH020" in lines[0]


def test_linting_never_modifies_the_file(workdir: Path) -> None:
    path = workdir / "good.charter.yaml"
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    main(["check", "--select", "CH0", "."])
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_a_json_lone_surrogate_escape_is_ch001_not_a_crash_in_any_format(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "x.charter.json").write_text('{"title": "T",\n "name": "\\ud800x"}', encoding="utf-8")
    for output in ("text", "json", "sarif", "junit", "github", "html"):
        assert main(["check", "--color", "never", "--select", "CH0", "--format", output, "."]) == 1
        out = capsys.readouterr().out
        if output == "text":
            assert headlines(out) == [
                GOOD_LINE,
                "x.charter.json:2:10: error CH001 [syntax-error] invalid JSON: a \\u escape names a lone"
                " surrogate, not a character",
            ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"---\n---\n# Our charter\n",
         "1:1: error CH001 [syntax-error] the front matter is empty: the charter's fields go between the '---' lines"),
        (b"\n---\ntitle: x\n---\n# Our charter\n",
         "1:1: error CH001 [syntax-error] Markdown charter has no YAML front matter: start the file with a '---'"
         " line (the '---' on line 2 must be the very first line)"),
    ],
    ids=["empty-front-matter", "front-matter-after-a-blank-line"],
)
def test_front_matter_mistakes_are_named(workdir: Path, capsys: pytest.CaptureFixture[str], content: bytes,
                                         expected: str) -> None:
    (workdir / "x.charter.md").write_bytes(content)
    assert main(["check", "--color", "never", "--select", "CH0", "."]) == 1
    assert headlines(capsys.readouterr().out) == [GOOD_LINE, f"x.charter.md:{expected}"]

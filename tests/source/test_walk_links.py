"""File links found by a walk (issue 14, item 5): a link that leaves the walked tree is not read
(one warning naming it); a link inside the tree, and any file named on the command line, is."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from charterlint.cli.app import main
from charterlint.source.discovery import discover
from tests.helpers import MINIMAL_CHARTER

SECRET = "title: GITHUB_TOKEN=ghp_secretsecretsecret\n"


@pytest.fixture
def tree(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    outside = tmp_path_factory.mktemp("outside") / "secret.env"
    outside.write_text(SECRET, encoding="utf-8")
    (project / "repo" / "sub").mkdir(parents=True)
    (project / "repo" / "good.charter.yaml").write_text(MINIMAL_CHARTER, encoding="utf-8")
    os.symlink(outside, project / "repo" / "sub" / "leak.charter.yaml")
    os.symlink(project / "repo" / "good.charter.yaml", project / "repo" / "sub" / "inside.charter.yaml")
    return project


def test_a_walk_skips_a_file_link_that_leaves_the_tree_and_says_so_once(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["check", "--color", "never", "--select", "CH0", "--format", "json", "repo"]) == 0
    out, err = capsys.readouterr()
    assert "ghp_secret" not in out and "ghp_secret" not in err
    assert err == ('charterlint: warning: not following "repo/sub/leak.charter.yaml": a symbolic link to a file'
                   " outside the folder walked (name it on the command line to lint it)\n")
    assert '"repo/sub/inside.charter.yaml"' in out and '"repo/good.charter.yaml"' in out


def test_a_walk_skips_a_link_to_a_device(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.symlink("/dev/stdin", tree / "repo" / "stdin.charter.yaml")
    found = discover(["repo"], tree)
    assert [t.display for t in found.targets] == ["repo/good.charter.yaml", "repo/sub/inside.charter.yaml"]
    assert [t.display for t in found.outside] == ["repo/stdin.charter.yaml", "repo/sub/leak.charter.yaml"]


def test_a_link_named_on_the_command_line_is_still_read(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["check", "--color", "never", "--select", "CH0", "repo/sub/leak.charter.yaml"]) == 1
    out, err = capsys.readouterr()
    assert "warning" not in err
    assert "repo/sub/leak.charter.yaml:1:1: error CH011" in out and "ghp_secret" in out  # read, as asked


def test_a_dangling_link_out_of_the_tree_is_skipped_and_one_inside_is_named(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.symlink("/nonexistent/x", tree / "repo" / "gone.charter.yaml")
    os.symlink(tree / "repo" / "nowhere", tree / "repo" / "broken.charter.yaml")
    found = discover(["repo"], tree)
    assert "repo/gone.charter.yaml" in [t.display for t in found.outside]
    assert "repo/broken.charter.yaml" in [t.display for t in found.targets]

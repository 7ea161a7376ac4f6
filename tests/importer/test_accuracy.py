"""The importer finds what a writer would in the prose corpus (tests/importer/accuracy.py, docs/import.md)."""

from __future__ import annotations

from pathlib import Path

from tests.corpus.accuracy import CORPUS
from tests.importer.accuracy import HOLDOUT, PROSE, expected_path, score_corpus, sources, summed


def test_every_real_charter_has_a_prose_version_citing_the_same_source() -> None:
    real = sorted(p.name.split(".charter.")[0] for p in CORPUS.iterdir() if ".charter." in p.name)
    prose = sorted(expected_path(p).name.removesuffix(".expected.yaml") for p in sources())
    assert prose == real
    for source in sources():
        stem = expected_path(source).name.removesuffix(".expected.yaml")
        charter = next(CORPUS.glob(stem + ".charter.*"))
        cited = next(line for line in charter.read_text(encoding="utf-8").splitlines() if "Source: " in line)
        address = cited.split("Source: ", 1)[1].split()[0]
        assert address in source.read_text(encoding="utf-8"), source.name


def test_the_corpus_has_each_kind_of_input() -> None:
    names = [p.name for p in sources()]
    assert {name.rsplit(".", 2)[-2] + "." + name.rsplit(".", 1)[-1] if name.endswith(".txt") else Path(name).suffix
            for name in names} == {".md", ".html", "docx.txt"}


def test_recall_and_precision_stay_above_the_issues_floor() -> None:
    outcomes = score_corpus(PROSE)
    channels = summed(o.channels for o in outcomes)
    commitments = summed(o.commitments for o in outcomes)
    assert channels.expected >= 40 and commitments.expected >= 40  # the corpus is not emptied to pass
    assert channels.recall >= 0.95, channels
    assert commitments.recall >= 0.80, commitments
    assert channels.precision >= 0.90, channels
    assert commitments.precision >= 0.90, commitments


def test_the_held_out_prose_does_not_fall_below_what_it_scored() -> None:
    # A regression guard, not the issue's floor: the held-out batch scored lower at its blind first
    # run (docs/import.md), and the general fixes since are measured on it.
    outcomes = score_corpus(HOLDOUT)
    channels = summed(o.channels for o in outcomes)
    commitments = summed(o.commitments for o in outcomes)
    assert (channels.expected, commitments.expected) == (26, 31)
    assert channels.recall >= 0.95 and channels.precision >= 0.95, channels
    assert commitments.recall >= 0.80 and commitments.precision >= 0.85, commitments

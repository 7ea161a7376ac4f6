"""The holdout corpus: published charters judged blind, before they were linted, to measure the
rules on charters they were not tuned on (issue 15; docs/accuracy.md, "Held-out measurement").

No threshold is enforced here: a holdout figure that tests guard becomes one more figure to tune
to. These tests keep the corpus honest instead: every charter is judged, cites its source, and
the judgement can be read as it stood before linting (`--blind`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.corpus.accuracy import (
    HOLDOUT,
    JudgementError,
    blind,
    charters,
    judgement_path,
    load_judgement,
    main,
    parse_judgement,
)

# The first batch measured the rules as they were; the later ones, each judged and committed
# before it was linted, measure the rules as changed after the batches before them.
BATCHES = (HOLDOUT, HOLDOUT / "second", HOLDOUT / "third", HOLDOUT / "fourth", HOLDOUT / "fifth",
           HOLDOUT / "sixth", HOLDOUT / "seventh", HOLDOUT / "eighth",
           HOLDOUT / "ninth", HOLDOUT / "tenth", HOLDOUT / "eleventh", HOLDOUT / "twelfth",
           HOLDOUT / "thirteenth", HOLDOUT / "fourteenth",
           HOLDOUT / "fifteenth", HOLDOUT / "sixteenth",
           HOLDOUT / "seventeenth", HOLDOUT / "eighteenth",
           HOLDOUT / "nineteenth", HOLDOUT / "twentieth",
           HOLDOUT / "twentyfirst", HOLDOUT / "twentysecond",
           HOLDOUT / "twentythird", HOLDOUT / "twentyfourth", HOLDOUT / "twentyfifth",
           HOLDOUT / "twentysixth", HOLDOUT / "twentyseventh", HOLDOUT / "twentyeighth",
           HOLDOUT / "twentyninth", HOLDOUT / "thirtieth", HOLDOUT / "thirtyfirst",
           HOLDOUT / "thirtysecond", HOLDOUT / "thirtythird",
           HOLDOUT / "thirtyfourth", HOLDOUT / "thirtyfifth", HOLDOUT / "thirtysixth",
           HOLDOUT / "thirtyseventh", HOLDOUT / "thirtyeighth",
           HOLDOUT / "thirtyninth", HOLDOUT / "fortieth", HOLDOUT / "fortyfirst",
           HOLDOUT / "fortysecond", HOLDOUT / "fortythird", HOLDOUT / "fortyfourth",
           HOLDOUT / "fortyfifth", HOLDOUT / "fortysixth", HOLDOUT / "fortyseventh",
           HOLDOUT / "fortyeighth", HOLDOUT / "fortyninth", HOLDOUT / "fiftieth")
HOLDOUT_CHARTERS = [charter for batch in BATCHES for charter in charters(batch)]


def test_the_first_batch_has_six_charters_two_of_them_markdown() -> None:
    first = charters(HOLDOUT)
    assert len(first) >= 6
    assert len([path for path in first if path.suffix == ".md"]) >= 2


@pytest.mark.parametrize("batch", BATCHES, ids=lambda path: path.name)
def test_every_holdout_charter_has_a_judgement_and_every_judgement_a_charter(batch: Path) -> None:
    batch_charters = charters(batch)
    judged = {judgement_path(charter) for charter in batch_charters}
    assert judged == set(batch.glob("*.judgement.yaml"))
    files = {path.name for path in batch.iterdir() if path.is_file()}
    assert files == {p.name for p in judged} | {c.name for c in batch_charters}


@pytest.mark.parametrize("charter", HOLDOUT_CHARTERS, ids=lambda path: path.name)
def test_every_holdout_judgement_loads_and_expects_something(charter: Path) -> None:
    assert load_judgement(charter).expected


@pytest.mark.parametrize("charter", HOLDOUT_CHARTERS, ids=lambda path: path.name)
def test_every_holdout_charter_cites_its_source_address_organisation_and_retrieval_date(charter: Path) -> None:
    text = charter.read_text(encoding="utf-8")
    header = re.match(r"(?:---\n)?((?:#.*\n)+)", text)
    assert header is not None, "the file starts with a header comment"
    assert re.search(r"^# Source: https?://\S+", header.group(1), re.MULTILINE)
    assert re.search(r"^# Organisation: .+Retrieved \d{4}-\d{2}-\d{2}\.$", header.group(1), re.MULTILINE | re.DOTALL)


def test_no_holdout_organisation_is_in_the_real_corpus() -> None:
    def organisations(corpus: list[Path]) -> set[str]:
        names = set()
        for path in corpus:
            # the name ends at its description, its sub-unit or the retrieval date
            found = re.search(r"^# Organisation: ([^(,\n]+?)(?: \(|,|\. Retrieved|$)",
                              path.read_text(encoding="utf-8"), re.MULTILINE)
            assert found is not None, path.name
            names.add(found.group(1))
        return names

    assert not organisations(HOLDOUT_CHARTERS) & organisations(charters())


def test_blind_leaves_out_the_problems_added_after_linting(tmp_path: Path) -> None:
    charter = tmp_path / "a.charter.yaml"
    text = """\
expected:
  - {code: CH301, line: 1, why: "judged blind"}
  - {code: CH311, line: 2, why: "agreed with the linter on reflection", added_after_linting: true}
"""
    judgement = parse_judgement(charter, text, ["one", "two"])
    assert [(item.code, item.added_after_linting) for item in judgement.expected] == [
        ("CH301", False), ("CH311", True)]
    assert [item.code for item in blind(judgement).expected] == ["CH301"]


def test_added_after_linting_must_be_true_or_false(tmp_path: Path) -> None:
    with pytest.raises(JudgementError, match="added_after_linting"):
        parse_judgement(tmp_path / "a.charter.yaml",
                        "expected:\n  - {code: CH301, line: 1, why: w, added_after_linting: yes please}\n", ["one"])


def test_the_harness_measures_the_corpus_it_is_given(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recommended", "--corpus", str(HOLDOUT), "--blind"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("preset recommended: precision ")
    assert all(charter.name in out for charter in charters(HOLDOUT))
    assert "bank-al-rayan" not in out


def test_the_corpus_option_needs_a_directory(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recommended", "--corpus"]) == 2
    assert "--corpus needs a directory" in capsys.readouterr().err

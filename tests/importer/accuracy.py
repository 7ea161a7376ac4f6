"""How much of a published charter `charterlint import` finds (issue 20; docs/import.md).

Each source in tests/corpus/prose/ (Markdown, HTML, and Word documents built from `.docx.txt`
outlines) has `<stem>.expected.yaml`: the channels by type and the commitments with a number
(value, kind, channel) a careful writer would take from it, written before the importer ran.
The importer's findings are matched with them, each expected item at most once:

    recall    = expected items found / expected items
    precision = items found that were expected / items found

over the whole corpus, for channels (a type per source) and for commitments (value, kind and
owner all equal). Commitments without a number (text only) are not scored. `python -m
tests.importer.accuracy [--corpus DIR]` prints the table (HOLDOUT: prose the importer was not
built with, scored the same way and never used to change it).
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from charterlint.importer.extract import Extraction, extract
from charterlint.importer.reader import read_source
from tests.corpus.accuracy import Score  # precision and recall, as the rules' accuracy counts them
from tests.importer.docx_build import build_file

PROSE = Path(__file__).resolve().parents[1] / "corpus" / "prose"
HOLDOUT = PROSE / "holdout"
EXPECTED_SUFFIX = ".expected.yaml"
SOURCE_SUFFIXES = (".md", ".html", ".docx.txt")

Item = tuple[str, ...]


def summed(scores: Iterable[Score]) -> Score:
    """Scores added up over sources."""
    listed = list(scores)
    return Score(sum(s.findings for s in listed), sum(s.expected for s in listed), sum(s.matched for s in listed))


@dataclass(frozen=True, slots=True)
class Outcome:
    """One source scored: channels and commitments, and what was missed or extra."""

    name: str
    channels: Score
    commitments: Score
    missed: tuple[Item, ...]
    extra: tuple[Item, ...]


def sources(folder: Path = PROSE) -> list[Path]:
    """The prose sources that have expectations, in name order."""
    found = [path for path in folder.iterdir() if path.name.endswith(SOURCE_SUFFIXES)]
    return sorted(path for path in found if expected_path(path).exists())


def expected_path(source: Path) -> Path:
    stem = source.name.removesuffix(".docx.txt").removesuffix(".html").removesuffix(".md")
    return source.with_name(stem + EXPECTED_SUFFIX)


def _score(expected: Iterable[Item], found: Iterable[Item]) -> tuple[Score, list[Item], list[Item]]:
    want, got = Counter(expected), Counter(found)
    matched = want & got
    return (Score(findings=sum(got.values()), expected=sum(want.values()), matched=sum(matched.values())),
            sorted((want - matched).elements()), sorted((got - matched).elements()))


def found_items(extraction: Extraction) -> tuple[list[Item], list[Item]]:
    """The channel types and the scored commitments the importer found."""
    channels = sorted({(channel.type,) for channel in extraction.channels})
    commitments = [(c.value, c.kind, c.owner.label) for c in extraction.commitments if c.value != "text"]
    return channels, commitments


def score_source(source: Path, work: Path) -> Outcome:
    """Import one source (a Word outline built into a .docx in `work` first) and compare it with its expectations."""
    path = build_file(source, work) if source.name.endswith(".docx.txt") else source
    extraction = extract(read_source(str(path)))
    expected = yaml.safe_load(expected_path(source).read_text(encoding="utf-8"))
    want_channels = sorted({(kind,) for kind in expected["channels"]})
    want_commitments = [(str(c["value"]), c["kind"], c["channel"]) for c in expected.get("commitments") or ()]
    channels, commitments = found_items(extraction)
    channel_score, missed_channels, extra_channels = _score(want_channels, channels)
    commitment_score, missed, extra = _score(want_commitments, commitments)
    return Outcome(source.name, channel_score, commitment_score, tuple(missed_channels + missed),
                   tuple(extra_channels + extra))


def score_corpus(folder: Path = PROSE) -> list[Outcome]:
    with tempfile.TemporaryDirectory() as work:
        return [score_source(source, Path(work)) for source in sources(folder)]


def render(outcomes: list[Outcome]) -> str:
    lines = [f"{'source':40} {'channels':>14} {'commitments':>14}  missed / extra"]
    for outcome in outcomes:
        c, m = outcome.channels, outcome.commitments
        notes = "; ".join([*(f"-{'/'.join(i)}" for i in outcome.missed), *(f"+{'/'.join(i)}" for i in outcome.extra)])
        lines.append(f"{outcome.name:40} {c.matched:>4}/{c.expected:<2} of {c.findings:<3} {m.matched:>4}/{m.expected:<2}"
                     f" of {m.findings:<3}  {notes}")
    channels = summed(o.channels for o in outcomes)
    commitments = summed(o.commitments for o in outcomes)
    lines.append("")
    lines.append(f"channels:    recall {channels.recall:.3f} ({channels.matched}/{channels.expected}), "
                 f"precision {channels.precision:.3f} ({channels.matched}/{channels.findings})")
    lines.append(f"commitments: recall {commitments.recall:.3f} ({commitments.matched}/{commitments.expected}), "
                 f"precision {commitments.precision:.3f} ({commitments.matched}/{commitments.findings})")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """`python -m tests.importer.accuracy [--corpus DIR]`: the table for the corpus (default: the main one)."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[args.index("--corpus") + 1]) if "--corpus" in args[:-1] else PROSE
    sys.stdout.write(render(score_corpus(folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How often charterlint is right on charters modelled on published ones (issue 15).

Each charter in `tests/corpus/real/` has a judgement beside it (`<stem>.judgement.yaml`): the
problems a careful reviewer would raise (`expected`, each a rule code or null when no rule fits,
a line and why) and, for the record, the findings of today's linter that the reviewer rejects
(`rejected`). The charters are linted under a preset on a fixed date, and a finding is right
when an expected problem has the same code and line; each expected problem matches one finding
at most, so a problem reported twice counts one right and one wrong. A finding about a top-level
section the charter lacks (no complaints route, no review) has no line of its own: it counts on the
line where the judge put the same missing section, when that is a top-level key's line.

    precision = matched findings / findings      (how often a finding is right)
    recall    = matched problems / expected problems whose rule the preset runs

An expected problem with code null (no rule fits) or with a code the catalogue does not have
yet (reserved in the plan for issue 15) counts under every preset. `python -m tests.corpus.accuracy
[--corpus DIR] [--blind] [recommended|strict]` prints the table: of the real corpus unless `--corpus`
names another (`tests/corpus/holdout`), and with `--blind` without the expected problems a
reviewer added after first linting the charter.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from charterlint.engine.lint import lint_bytes
from charterlint.engine.settings import ActiveRule, LintSettings
from charterlint.ruleset.rule import Rule, load_builtin_rules
from charterlint.ruleset.selection import select_rules
from charterlint.schema.problems import charter_validator
from charterlint.source.pointer import keys

CORPUS = Path(__file__).resolve().parent / "real"
HOLDOUT = Path(__file__).resolve().parent / "holdout"  # judged blind before linting: docs/accuracy.md
TODAY = dt.date(2026, 12, 1)
CHARTER_SUFFIXES = (".charter.yaml", ".charter.md")
JUDGEMENT_SUFFIX = ".judgement.yaml"
# Schema findings on a line marked `# format-gap(N)` are the format's fault, never a problem a
# reviewer expects: a judgement that expects one is refused.
SCHEMA_CODES = frozenset({"CH010", "CH011", "CH012", "CH013"})
FORMAT_GAP = re.compile(r"#\s*format-gap\(\d+\)")

Key = tuple[str | None, int]  # (code, line)


@dataclass(frozen=True, slots=True)
class Item:
    """One judged problem: a rule code (None: no rule fits), the line and the reviewer's reason."""

    code: str | None
    line: int
    why: str
    # Added to a blind judgement only after the charter was first linted (the holdout corpus):
    # `--blind` leaves these out, so the blind figures stay reproducible.
    added_after_linting: bool = False

    @property
    def key(self) -> Key:
        return (self.code, self.line)


@dataclass(frozen=True, slots=True)
class Judgement:
    """A reviewer's verdict on one corpus charter."""

    charter: Path
    expected: tuple[Item, ...]
    rejected: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    """One charter linted and compared with its judgement."""

    charter: str
    findings: tuple[Key, ...]  # what the linter reported, in report order
    expected: tuple[Key, ...]  # the expected problems that count under the preset
    matched: int  # findings that match an expected problem, one to one

    @property
    def wrong(self) -> tuple[Key, ...]:
        """The findings no expected problem accounts for."""
        return tuple((Counter(self.findings) - Counter(self.expected)).elements())

    @property
    def missed(self) -> tuple[Key, ...]:
        """The expected problems no finding reports."""
        return tuple((Counter(self.expected) - Counter(self.findings)).elements())


@dataclass(frozen=True, slots=True)
class Score:
    """Precision and recall over some findings and expected problems."""

    findings: int
    expected: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.findings if self.findings else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0


class JudgementError(ValueError):
    """A judgement file that cannot be read as one."""


# --- judgements -----------------------------------------------------------------------------------
def charters(corpus: Path = CORPUS) -> list[Path]:
    """The corpus charters, in name order."""
    return sorted(path for path in corpus.iterdir() if path.name.endswith(CHARTER_SUFFIXES))


def judgement_path(charter: Path) -> Path:
    stem = charter.name.removesuffix(".yaml").removesuffix(".md")
    return charter.with_name(stem.removesuffix(".charter") + JUDGEMENT_SUFFIX)


def _items(raw: Any, where: str) -> tuple[Item, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise JudgementError(f"{where}: expected a list")
    items = []
    for number, entry in enumerate(raw, 1):
        if not isinstance(entry, dict) or not {"code", "line", "why"} <= set(entry) <= {
                "code", "line", "why", "added_after_linting"}:
            raise JudgementError(f"{where} item {number}: needs exactly code, line and why "
                                 "(and optionally added_after_linting)")
        late = entry.get("added_after_linting", False)
        if not isinstance(late, bool):
            raise JudgementError(f"{where} item {number}: added_after_linting is not true or false")
        code, line, why = entry["code"], entry["line"], entry["why"]
        if not (code is None or (isinstance(code, str) and re.fullmatch(r"CH\d{3}", code))):
            raise JudgementError(f"{where} item {number}: code {code!r} is not CHnnn or null")
        if not isinstance(line, int) or isinstance(line, bool) or line < 1:
            raise JudgementError(f"{where} item {number}: line {line!r} is not a positive number")
        if not isinstance(why, str) or not why.strip():
            raise JudgementError(f"{where} item {number}: why is empty")
        items.append(Item(code, line, why, late))
    return tuple(items)


def parse_judgement(charter: Path, text: str, charter_lines: Sequence[str]) -> Judgement:
    """A judgement from its YAML text, checked against the charter's lines."""
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or not set(data) <= {"expected", "rejected"}:
        raise JudgementError(f"{charter.name}: a judgement is a mapping of expected and rejected")
    judgement = Judgement(charter, _items(data.get("expected"), f"{charter.name} expected"),
                          _items(data.get("rejected"), f"{charter.name} rejected"))
    for item in judgement.expected + judgement.rejected:
        if item.line > len(charter_lines):
            raise JudgementError(f"{charter.name}: line {item.line} is past the end of the charter")
    for item in judgement.expected:
        if item.code in SCHEMA_CODES and FORMAT_GAP.search(charter_lines[item.line - 1]):
            raise JudgementError(f"{charter.name}: {item.code} on line {item.line} is the format's fault "
                                 "(a format-gap line), not a problem a reviewer expects")
    return judgement


def load_judgement(charter: Path) -> Judgement:
    lines = charter.read_text(encoding="utf-8").splitlines()
    return parse_judgement(charter, judgement_path(charter).read_text(encoding="utf-8"), lines)


# --- linting --------------------------------------------------------------------------------------
@cache
def _catalogue() -> tuple[Rule, ...]:
    return load_builtin_rules()


@cache
def _validator():  # type: ignore[no-untyped-def]
    return charter_validator()


def settings(preset: str, today: dt.date = TODAY) -> LintSettings:
    """The settings of `charterlint check --today <today>` under a preset (`strict` is `--select CH`)."""
    rules = select_rules(_catalogue(), preset)
    active = {rule.code: ActiveRule(rule, rule.severity) for rule in rules}
    return LintSettings(rules=active, today=today, validator=_validator(), catalogue=_catalogue())


@dataclass(frozen=True, slots=True)
class Linted:
    """One charter's findings, and which of them are about a top-level section the charter lacks."""

    findings: tuple[Key, ...]
    absent: frozenset[int] = frozenset()  # indexes into `findings`
    top_lines: frozenset[int] = frozenset()  # the lines of the charter's top-level keys


TOP_LEVEL_KEY = re.compile(r"[A-Za-z_][\w-]*\s*:")


def top_level_lines(text: str) -> frozenset[int]:
    """The lines of a charter's top-level keys (in a Markdown charter, those of its front matter)."""
    lines = text.splitlines()
    end = len(lines)
    if lines and lines[0].strip() == "---":
        end = next((n for n in range(1, len(lines)) if lines[n].strip() == "---"), len(lines))
    return frozenset(n + 1 for n in range(end) if TOP_LEVEL_KEY.match(lines[n]))


def lint(charter: Path, lint_settings: LintSettings) -> Linted:
    raw = charter.read_bytes()
    result = lint_bytes(charter.name, raw, lint_settings)
    present = set(result.data) if isinstance(result.data, dict) else set()
    absent = frozenset(number for number, finding in enumerate(result.findings)
                       if keys(finding.pointer)[:1] and keys(finding.pointer)[0] not in present)
    return Linted(tuple((finding.code, finding.span.start.line) for finding in result.findings), absent,
                  top_level_lines(raw.decode("utf-8", errors="replace")))


def counts(item: Item, enabled: Iterable[str], known: Iterable[str]) -> bool:
    """Whether an expected problem counts under a preset: its rule runs, or no rule exists for it yet."""
    return item.code is None or item.code in set(enabled) or item.code not in set(known)


def placed_as_judged(linted: Linted, expected: Sequence[Key]) -> tuple[Key, ...]:
    """The findings, with each about a missing top-level section moved to the line where the judge
    put the same missing section (an expected problem of the same code on a top-level key line that
    no finding matches exactly). A missing section has no line of its own: charterlint reports it
    where the writer would add it, a judge may put it on the `review` line; the problem is one."""
    open_lines = Counter(key for key in expected if key[1] in linted.top_lines) - Counter(linted.findings)
    findings = list(linted.findings)
    for number in sorted(linted.absent):
        code, line = findings[number]
        if (code, line) in expected:
            continue
        target = next((key for key in open_lines.elements() if key[0] == code), None)
        if target is not None:
            open_lines[target] -= 1
            findings[number] = target
    return tuple(findings)


def compare(judgement: Judgement, linted: Linted | Sequence[Key], enabled: Iterable[str],
            known: Iterable[str]) -> Outcome:
    """The findings of one charter against its judgement."""
    enabled, known = set(enabled), set(known)
    expected = tuple(item.key for item in judgement.expected if counts(item, enabled, known))
    findings = placed_as_judged(linted, expected) if isinstance(linted, Linted) else tuple(linted)
    matched = sum((Counter(findings) & Counter(expected)).values())
    return Outcome(judgement.charter.name, tuple(findings), expected, matched)


def measure(judgements: Sequence[Judgement], preset: str, today: dt.date = TODAY) -> list[Outcome]:
    """Lint every judged charter under `preset` and compare."""
    lint_settings = settings(preset, today)
    known = {rule.code for rule in _catalogue()}
    return [compare(judgement, lint(judgement.charter, lint_settings), lint_settings.rules, known)
            for judgement in judgements]


# --- figures --------------------------------------------------------------------------------------
def total(outcomes: Iterable[Outcome]) -> Score:
    outcomes = list(outcomes)
    return Score(sum(len(o.findings) for o in outcomes), sum(len(o.expected) for o in outcomes),
                 sum(o.matched for o in outcomes))


def by_rule(outcomes: Iterable[Outcome]) -> dict[str, Score]:
    """Precision and recall per rule code (`(none)`: expected problems no rule fits)."""
    findings: Counter[str] = Counter()
    expected: Counter[str] = Counter()
    matched: Counter[str] = Counter()
    for outcome in outcomes:
        found, wanted = Counter(outcome.findings), Counter(outcome.expected)
        for (code, _), number in found.items():
            findings[code or "(none)"] += number
        for (code, _), number in wanted.items():
            expected[code or "(none)"] += number
        for (code, _), number in (found & wanted).items():
            matched[code or "(none)"] += number
    return {code: Score(findings[code], expected[code], matched[code])
            for code in sorted(set(findings) | set(expected))}


def table(rows: Mapping[str, Score], title: str) -> str:
    """A Markdown table of scores."""
    lines = [f"| {title} | findings | expected | matched | precision | recall |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, score in rows.items():
        lines.append(f"| {name} | {score.findings} | {score.expected} | {score.matched} "
                     f"| {score.precision:.2f} | {score.recall:.2f} |")
    return "\n".join(lines)


def unjudged(judgement: Judgement, outcome: Outcome) -> tuple[Key, ...]:
    """Findings the judgement neither expects nor rejects: the judgement needs a look."""
    judged = Counter(item.key for item in judgement.expected + judgement.rejected)
    return tuple((Counter(outcome.findings) - judged).elements())


def report(judgements: Sequence[Judgement], outcomes: Sequence[Outcome], preset: str) -> str:
    overall = total(outcomes)
    per_charter = {outcome.charter: total([outcome]) for outcome in outcomes}
    parts = [
        f"preset {preset}: precision {overall.precision:.2f} ({overall.matched}/{overall.findings}), "
        f"recall {overall.recall:.2f} ({overall.matched}/{overall.expected})",
        table(by_rule(outcomes), "rule"),
        table(per_charter, "charter"),
    ]
    loose = [f"{outcome.charter}: {code} on line {line} is neither expected nor rejected"
             for judgement, outcome in zip(judgements, outcomes, strict=True)
             for code, line in unjudged(judgement, outcome)]
    return "\n\n".join(parts + (["\n".join(loose)] if loose else []))


def blind(judgement: Judgement) -> Judgement:
    """The judgement as it was before the charter was first linted."""
    return Judgement(judgement.charter, tuple(item for item in judgement.expected if not item.added_after_linting),
                     judgement.rejected)


def main(argv: Sequence[str]) -> int:
    """`[--corpus DIR] [--blind] [PRESET ...]`: the real corpus by default; `--blind` ignores the
    expected problems added after linting."""
    args = list(argv)
    corpus, before_linting = CORPUS, False
    if "--blind" in args:
        args.remove("--blind")
        before_linting = True
    if "--corpus" in args:
        at = args.index("--corpus")
        if at + 1 >= len(args):
            print("--corpus needs a directory", file=sys.stderr)
            return 2
        corpus = Path(args[at + 1])
        del args[at:at + 2]
    presets = args or ["recommended", "strict"]
    judgements = [load_judgement(charter) for charter in charters(corpus)]
    if before_linting:
        judgements = [blind(judgement) for judgement in judgements]
    print("\n\n".join(report(judgements, measure(judgements, preset), preset) for preset in presets))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

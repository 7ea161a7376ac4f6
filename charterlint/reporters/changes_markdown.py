"""`charterlint diff`'s Markdown summary: a headline ("3 promises weakened, 2 strengthened") and
a table of the changes, for `$GITHUB_STEP_SUMMARY` or a pull request comment.

What a change is comes from its rule's tags (`weakened`, `strengthened`, `not-compared`), as
the report's RuleInfo gives them: the reporter knows no rule. Every text from a charter is made
literal (reporters.matrix_markdown.literal), so it cannot become a link, markup or a broken table.
"""

from __future__ import annotations

from charterlint.model import Finding, Report
from charterlint.reporters import RenderOptions
from charterlint.reporters.markdown import literal

# (rule tag, what a row says), in the order the table lists them
_GROUPS = (("weakened", "weakened"), ("not-compared", "not compared"), ("strengthened", "strengthened"))
_TITLE = "### charterlint diff"


def _plural(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def headline(counts: dict[str, int], files: int, accepted: int = 0) -> str:
    """`3 promises weakened, 2 strengthened; 1 change not compared`, or that nothing changed."""
    weakened, strengthened, other = counts["weakened"], counts["strengthened"], counts["not-compared"]
    parts = []
    if weakened or strengthened:
        parts.append(f"{_plural(weakened, 'promise', 'promises')} weakened, {strengthened} strengthened")
    if other:
        parts.append(f"{_plural(other, 'change', 'changes')} not compared")
    if not parts:
        return "no change left to review" if accepted else f"no promise changed in {_plural(files, 'charter', 'charters')}"
    return "; ".join(parts)


def _group(finding: Finding, tags: dict[str, tuple[str, ...]]) -> str:
    found = tags.get(finding.code, ())
    return next((tag for tag, _ in _GROUPS if tag in found), "not-compared")


def _row(finding: Finding, what: str) -> str:
    message = finding.message
    if finding.suppression is not None and finding.suppression.justification:
        message += f" (accepted: {finding.suppression.justification})"
    cells = (what, literal(finding.path), str(finding.span.start.line), f"{finding.code} {finding.name}",
             literal(message))
    return "| " + " | ".join(cells) + " |"


def render(report: Report, options: RenderOptions) -> str:
    tags = {rule.code: rule.tags for rule in report.rules}
    active = [f for f in report.findings if f.suppression is None]
    accepted = [f for f in report.findings if f.suppression is not None]
    counts = {tag: 0 for tag, _ in _GROUPS}
    for finding in active:
        counts[_group(finding, tags)] += 1
    lines = [f"{_TITLE}: {headline(counts, len(report.files), len(accepted))}", ""]
    if accepted:
        lines += [f"{_plural(len(accepted), 'change was', 'changes were')} accepted (inline or in the baseline).", ""]
    rows = [(what, f) for tag, what in _GROUPS for f in active if _group(f, tags) == tag]
    rows += [("accepted", f) for f in accepted]
    if rows:
        lines += ["| | file | line | rule | change |", "| --- | --- | --- | --- | --- |"]
        lines += [_row(finding, what) for what, finding in rows]
        lines.append("")
    return "\n".join(lines) + "\n"

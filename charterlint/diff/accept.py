"""Intended changes accepted inline: `# charterlint: allow CH603 -- reason` on the new version.

The directives are those `check` reads (engine.directives: `allow`, the `disable` forms and
`x-charterlint: {ignore: [...]}`), applied by the same suppression code, with one difference:
a diff finding is accepted only by a directive naming its rule alone (its code or its name),
never by a prefix (`CH6`) or `ALL`, so no directive accepts every change at once. Directive
faults (expired, unused, malformed) are `check`'s to report (CH030), not diff's: an `allow`
stays in the file after the change is merged, where it accepts nothing any more.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from charterlint.diff.rules import named_alone
from charterlint.model import Finding
from charterlint.ruleset.rule import Rule
from charterlint.source.document import Document

_MARK = "charterlint"  # in every directive


def accept_inline(findings: Sequence[Finding], document: Document, rules: Sequence[Rule],
                  today: dt.date) -> list[Finding]:
    """The findings with those an inline directive naming their rule alone marked suppressed."""
    if not findings or not any(_MARK in line for line in document.lines):
        return list(findings)
    # lazy: only files that mention "charterlint" pay for the directive parser
    from charterlint.engine.directives import find_directives
    from charterlint.engine.suppress import suppress

    directives = find_directives(document)
    single = tuple(entry for entry in directives.entries if any(named_alone(entry.selector, r) for r in rules))
    marked, _ = suppress(findings, replace(directives, entries=single, problems=()), rules, set(), today,
                         report_unknown=False)
    return marked

"""Coverage-guided fuzzing of the loaders, the schema mapping and the rules (atheris).

    python tests/fuzz/fuzz_loader.py -max_total_time=60 tests/fuzz/corpus

The first input byte picks the source kind; the rest is the file. Any exception, or a
finding outside the file, is a crash. CI runs it for a bounded time (tests/source/test_fuzz.py).
"""

from __future__ import annotations

import datetime as dt
import sys

import atheris

with atheris.instrument_imports(include=["charterlint"]):
    from charterlint.engine.lint import lint_bytes
    from charterlint.engine.settings import ActiveRule, LintSettings
    from charterlint.ruleset.rule import load_builtin_rules
    from charterlint.schema.problems import charter_validator

KINDS = ("x.charter.yaml", "x.charter.json", "x.charter.md", "x.charter")
RULES = load_builtin_rules()
SETTINGS = LintSettings(
    rules={rule.code: ActiveRule(rule, rule.severity) for rule in RULES},
    today=dt.date(2026, 1, 1),
    validator=charter_validator(),
)


def test_one_input(data: bytes) -> None:
    if not data:
        return
    name = KINDS[data[0] % len(KINDS)]
    raw = data[1:]
    result = lint_bytes(name, raw, SETTINGS)
    line_count = max(len(result.source_lines), 1)
    for finding in result.findings:
        start = finding.span.start
        if not (1 <= start.line <= line_count + 1 and start.column >= 1):
            raise AssertionError(f"finding outside the file: {finding}")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()

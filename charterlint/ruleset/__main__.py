"""`python -m charterlint.ruleset`: regenerate what is made from the built-in rule files.

That is rules/index.json (the rule files' data, parsed ahead: ruleset.index) and docs/rules.md
(the rules' documentation: ruleset.docs), in a source checkout. Run it after adding or editing
a rule file: tests/ruleset/test_builtin_rule_files.py and tests/docs/test_rules_doc.py fail,
naming this command, while either is stale. Every rule file is validated first (the rule
schema, its check, the engine roles), so a broken one is named before anything is written.
"""

from __future__ import annotations

import sys
from pathlib import Path

from charterlint.resources import data_dir
from charterlint.ruleset.docs import rules_markdown
from charterlint.ruleset.index import INDEX, render_index, rule_paths
from charterlint.ruleset.roles import engine_rules
from charterlint.ruleset.rule import RuleFileError, load_rule_file

RULES_DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def regenerate(rules_dir: Path, doc: Path) -> list[Path]:
    """Write `rules_dir`'s index and `doc` from the rule files in `rules_dir`; the paths written."""
    rules = tuple(sorted((load_rule_file(path) for path in rule_paths(rules_dir)), key=lambda rule: rule.code))
    engine_rules(rules)  # every problem kind has its rule
    index = rules_dir / INDEX
    index.write_text(render_index(rules_dir), encoding="utf-8")
    doc.write_text(rules_markdown(rules), encoding="utf-8")
    return [index, doc]


def main() -> int:
    if not RULES_DOC.parent.is_dir():
        print(f"charterlint: error: {RULES_DOC.parent} does not exist: run this in a source checkout", file=sys.stderr)
        return 2
    try:
        written = regenerate(data_dir("rules"), RULES_DOC)
    except RuleFileError as error:
        print(f"charterlint: error: {error}", file=sys.stderr)
        return 1
    print("".join(f"wrote {path}\n" for path in written), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())

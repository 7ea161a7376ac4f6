"""Rule documentation from rule data: the `rules` table, `explain` pages and docs/rules.md."""

from __future__ import annotations

import difflib
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from charterlint.ruleset.rule import Rule

_GROUPS = (
    ("CH0", "CH0xx — the file itself"),
    ("CH1", "CH1xx — omnichannel commitments"),
    ("CH2", "CH2xx — review"),
    ("CH3", "CH3xx — commitment quality"),
    ("CH4", "CH4xx — rights, team, escalation, reporting"),
    ("CH5", "CH5xx — Markdown prose"),
    ("CH6", "CH6xx — promise changes (`charterlint diff`)"),
)
DIFF = "diff"  # what the preset column says of a diff rule: `charterlint diff` runs it, no preset does


def _presets(rule: Rule) -> str:
    if rule.engine.compares:
        return DIFF
    return "recommended, strict" if rule.recommended else "strict"


def _example_source(example: Mapping[str, Any]) -> tuple[str, str]:
    """(the example's text, its fence language): a diff rule's pair of versions as a unified diff."""
    if "base" not in example:
        return example["charter"].rstrip("\n"), "markdown" if example.get("filename", "").endswith(".md") else "yaml"
    lines = difflib.unified_diff(example["base"].splitlines(), example["charter"].splitlines(), "base", "new",
                                 lineterm="")
    return "\n".join(lines), "diff"


def rules_table(rules: Sequence[Rule]) -> str:
    """Aligned plain-text table: code, name, severity, preset, summary."""
    rows = [("CODE", "NAME", "SEVERITY", "PRESET", "SUMMARY")]
    rows += [(r.code, r.name, r.severity.label, _presets(r).split(",")[0], r.summary) for r in rules]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return "".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths)) + "  " + row[4] + "\n"
        for row in rows
    )


def _options_text(rule: Rule) -> list[str]:
    if not rule.options:
        return ["Options: none"]
    lines = ["Options:"]
    for name, spec in rule.options.items():
        lines.append(f"  {name} (default: {spec['default']!r}): {spec['description']}")
    return lines


def _example_text(rule: Rule, kind: str) -> list[str]:
    lines: list[str] = []
    for example in rule.examples.get(kind, ()):
        title = "Fails" if kind == "fail" else "Passes"
        if example.get("description"):
            title += f" ({example['description']})"
        lines += ["", f"{title}:", "", textwrap.indent(_example_source(example)[0], "    ")]
        for finding in example.get("findings", ()):
            lines.append(f"  -> {finding['line']}:{finding['column']}: {finding['message']}")
    return lines


def explain_rule(rule: Rule) -> str:
    """The page `charterlint explain` prints for one rule."""
    lines = [
        f"{rule.code} {rule.name}",
        f"Severity: {rule.severity.label}    Presets: {_presets(rule)}",
        "",
        rule.summary,
        "",
        rule.rationale,
    ]
    if rule.details:
        lines += ["", rule.details]
    if rule.fix is not None:
        lines += ["", f"Fix: {rule.fix.label}: {rule.fix.title}"] + ([rule.fix.details] if rule.fix.details else [])
    lines += ["", *_options_text(rule)]
    lines += _example_text(rule, "fail") + _example_text(rule, "pass")
    return "\n".join(lines) + "\n"


def _markdown_rule(rule: Rule) -> list[str]:
    lines = [
        f"### {rule.code} {rule.name}",
        "",
        f"**Severity:** {rule.severity.label} · **Presets:** {_presets(rule)}"
        + (f" · **Tags:** {', '.join(rule.tags)}" if rule.tags else ""),
        "",
        rule.summary[:1].upper() + rule.summary[1:] + ".",
        "",
        rule.rationale,
        "",
    ]
    if rule.details:
        lines += [rule.details, ""]
    if rule.fix is not None:
        safety = "safe" if rule.fix.safe else "unsafe, with `--unsafe-fixes`"
        lines += [f"**Fix ({safety}):** {rule.fix.title}."
                  + (f" {rule.fix.details}" if rule.fix.details else ""), ""]
    if rule.options:
        lines += ["| option | default | meaning |", "| --- | --- | --- |"]
        lines += [f"| `{name}` | `{spec['default']!r}` | {spec['description']} |" for name, spec in rule.options.items()]
        lines.append("")
    for kind, title in (("fail", "Fails"), ("pass", "Passes")):
        for example in rule.examples.get(kind, ()):
            suffix = f" ({example['description']})" if example.get("description") else ""
            text, fence = _example_source(example)
            lines += [f"{title}{suffix}:", "", f"```{fence}", text, "```", ""]
            for finding in example.get("findings", ()):
                lines.append(f"- `{finding['line']}:{finding['column']}` {finding['message']}")
            if example.get("findings"):
                lines.append("")
    return lines


def help_markdown(rule: Rule) -> str:
    """The rule's docs/rules.md section without its heading (SARIF `help.markdown`)."""
    return "\n".join(_markdown_rule(rule)[2:]).strip("\n") + "\n"


def rules_markdown(rules: Sequence[Rule]) -> str:
    """docs/rules.md, generated from the rule files (a test keeps it current)."""
    lines = [
        "# Rules",
        "",
        "<!-- Generated from rules/*.yaml by `python -m charterlint.ruleset`; do not edit. -->",
        "",
        "Every rule has a stable code and a name; both work wherever a rule is named (CLI,",
        "configuration, suppressions). `charterlint explain CODE` prints the same page in the terminal.",
        "",
        "| code | name | severity | presets | summary |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines += [
        f"| [{r.code}](#{r.code.lower()}-{r.name}) | {r.name} | {r.severity.label} | {_presets(r)} | {r.summary} |"
        for r in rules
    ]
    for prefix, heading in _GROUPS:
        group = [r for r in rules if r.code.startswith(prefix)]
        if group:
            lines += ["", f"## {heading}", ""]
            for rule in group:
                lines += _markdown_rule(rule)
    return "\n".join(lines).rstrip("\n") + "\n"

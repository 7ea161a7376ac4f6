"""Command line: parses options, builds the run, writes outputs, picks the exit code.

Heavy modules are imported inside the commands so `--version`, `rules` and `explain`
start fast.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from typing import Any

import click

from charterlint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _today(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f'"{value}" is not a date: expected YYYY-MM-DD') from None


def _split(values: Sequence[str]) -> list[str]:
    """`--select CH1,CH2 --select CH3` -> ["CH1", "CH2", "CH3"]."""
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def _use_color(choice: str, stream: Any) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="charterlint", message="%(prog)s %(version)s")
def cli() -> None:
    """Lint customer service charters: omnichannel commitments, review dates and format."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "-f", "formats", multiple=True, metavar="NAME[:PATH]",
              help="Output format, optionally to a file; repeatable (text, ...).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour text output (auto: on a terminal, unless NO_COLOR is set).")
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary line when there is no finding.")
@click.option("--statistics", is_flag=True, help="Also print how many findings each rule produced.")
@click.option("--today", metavar="YYYY-MM-DD", help="The date review rules compare with (default: the system date).")
@click.option("--preset", type=click.Choice(["recommended", "strict"]), default="recommended", show_default=True,
              help="The rule set to start from.")
@click.option("--select", multiple=True, metavar="RULES", help="Run only these rules (codes, prefixes or names; comma-separated).")
@click.option("--extend-select", multiple=True, metavar="RULES", help="Run these rules as well as the preset's.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Do not run these rules.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="warning", show_default=True,
              help="Exit 1 when a finding at or above this severity remains.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
def check(paths: tuple[str, ...], formats: tuple[str, ...], color: str, quiet: bool, statistics: bool,
          today: str | None, preset: str, select: tuple[str, ...], extend_select: tuple[str, ...],
          ignore: tuple[str, ...], fail_on: str, exit_zero: bool) -> int:
    """Lint charter files; directories are searched for *.charter.{yaml,yml,json,md}."""
    from charterlint.run import CheckRequest, run_check

    request = CheckRequest(
        paths=paths or (".",),
        formats=formats or ("text",),
        color_choice=color,
        quiet=quiet,
        statistics=statistics,
        today=_today(today),
        preset=preset,
        select=_split(select) if select else None,
        extend_select=_split(extend_select),
        ignore=_split(ignore),
        fail_on=fail_on,
        exit_zero=exit_zero,
    )
    return run_check(request, lambda stream: _use_color(color, stream))


@cli.command(name="rules")
def rules_command() -> None:
    """List every rule: code, name, severity, preset and summary."""
    from charterlint.rule import load_builtin_rules
    from charterlint.rulesdoc import rules_table

    click.echo(rules_table(load_builtin_rules()), nl=False)


@cli.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Explain a rule (by code or name): rationale, options and examples."""
    from charterlint.rule import load_builtin_rules
    from charterlint.rulesdoc import explain_rule
    from charterlint.selection import SelectionError, resolve

    rules = load_builtin_rules()
    try:
        codes = resolve([rule], rules, "explain")
    except SelectionError as error:
        raise click.UsageError(str(error)) from None
    for found in rules:
        if found.code in codes:
            click.echo(explain_rule(found), nl=False)
            return


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 clean, 1 findings, 2 usage or input fault)."""
    try:
        result = cli.main(args=list(argv) if argv is not None else None, prog_name="charterlint",
                          standalone_mode=False)
    except click.exceptions.Exit as exit_:
        return int(exit_.exit_code)
    except click.ClickException as error:
        error.show()
        return EXIT_USAGE
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return EXIT_USAGE
    except BrokenPipeError:
        # Output piped into `head` and the like: not an error of ours.
        sys.stderr.close()
        return EXIT_CLEAN
    return int(result) if isinstance(result, int) else EXIT_CLEAN

"""The click commands: each parses its options into a request and hands it to its module under cli/.

Heavy modules are imported inside the commands so `--version`, `rules` and `explain`
start fast.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal, TypeVar

import click

from charterlint import __version__
from charterlint.exits import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, Interrupted, ignore_signals, leave, stop_on_signals


def _today(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f'"{value}" is not a date: expected YYYY-MM-DD', param_hint="'--today'") from None


def _jobs(value: str | None) -> int | Literal["auto"] | None:
    if value is None:
        return None
    if value == "auto":
        return "auto"
    if not value.isdigit() or int(value) < 1:
        raise click.BadParameter(f'"{value}" is not a number of processes: expected a whole number from 1, or auto',
                                 param_hint="'--jobs'")
    return int(value)


def _split(values: Sequence[str]) -> list[str]:
    """`--select CH1,CH2 --select "CH3 CH4"` -> ["CH1", "CH2", "CH3", "CH4"] (as in suppressions)."""
    return [item for value in values for item in value.replace(",", " ").split()]


def _use_color(choice: str, stream: Any) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def _rules_in_effect(config: str | None, isolated: bool) -> tuple[Any, ...]:
    """The built-in rules plus the packs the configuration loads (what `check` would know)."""
    # lazy: rules and explain read configuration only when asked; --version never
    from charterlint.config.resolve import ConfigError
    from charterlint.config.settings import command_line_layer, config_path, load_config

    cwd = Path.cwd()
    try:
        path = config_path(cwd, config, isolated)
        # the configuration's packs (code) load only from a configuration named with --config
        return load_config(path, command_line_layer(cwd), None, cwd, [], packs=config is not None)[1]
    except ConfigError as error:
        raise click.UsageError(str(error)) from None


_CONFIG_OPTIONS = (
    click.option("--config", "config_file", metavar="PATH", type=click.Path(dir_okay=False),
                 help="Read this configuration file instead of searching for .charterlint.yaml / pyproject.toml."),
    click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
)


def _with_config_options(command: Any) -> Any:
    for option in reversed(_CONFIG_OPTIONS):
        command = option(command)
    return command


_Command = TypeVar("_Command", bound=Callable[..., Any])


def _today_option(compared: str) -> Callable[[_Command], _Command]:
    """`--today`, as every command that compares dates takes it; `compared` says what is compared."""
    return click.option("--today", metavar="YYYY-MM-DD",
                        help=f"The date {compared} (default: config `today`, else the system date).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="charterlint", message="%(prog)s %(version)s")
def cli() -> None:
    """Lint customer service charters: omnichannel commitments, review dates and format."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "--output-format", "-f", "formats", multiple=True, metavar="NAME[:PATH]",
              help="Output format, optionally to a file; repeatable: text, json, sarif, github, junit, "
                   "html, or auto (the default: text, plus github in GitHub Actions).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour text output (auto: on a terminal, unless NO_COLOR is set).")
@click.option("--quiet", "-q", is_flag=True,
              help="Print each finding on one line, without source excerpts or statistics "
                   "(only the summary line when there is no finding).")
@click.option("--statistics", is_flag=True, help="Also print how many findings each rule produced.")
@_today_option("review rules and suppression expiry compare with")
@_with_config_options
@click.option("--preset", type=click.Choice(["recommended", "strict"]),
              help="The rule set to start from (overrides the configuration's extends; default: recommended).")
@click.option("--select", multiple=True, metavar="RULES", help="Run only these rules (codes, prefixes or names; comma-separated).")
@click.option("--extend-select", multiple=True, metavar="RULES", help="Run these rules as well as the preset's.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Do not run these rules.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]),
              help="Exit 1 when a finding at or above this severity remains (default: config `fail-on`, else warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--force-exclude", is_flag=True, help="Apply `exclude` to files named on the command line too.")
@click.option("--baseline", metavar="FILE", type=click.Path(dir_okay=False),
              help="Report only findings this baseline does not record (they count as suppressed).")
@click.option("--write-baseline", metavar="FILE", type=click.Path(dir_okay=False),
              help="Record the current findings in FILE, for --baseline.")
@click.option("--show-config", is_flag=True, help="Print the effective settings as YAML and exit.")
@click.option("--show-files", is_flag=True, help="Print the files that would be linted and exit.")
@click.option("--stdin-filename", metavar="NAME",
              help='Read the charter from standard input ("-" among the paths; implied when no path is '
                   'given) and report it as NAME, whose suffix sets the kind.')
@click.option("--jobs", "-j", metavar="N|auto",
              help="Lint in N processes (default: config `jobs`, else auto: one process below 50 files, "
                   "else one per 25 files up to the number of CPU cores). The output is the same for any N.")
@click.option("--no-cache", is_flag=True,
              help="Neither read nor write the result cache (default: config `cache`, else on).")
@click.option("--cache-dir", metavar="DIR", type=click.Path(file_okay=False),
              help="Keep the result cache in DIR (default: .charterlint_cache beside the configuration file, "
                   "else in the current directory).")
@click.option("--fix", is_flag=True, help="Fix what can be fixed safely (comments and layout kept), then report the rest.")
@click.option("--unsafe-fixes", is_flag=True,
              help="With --fix or --diff, also make the fixes that may change what the charter says.")
@click.option("--diff", is_flag=True,
              help="Print the fixes --fix would make as a unified diff and write nothing (exit 1 when there is one).")
def check(paths: tuple[str, ...], formats: tuple[str, ...], color: str, quiet: bool, statistics: bool,
          today: str | None, config_file: str | None, isolated: bool, preset: str | None,
          select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None,
          exit_zero: bool, force_exclude: bool, baseline: str | None, write_baseline: str | None,
          show_config: bool, show_files: bool, stdin_filename: str | None, jobs: str | None, no_cache: bool,
          cache_dir: str | None, fix: bool, unsafe_fixes: bool, diff: bool) -> int:
    """Lint charter files; directories are searched for *.charter.{yaml,yml,json,md}."""
    # lazy, as each command's code below: --version and --help import none of it
    from charterlint.cli.check import run_check
    from charterlint.cli.request import CheckRequest

    request = CheckRequest(
        paths=paths or (("-",) if stdin_filename is not None else (".",)),
        formats=formats,
        color_choice=color,
        quiet=quiet,
        statistics=statistics,
        today=_today(today) if today is not None else None,
        preset=preset,
        select=_split(select) if select else None,
        extend_select=_split(extend_select),
        ignore=_split(ignore),
        fail_on=fail_on,
        exit_zero=exit_zero,
        stdin_filename=stdin_filename,
        config=config_file,
        isolated=isolated,
        force_exclude=force_exclude,
        show_config=show_config,
        show_files=show_files,
        baseline=baseline,
        write_baseline=write_baseline,
        jobs=_jobs(jobs),
        cache=False if no_cache else None,
        cache_dir=cache_dir,
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
    )
    return run_check(request, lambda stream: _use_color(color, stream))


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--base", metavar="REF",
              help="Compare each charter under PATHS (default: .) with its version at this git revision"
                   " (a branch, tag or commit; renames followed). Without it, give two files: OLD NEW.")
@click.option("--format", "--output-format", "-f", "formats", multiple=True, metavar="NAME[:PATH]",
              help="Output format, optionally to a file; repeatable: text, json, sarif, github, junit, html,"
                   " markdown (a summary table for $GITHUB_STEP_SUMMARY or a comment), or auto (the default).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour text output (auto: on a terminal, unless NO_COLOR is set).")
@click.option("--quiet", "-q", is_flag=True, help="Print each finding on one line, without source excerpts.")
@_today_option("inline `allow ... until` expiry compares with")
@_with_config_options
@click.option("--select", multiple=True, metavar="RULES", help="Report only these diff rules (CH6xx codes, prefixes or names).")
@click.option("--ignore", multiple=True, metavar="RULES",
              help="Do not report these diff rules, each named alone (a code such as CH605, or a name).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]),
              help="Exit 1 when a finding at or above this severity remains (default: config `fail-on`, else warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when promises were weakened.")
@click.option("--baseline", metavar="FILE", type=click.Path(dir_okay=False),
              help="Accept the changes this baseline records (they count as suppressed).")
@click.option("--write-baseline", metavar="FILE", type=click.Path(dir_okay=False),
              help="Record the current changes in FILE, for --baseline.")
def diff(paths: tuple[str, ...], base: str | None, formats: tuple[str, ...], color: str, quiet: bool,
         today: str | None, config_file: str | None, isolated: bool, select: tuple[str, ...],
         ignore: tuple[str, ...], fail_on: str | None, exit_zero: bool, baseline: str | None,
         write_baseline: str | None) -> int:
    """Report the promises a change to charters weakens, and those it strengthens.

    `charterlint diff --base REF [PATHS]...` compares each charter with its version at a git
    revision; `charterlint diff OLD NEW` compares two files. See docs/diff.md. Exit 1 when a
    change at or above the fail level remains, 2 on a usage, configuration or git error.
    """
    # lazy: see check
    from charterlint.cli.diff import DiffRequest, run_diff
    from charterlint.cli.diff_settings import DiffOptions

    options = DiffOptions(select=_split(select) if select else None, ignore=_split(ignore), fail_on=fail_on,
                          today=_today(today) if today is not None else None, config=config_file, isolated=isolated)
    request = DiffRequest(base=base, paths=paths or ((".",) if base is not None else ()), formats=formats,
                          quiet=quiet, options=options, exit_zero=exit_zero, baseline=baseline,
                          write_baseline=write_baseline)
    return run_diff(request, lambda stream: _use_color(color, stream))


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the states (auto: on a terminal, unless NO_COLOR is set).")
@_today_option("the review status compares with")
@_with_config_options
@click.option("--preset", type=click.Choice(["recommended", "strict"]),
              help="The rules whose findings flag cells (default: the configuration's, else recommended).")
@click.option("--format", "--output-format", "-f", "formats", multiple=True, metavar="NAME[:PATH]",
              help="text (default; fitted to $COLUMNS, else the terminal's width, else 80 columns), markdown or"
                   " csv; with :PATH, written to that file. Repeatable.")
def matrix(paths: tuple[str, ...], color: str, today: str | None, config_file: str | None, isolated: bool,
           preset: str | None, formats: tuple[str, ...]) -> int:
    """Print each charter's coverage matrix: what every channel promises.

    Exit 0 when every file parsed, 1 when one could not be read or parsed, 2 on a usage error.
    """
    from charterlint.cli.matrix import run_matrix  # lazy: see check

    return run_matrix(paths or (".",), today=_today(today) if today is not None else None, preset=preset,
                      config=config_file, isolated=isolated, formats=formats or ("text",),
                      color_for=lambda stream: _use_color(color, stream))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "-f", "output_format", type=click.Choice(["html", "md", "docx"]),
              help="HTML (one self-contained page), Markdown (for a static site) or Word (.docx); default: from the"
                   " suffix of -o FILE (.html, .md, .docx), else html.")
@click.option("--output", "-o", metavar="PATH",
              help="Write the page to PATH (default, or -: standard output); with several charters, PATH is a directory.")
@click.option("--force", is_flag=True,
              help="Render a charter with error-level findings anyway, marked as a draft.")
@_today_option("review rules compare with")
@_with_config_options
@click.option("--preset", type=click.Choice(["recommended", "strict"]),
              help="The rules whose error-level findings stop a charter being rendered (default: the configuration's).")
def render(paths: tuple[str, ...], output_format: str | None, output: str | None, force: bool, today: str | None,
           config_file: str | None, isolated: bool, preset: str | None) -> int:
    """Publish charters for customers: the page, from the source that was linted.

    Each file is linted as `check` lints it; one with error-level findings is not rendered
    (exit 1) unless --force, which marks the page as a draft. Needs the render extra:
    pip install 'charterlint[render]'.
    """
    from charterlint.cli.render import RenderRequest, page_format, render_files  # lazy: see check

    return render_files(RenderRequest(paths=paths, output_format=page_format(output_format, output), output=output,
                                      force=force,
                                      today=_today(today) if today is not None else None, preset=preset,
                                      config=config_file, isolated=isolated))


@cli.command()
@click.argument("path", required=False, type=click.Path())
@click.option("--format", "format_", type=click.Choice(["yaml", "md"]),
              help="YAML, or Markdown with the charter as front matter (default: from PATH's suffix, else yaml).")
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
@click.option("--today", metavar="YYYY-MM-DD", help="The review date the starter records (default: the system date).")
def init(path: str | None, format_: str | None, force: bool, today: str | None) -> int:
    """Write a starter charter, with comments explaining each part.

    The starter passes the recommended and strict presets. PATH defaults to customer-service.charter.yaml (or .md); a directory gets that name inside it;
    "-" prints the charter. An existing file is left alone (exit 2) unless --force.
    """
    from charterlint.cli.init import init_charter  # lazy: see check

    return init_charter(path, format_, force, _today(today))


@cli.command(name="import")
@click.argument("source", type=click.Path())
@click.option("--output", "-o", metavar="FILE", help="Write the draft here (default: SOURCE's name as NAME.charter.yaml,"
                                                      " in the current directory).")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the findings (auto: on a terminal, unless NO_COLOR is set).")
@_today_option("review rules compare with")
@_with_config_options
def import_command(source: str, output: str | None, force: bool, color: str, today: str | None,
                   config_file: str | None, isolated: bool) -> int:
    """Draft a charter from a published one: Markdown, a saved web page (.html) or Word (.docx).

    Each value of the draft cites the source line (or the paragraph or table cell of a Word file) and
    the sentence it comes from; `# TODO` marks a required value not found. The draft is then linted
    as `check` would. Exit 0 when the draft is written, 2 when the source cannot be imported or
    FILE exists (without --force). Needs the extra: pip install 'charterlint[import]'.
    """
    from charterlint.cli.importer import run_import  # lazy: see check

    return run_import(source, output, force, _today(today) if today is not None else None, color,
                      lambda stream: _use_color(color, stream), config=config_file, isolated=isolated)


@cli.command()
def schema() -> None:
    """Print the charter JSON Schema (for editors: YAML language server, VS Code, JetBrains)."""
    from charterlint.resources import data_dir  # lazy: see check

    click.echo((data_dir("schemas") / "charter.schema.json").read_text(encoding="utf-8"), nl=False)


@cli.command(name="rules")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--test", "test", is_flag=True,
              help="Run every rule's pass/fail examples; report those that do not behave as documented (exit 1).")
@_with_config_options
def rules_command(path: Path | None, test: bool, config_file: str | None, isolated: bool) -> int:
    """List every rule: code, name, severity, preset and summary.

    PATH is a rule pack directory or one rule file of a pack (default: the built-in and installed
    rules, and the packs of a configuration named with --config).
    """
    from charterlint.ruleset.plugins import PluginError, rules_at  # lazy: see check

    try:
        rules = rules_at(path) if path is not None or test else _rules_in_effect(config_file, isolated)
    except PluginError as error:
        click.echo(f"charterlint: error: {error}", err=True)
        return EXIT_USAGE
    if not test:
        from charterlint.ruleset.docs import rules_table  # lazy: see check

        click.echo(rules_table(rules), nl=False)
        return EXIT_CLEAN
    # lazy: only rules --test lints
    from charterlint.diff.examples import run_diff_examples
    from charterlint.engine.examples import render_results, run_examples

    results = run_examples(rules) + run_diff_examples(rules)  # diff rules' examples are pairs of versions
    click.echo(render_results(results, rules), nl=False)
    return EXIT_CLEAN if all(result.ok for result in results) else EXIT_FINDINGS


@cli.command()
def server() -> int:
    """Run the language server over standard input and output, for editors (docs/editors.md).

    Needs the `server` extra: pip install 'charterlint[server]'.
    """
    try:
        # lazy: only the server needs pygls, an optional dependency
        from charterlint.server.app import serve
    except ImportError as error:
        missing = getattr(error, "name", None) or "pygls"
        if missing.startswith("charterlint"):
            raise  # a bug of ours, not a missing dependency
        click.echo(f"charterlint: error: charterlint server needs the server extra ({missing} is not installed):"
                   " pip install 'charterlint[server]'", err=True)
        return EXIT_USAGE
    serve()
    return EXIT_CLEAN


@cli.command()
@click.argument("rule")
@_with_config_options
def explain(rule: str, config_file: str | None, isolated: bool) -> None:
    """Explain a rule (by code or name): rationale, options and examples."""
    # lazy: see check
    from charterlint.ruleset.docs import explain_rule
    from charterlint.ruleset.selection import SelectionError, resolve

    rules = _rules_in_effect(config_file, isolated)
    try:
        codes = resolve([rule], rules, "explain")
    except SelectionError as error:
        raise click.UsageError(str(error)) from None
    if len(codes) > 1:
        raise click.UsageError(f'explain: "{rule}" names {len(codes)} rules: give one code or name')
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
        _show_usage_error(error)
        return EXIT_USAGE
    except click.exceptions.Abort:  # Ctrl-C where console() did not install its handlers
        click.echo("aborted", err=True)
        return 128 + 2  # as for SIGINT below
    except Interrupted as stop:  # SIGINT or SIGTERM: workers already stopped, no report written
        ignore_signals()
        click.echo("aborted", err=True)
        return stop.code
    except BrokenPipeError:
        # Output piped into `head` and the like: not an error of ours.
        sys.stderr.close()
        return EXIT_CLEAN
    except Exception as error:  # a bug: exit 2, never 1 (findings), and one line rather than a traceback
        return _internal_error(error)
    return int(result) if isinstance(result, int) else EXIT_CLEAN


def _show_usage_error(error: click.ClickException) -> None:
    """click's message (usage, hint, `Error: ...`), with what the error quotes (a path, a configured value) inert."""
    import io  # lazy: only a usage error needs these

    from charterlint.reporters.inert import inert

    shown = io.StringIO()
    error.show(file=shown)
    usage, said, message = shown.getvalue().partition("Error: ")
    click.echo(usage + said + inert(message.removesuffix("\n")), err=True)


def _internal_error(error: Exception) -> int:
    """Say that charterlint failed and how to report it; the traceback only with CHARTERLINT_DEBUG=1."""
    from charterlint.reporters.inert import inert  # lazy: only a crash needs it

    if os.environ.get("CHARTERLINT_DEBUG", "") not in ("", "0"):
        import traceback  # lazy: only a crash being debugged needs it

        traceback.print_exception(error, file=sys.stderr)
    what = inert(f"{type(error).__name__}: {error}" if str(error) else type(error).__name__)
    click.echo(f"charterlint: internal error: {what} (a bug in charterlint: please report it, with the command,"
               " at https://github.com/charterlint/charterlint/issues; CHARTERLINT_DEBUG=1 shows the traceback)",
               err=True)
    return EXIT_USAGE


def console() -> None:
    """The `charterlint` command (and `python -m charterlint`): `main()`, then a quick exit."""
    # Start-up (imports, rules, schema) makes many objects that live to the end and almost no
    # garbage, so the cyclic collector would only waste time; the lint loop turns it back on.
    gc.disable()
    stop_on_signals()
    leave(main())

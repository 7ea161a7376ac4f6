"""Loading rule packs: every way a pack or plugin can be unusable is an error naming it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from charterlint.model import Severity
from charterlint.ruleset.packs import OwnCodes, RulePack
from charterlint.ruleset.plugins import PluginError, load_rule_packs, rules_of
from charterlint.ruleset.rule import Rule
from charterlint.source.document import Problem
from tests.helpers import (
    MINIMAL_CHARTER,
    fake_install,
    lint_with,
    rule_text,
    site,  # noqa: F401 - a fixture
    write_pack,
)

REQUIRED_NAME = "  function: required\n  given: /channels/*\n  field: name"


def load_error(*args: object, **kwargs: object) -> str:
    with pytest.raises(PluginError) as raised:
        load_rule_packs(*args, **kwargs)  # type: ignore[arg-type]
    return str(raised.value)


def test_a_declarative_pack_loads_from_its_directory_or_from_one_rule_file(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "acme", "ACME", {
        "ACME002.yaml": rule_text("ACME002", "channel-name-missing", REQUIRED_NAME),
        "ACME001.yml": rule_text("ACME001", "channel-address-missing", REQUIRED_NAME.replace("name", "address")),
        "notes.txt": "not a rule",
    })
    assert [r.code for r in load_rule_packs([pack], [], entry_points=False)] == ["ACME001", "ACME002"]
    assert [r.code for r in load_rule_packs([pack / "ACME002.yaml"], [], entry_points=False)] == ["ACME002"]
    assert [r.code for r in load_rule_packs([pack / "pack.yaml", pack], [], entry_points=False)] == ["ACME001", "ACME002"]


def test_a_code_without_the_pack_prefix_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "acme", "ACME", {"x.yaml": rule_text("ACMX001", "name-missing", REQUIRED_NAME)})
    assert load_error([pack], [], entry_points=False) == (
        f'{pack / "x.yaml"}:1:7: code: "ACMX001" does not use the pack\'s prefix "ACME"'
        " (expected ACME and three digits, e.g. ACME001)"
    )


@pytest.mark.parametrize(("prefix", "problem"), [
    ("CH", 'prefix: "CH" starts with CH, which is reserved for charterlint\'s own rules'),
    ("CHX", 'prefix: "CHX" starts with CH, which is reserved for charterlint\'s own rules'),
])
def test_a_pack_may_not_use_charterlints_prefix(tmp_path: Path, prefix: str, problem: str) -> None:
    pack = write_pack(tmp_path / "p", prefix, {})
    assert load_error([pack], [], entry_points=False) == f"{pack / 'pack.yaml'}:1:9: {problem}"


def test_a_manifest_is_validated_by_its_schema(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", "ACME", {})
    (pack / "pack.yaml").write_text("prefix: ACME\nname: acme\nversoin: 1\n", encoding="utf-8")
    assert load_error([pack], [], entry_points=False) == (
        f"{pack / 'pack.yaml'}:3:1: versoin: unknown key \"versoin\" (did you mean \"version\"?)"
    )


def test_a_ruleset_without_a_manifest_or_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "ACME001.yaml").write_text(rule_text("ACME001", "name-missing", REQUIRED_NAME), encoding="utf-8")
    assert load_error([tmp_path / "ACME001.yaml"], [], entry_points=False) == (
        f"{tmp_path / 'pack.yaml'}: not found: a rule pack declares its code prefix there (prefix: ACME)"
    )
    assert load_error([tmp_path / "nowhere"], [], entry_points=False) == (
        f"{tmp_path / 'nowhere'}: no such file or directory (rulesets name pack directories or rule files)"
    )


def test_overlapping_prefixes_and_reused_names_are_errors(tmp_path: Path) -> None:
    acme = write_pack(tmp_path / "acme", "ACME", {"a.yaml": rule_text("ACME001", "name-missing", REQUIRED_NAME)})
    acmex = write_pack(tmp_path / "acmex", "ACMEX", {})
    assert load_error([acme, acmex], [], entry_points=False) == (
        f'{acmex / "pack.yaml"}: prefix "ACMEX" overlaps prefix "ACME" of {acme / "pack.yaml"}'
        " (a code prefix must select one pack)"
    )
    other = write_pack(tmp_path / "other", "OTH", {"b.yaml": rule_text("OTH001", "name-missing", REQUIRED_NAME)})
    assert load_error([acme, other], [], entry_points=False) == (
        f'{other / "b.yaml"}:2:7: name: "name-missing" is already used by ACME001'
    )
    builtin = write_pack(tmp_path / "b", "BLT", {"c.yaml": rule_text("BLT001", "vague-commitment", REQUIRED_NAME)})
    assert load_error([builtin], [], entry_points=False) == (
        f'{builtin / "c.yaml"}:2:7: name: "vague-commitment" is already used by CH301'
    )


@pytest.mark.parametrize(("check", "where", "problem"), [
    ("  function: max-duration\n  field: x\n  max: 5 mins", "10:8",
     'check.max: "5 mins" is not a duration (e.g. "5 minutes", "2 working days")'),
    ("  function: max-duration\n  field: x\n  max: 5 days", "10:8",
     'check.max: "5 days" compares with no other duration: use calendar, business or working days'),
    ("  function: pattern\n  pattern: '[a-'", "9:12",
     'check.pattern: "[a-" is not a valid regular expression: unterminated character set at position 0'),
    ("  function: required\n  field: x\n  message: '{item} lacks {nothing}'", "10:12",
     'check.message: unknown placeholder "{nothing}" (known: {field}, {item}, {subject}, {value};'
     " write {{ for a brace)"),
    ("  function: required\n  field: x\n  maximum: 3", "10:3",
     'check.maximum: unknown key "maximum" (expected one of field, function, given, message, where)'),
    ("  function: max-duration\n  field: x", "7:1", 'check: "max" is missing'),
    ("  function: min-count\n  field: x\n  min: 0", "10:8", "check.min: must be at least 1, not 0"),
    ("  function: frobnicate", "8:13",
     'check.function: "frobnicate" is not one of required, forbidden, pattern, enum, max-duration, min-count,'
     " hedge-phrases"),
    ("  function: required\n  given: channels/*\n  field: x", "9:10",
     'check.given: "channels/*" does not match ^(/[^/]*)*$'),
    ("  function: required\n  where: {'type/*': phone}\n  field: x", "9:11",
     'check.where.type/*: key "type/*" does not match ^[^/*]([^*]*[^/*])?$'),
])
def test_generic_check_parameters_are_validated_with_file_line_and_column(tmp_path: Path, check: str, where: str,
                                                                          problem: str) -> None:
    pack = write_pack(tmp_path / "acme", "ACME", {"r.yaml": rule_text("ACME001", "some-rule", check)})
    assert load_error([pack], [], entry_points=False) == f"{pack / 'r.yaml'}:{where}: {problem}"


def _python_pack(site: Path, module: str, body: str, rules: dict[str, str]) -> None:
    package = site / module
    (package / "rules").mkdir(parents=True)
    (package / "__init__.py").write_text(textwrap.dedent(body), encoding="utf-8")
    for name, text in rules.items():
        (package / "rules" / name).write_text(text, encoding="utf-8")


def test_a_plugin_that_fails_to_import_is_named_as_package_and_entry(site: Path) -> None:
    fake_install(site, "crashing-pack", "[charterlint.rules]\ncrash = crashing_import:rule_pack\n")
    _python_pack(site, "crashing_import", "import charterlint.nonexistent\n", {})
    assert load_error([], []) == (
        'crashing-pack[crash]: cannot load "crashing_import:rule_pack": ModuleNotFoundError:'
        " No module named 'charterlint.nonexistent'"
    )


def test_a_local_plugin_that_is_missing_or_not_a_pack_is_named_as_local(site: Path) -> None:
    assert load_error([], ["no_such_plugin"], entry_points=False) == (
        'local[no_such_plugin]: cannot load "no_such_plugin": ModuleNotFoundError: No module named \'no_such_plugin\''
    )
    _python_pack(site, "boom_rules", "def rule_pack():\n    pass\n", {})
    assert load_error([], ["boom_rules"], entry_points=False) == (
        'local[boom_rules]: "boom_rules" is a function, not a charterlint.api.RulePack'
    )


def test_a_python_pack_rule_must_name_a_check_the_pack_provides(site: Path) -> None:
    body = """\
        from pathlib import Path
        from charterlint.api import RulePack
        def present(document, context):
            return []
        rule_pack = RulePack("BOOM", Path(__file__).parent / "rules", checks={"present": present})
    """
    _python_pack(site, "boom_rules", body, {"BOOM001.yaml": rule_text("BOOM001", "absent-check", "  absent")})
    rules_dir = site / "boom_rules" / "rules"
    assert load_error([], ["boom_rules"], entry_points=False) == (
        f'local[boom_rules]: {rules_dir / "BOOM001.yaml"}:8:3: check: "absent" is not a check the pack provides'
        " (its checks: present)"
    )


def test_the_same_pack_installed_and_named_locally_loads_once(site: Path) -> None:
    body = """\
        from pathlib import Path
        from charterlint.api import RulePack
        rule_pack = RulePack("BOOM", Path(__file__).parent / "rules")
    """
    _python_pack(site, "boom_rules", body, {"BOOM001.yaml": rule_text("BOOM001", "name-missing", REQUIRED_NAME)})
    fake_install(site, "boom", "[charterlint.rules]\nboom = boom_rules\n")
    assert [r.code for r in load_rule_packs([], ["boom_rules"])] == ["BOOM001"]


def test_a_problem_reported_under_another_packs_code_becomes_ch000(tmp_path: Path) -> None:
    def spoof(document: object, context: object) -> list[Problem]:
        return [Problem("not mine to report", "/title", code="CH101")]

    rule = Rule(code="BOOM001", name="spoof", severity=Severity.ERROR, recommended=True, summary="s",
                rationale="r", check=OwnCodes(spoof, "BOOM"))  # type: ignore[arg-type]
    assert lint_with([rule], MINIMAL_CHARTER) == [
        ("CH000", 1, 1, 'rule BOOM001 (spoof) crashed: ValueError: problem code "CH101" is not one of the'
                        " pack's (BOOM...)"),
    ]


def test_rules_of_checks_a_pack_as_plugins_are_checked(tmp_path: Path) -> None:
    write_pack(tmp_path, "ACME", {"a.yaml": rule_text("ACME001", "name-missing", REQUIRED_NAME)})
    assert [r.code for r in rules_of(RulePack("ACME", tmp_path))] == ["ACME001"]
    with pytest.raises(PluginError, match=r"^BAD: .*a\.yaml:1:7: code: \"ACME001\" does not use the pack's prefix"):
        rules_of(RulePack("BAD", tmp_path))


def test_the_public_api_documents_every_function_and_class() -> None:
    import inspect

    import charterlint.api as api

    public = [getattr(api, name) for name in api.__all__]
    undocumented = [
        value.__name__ for value in public
        if (inspect.isfunction(value) or inspect.isclass(value))
        and (not value.__doc__ or value.__doc__.startswith(f"{value.__name__}("))
    ]
    assert undocumented == []

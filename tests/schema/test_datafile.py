"""charterlint's own data files: one reader, errors at file:line:column: key, in plain words."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from charterlint.config.resolve import find_config
from charterlint.model import Span
from charterlint.schema.datafile import DataFileError, key_name, located, parse_data_file, read_data_file
from charterlint.source.document import NodeSpans


def _error(path: Path, schema: str = "pack.schema.json") -> str:
    with pytest.raises(DataFileError) as raised:
        read_data_file(path, schema)
    return str(raised.value)


def test_a_valid_file_comes_back_with_its_data_and_positions(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text("prefix: ACME\nname: Acme rules\n", encoding="utf-8")
    file = read_data_file(path, "pack.schema.json")
    assert file.data == {"prefix": "ACME", "name": "Acme rules"}
    assert file.nodes["/name"].value.start.line == 2


def test_the_first_failure_in_source_order_is_reported_at_its_key_in_plain_words(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text("prefix: ACME\nnmae: x\nversoin: 2\n", encoding="utf-8")
    assert _error(path) == f'{path}:2:1: nmae: unknown key "nmae" (did you mean "name"?)'


def test_a_value_of_the_wrong_type_is_reported_at_the_value(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text("prefix: [ACME]\n", encoding="utf-8")
    assert _error(path) == f"{path}:1:9: prefix: expected text, not a list"


def test_a_syntax_error_and_a_repeated_key_name_the_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text("prefix: ACME\n  name: [\n", encoding="utf-8")
    assert _error(path).startswith(f"{path}:2:")
    path.write_text("prefix: ACME\nprefix: ACMX\n", encoding="utf-8")
    assert _error(path) == (f'{path}:2:1: prefix: duplicate key "prefix" (first on line 1):'
                            " parsers keep only the last value; remove or merge one")


def test_a_file_that_cannot_be_read_says_so(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    assert _error(missing) == f"{missing}: cannot be read: No such file or directory"
    (tmp_path / "latin1.yaml").write_bytes(b"prefix: \xe9\n")
    assert _error(tmp_path / "latin1.yaml").startswith(f"{tmp_path / 'latin1.yaml'}: cannot be read: ")


def test_json_files_are_read_with_positions_too() -> None:
    file = parse_data_file('{"version": 1,\n "findings": []}\n', "b.json", "json")
    assert file.data == {"version": 1, "findings": []}
    assert file.nodes["/findings"].key == Span.at(2, 2, 10)


def test_located_points_at_the_nearest_ancestor_with_a_position() -> None:
    nodes = {"": NodeSpans(Span.at(1, 1)), "/rules": NodeSpans(Span.at(3, 3), Span.at(3, 1, 5))}
    assert located("c.yaml", nodes, "/rules/CH201/options", "bad") == "c.yaml:3:3: rules.CH201.options: bad"
    assert located("c.yaml", nodes, "/rules", "bad", anchor="key") == "c.yaml:3:1: rules: bad"
    assert located("c.yaml", nodes, "", "bad", whole="configuration") == "c.yaml:1:1: configuration: bad"
    assert located("c.yaml", {}, "/x", "bad") == "c.yaml: x: bad"


def test_key_names_drop_list_indexes_and_unescape() -> None:
    assert key_name("/per-file-ignores/a~1b/0") == "per-file-ignores.a/b"


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pack.yaml")
    assert _error(tmp_path / "pack.yaml") == f"{tmp_path / 'pack.yaml'}: cannot be read: is a named pipe, not a regular file"


def test_a_named_pipe_named_pyproject_toml_is_no_configuration(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    os.mkfifo(tmp_path / "pyproject.toml")
    assert find_config(tmp_path) is None

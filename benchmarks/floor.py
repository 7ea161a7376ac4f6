"""The floor: read, parse and validate each file, nothing else.

    python benchmarks/floor.py --schema schemas/charter.schema.json FILE...

YAML is parsed with PyYAML's C loader (CSafeLoader), JSON with the json module; one
Draft 2020-12 validator (with format checking) is built once and reused for every file.
Timestamps are loaded as strings, as charterlint and check-jsonschema do: the schema's dates
are `"type": "string", "format": "date"`. Prints one line per invalid file; exits 1 if any.
Markdown front matter is not handled: give it YAML and JSON files only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jsonschema
import yaml


class _Loader(yaml.CSafeLoader):
    """CSafeLoader that keeps timestamps (unquoted dates) as strings."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_str)  # type: ignore[type-var]


def _parse(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader subclass


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="read, parse and validate charter files (the floor)")
    parser.add_argument("--schema", type=Path, required=True)
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    schema = json.loads(args.schema.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    invalid = 0
    for path in args.files:
        try:
            data = _parse(path)
        except (yaml.YAMLError, ValueError) as error:
            invalid += 1
            print(f"{path}: cannot parse: {type(error).__name__}")
            continue
        errors = list(validator.iter_errors(data))
        if errors:
            invalid += 1
            print(f"{path}: {len(errors)} schema errors")
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main())

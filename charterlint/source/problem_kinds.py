"""What the engine itself finds wrong with a file, named by kind rather than by rule code.

The loaders, the schema, the directive parser and the engine report these problems without
knowing which rule reports them: each kind is declared by exactly one built-in rule file
(`engine: {reports: [KIND]}`), and the engine looks the rule up (ruleset.roles). A rule can
then change its code or name in its YAML alone. schemas/rule.schema.json lists the same kinds
(tests/ruleset/test_registry.py keeps the two lists equal).
"""

from __future__ import annotations

SYNTAX_ERROR = "syntax-error"  # the file cannot be read, decoded or parsed
DUPLICATE_KEY = "duplicate-key"  # a mapping repeats a key
SCHEMA_ERROR = "schema-error"  # a schema failure no narrower kind describes
MISSING_FIELD = "missing-field"  # a required field is absent
UNKNOWN_FIELD = "unknown-field"  # a field the schema does not define
INVALID_VALUE = "invalid-value"  # a value of the wrong form, or of the right form that cannot be meant
DIRECTIVE = "directive"  # a suppression directive that misbehaves
CRASH = "crash"  # an exception escaped a check, or the linter, while it checked the file

KINDS = (SYNTAX_ERROR, DUPLICATE_KEY, SCHEMA_ERROR, MISSING_FIELD, UNKNOWN_FIELD, INVALID_VALUE, DIRECTIVE, CRASH)

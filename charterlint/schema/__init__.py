"""The charter schema: a compiled validator (fast yes/no, jsonschema to explain), schema failures
as plain-language problems, the value checks a schema cannot express, and the explanations of
failures in charterlint's own data files."""

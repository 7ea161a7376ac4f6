"""Lint one document: parse, validate, gate the content rules, run them, apply inline suppressions;
with the settings a lint needs, baselines and finding fingerprints."""

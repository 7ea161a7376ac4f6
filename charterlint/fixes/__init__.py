"""Fixes: text edits at the spans the loader records, shared by `check --fix` and the language server."""

"""`charterlint diff`: the promises a change to a charter weakens or strengthens (docs/diff.md)."""

"""Benchmarks: a generator of synthetic charter corpora and a runner that times charterlint
against its peers (check-jsonschema, yamllint) and the floor (parse + validate only).

Not part of the package: run from a checkout with `python -m benchmarks`.
"""

"""A whole run: read each file once, lint it here or in worker processes, keep results in the cache."""

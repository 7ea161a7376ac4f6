"""Configuration: find and read the files, merge their layers with the command line, resolve the
settings a run lints with."""

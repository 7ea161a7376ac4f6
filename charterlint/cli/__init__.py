"""The command line: the click commands and what each does with its request (the only package that
imports click)."""

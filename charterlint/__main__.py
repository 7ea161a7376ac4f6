"""`python -m charterlint`."""

from charterlint.cli.app import console

if __name__ == "__main__":  # not when a spawned worker process imports the main module
    console()

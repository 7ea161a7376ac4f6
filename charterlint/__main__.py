"""`python -m charterlint`."""

from charterlint.cli import main

raise SystemExit(main())

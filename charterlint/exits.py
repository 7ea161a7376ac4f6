"""Exit codes of every command: 0 clean, 1 findings, 2 a usage error or a fault in charterlint's own input."""

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

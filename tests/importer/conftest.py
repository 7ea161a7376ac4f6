"""The importer's tests need its extra (markdown-it-py, python-docx): skip them, saying so, without it."""

from __future__ import annotations

import pytest

pytest.importorskip("markdown_it", reason="the 'import' extra is not installed: pip install 'charterlint[import]'")
pytest.importorskip("docx", reason="the 'import' extra is not installed: pip install 'charterlint[import]'")

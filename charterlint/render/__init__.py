"""The published charter: a page model of a checked charter, written as HTML, Markdown or Word."""

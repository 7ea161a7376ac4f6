"""Bytes to documents: find the files, decode them, load YAML, JSON and Markdown front matter
with a source span for every node, and the comments beside them."""

"""`charterlint import`: a published charter (Markdown, a saved web page, a Word file) to a draft.

`reader` reads the source into text blocks with their origin (one module per kind of input),
`sentences` cuts them into sentences, `channels`, `commitments`, `hours`, `facts` and `bodies`
find what a charter holds, `extract` puts it together, and `draft` writes the charter as YAML
text with a comment citing the source beside each value. Deterministic and offline.
"""

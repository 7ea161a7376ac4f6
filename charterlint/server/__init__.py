"""`charterlint server`: a Language Server Protocol server over stdio (pygls) with live findings."""

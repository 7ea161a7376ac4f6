"""Views over a schema-valid charter that checks and reports share: channels, commitments,
durations, review dates, and how a place in a charter is named in messages."""

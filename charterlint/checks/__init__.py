"""Built-in check functions: pure `(document, context) -> problems`, one concern per module."""

"""The deck: model, parsing, checking, paths, help contacts."""

"""Presenting a workshop: audience window, keys, screens, record."""

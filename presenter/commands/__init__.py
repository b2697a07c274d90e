"""Subcommands of ``presenter``; each module adds its own parser."""

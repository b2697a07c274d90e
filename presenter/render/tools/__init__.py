"""Developer tools built on the renderer (not needed to present)."""

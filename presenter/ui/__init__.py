"""Qt windows: the audience view, the facilitator console, keys and screens."""

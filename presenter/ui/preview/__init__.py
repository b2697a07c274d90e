"""The live preview window for organizers."""

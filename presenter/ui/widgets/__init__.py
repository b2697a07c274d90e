"""Small widgets every window uses: plain deck text, eliding labels."""

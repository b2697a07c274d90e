"""The running session: one serializable state, its controller, timers, the clock and the
view of what the room sees.
"""

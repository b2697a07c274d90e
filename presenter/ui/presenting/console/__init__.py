"""The facilitator console on the laptop."""

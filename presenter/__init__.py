"""Workshop Presenter: an offline presenter for facilitated awareness workshops."""

__version__ = "0.1.0"

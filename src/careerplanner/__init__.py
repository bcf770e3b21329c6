"""Career Planner: an offline planner for moving into AI and ML engineering roles."""

__version__ = "0.1.0"

"""Reusable widgets: the chart view, the level picker."""

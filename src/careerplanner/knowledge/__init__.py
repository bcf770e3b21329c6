"""The knowledge base: roles, skills, pivot paths, salary bands and sources, loaded from
``resources/knowledge`` into frozen dataclasses and validated."""

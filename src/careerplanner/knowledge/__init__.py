"""The knowledge base: roles, skills, pivot paths, salary bands and sources, loaded from
``resources/knowledge`` into frozen dataclasses and validated."""

from careerplanner.knowledge.errors import KnowledgeError
from careerplanner.knowledge.loader import default_knowledge, load_knowledge

__all__ = ["KnowledgeError", "default_knowledge", "load_knowledge"]

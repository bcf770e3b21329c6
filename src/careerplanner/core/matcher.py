"""Finding the skills a text asks for, with where each one is written, so the window can
highlight it. Pure: the same knowledge base and text always give the same matches.

A skill is found by its name, its aliases and its tools from the knowledge base, and by the
few other ways postings write it (``POSTING_SPELLINGS``). The rules, in order:

- **Word boundaries.** A spelling matches whole words only ("RAG" is not found in "fragile").
  Spaces, hyphens and underscores inside it are interchangeable ("fine-tuning" is "fine
  tuning"), "&" may be written "and", and the last word may be plural or singular ("feature
  store" is "Feature stores").
- **Case.** A spelling of at most three characters ("AWS", "dbt", "Ray", "CV") matches only as
  the knowledge base writes it or in capitals; longer ones ignore case.
- **Technical context.** A spelling that is also an everyday word (``EVERYDAY_WORDS``: "rest",
  "features", "serving", "agents", "vision", "edge", "spark", "drift", ...) or is at most two
  characters long counts only in a technical context: next to another skill found (nothing
  but list punctuation or "and"/"or" between them, on the same line or the next), or right
  beside a technical word ("ML features", "model drift", "Spark cluster"). Its technical forms
  ("REST API", "feature store", "model serving") are spellings of their own and need nothing.
- **Longest first.** Where spellings overlap, the longest wins ("Apache Spark" over "Spark").
- **One skill per spelling.** A skill's own name or alias beats another skill's tool; a tool
  several skills list belongs to the first of them in the catalogue.
- **No addresses.** Nothing inside an e-mail address or a web link counts ("jobs@openai.com").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from careerplanner.knowledge.model import KnowledgeBase, SkillId

#: How postings often write a skill that the catalogue names another way (our reading of
#: ordinary job-posting wording; the knowledge base's names and aliases come first).
POSTING_SPELLINGS: Mapping[str, tuple[str, ...]] = {
    "typescript": ("Node.js",),
    "api-design": ("API design", "RESTful", "RESTful APIs", "backend APIs"),
    "system-design": ("distributed systems",),
    "probability-statistics": ("statistical modelling", "statistical modeling"),
    "optimization": ("optimization", "convex optimization", "convex optimisation"),
    "ab-testing": ("A/B tests", "A/B experiments"),
    "classical-ml": ("machine learning", "classical ML"),
    "model-evaluation": ("model evaluation", "evaluation metrics"),
    "hyperparameter-tuning": ("hyperparameter tuning", "hyperparameter optimization"),
    "recommender-systems": (
        "recommender systems",
        "recommendation systems",
        "ranking models",
        "ranking systems",
    ),
    "forecasting": ("forecasting",),
    "deep-learning": ("deep learning",),
    "transformers": ("transformers", "transformer models"),
    "nlp": ("NLP", "natural language processing"),
    "distributed-training": ("distributed training",),
    "distributed-compute": ("distributed compute",),
    "data-pipelines": ("data pipelines", "ETL pipelines", "data engineering"),
    "data-warehouses": ("data warehouses",),
    "data-quality": ("data quality",),
    "experiment-tracking": ("experiment tracking",),
    "ml-pipelines": ("ML pipelines", "training pipelines", "MLOps", "automated retraining"),
    "model-serving": ("model deployment", "LLM serving"),
    "model-monitoring": ("model monitoring", "drift detection", "concept drift", "model drift"),
    "llm-apis": ("LLM APIs", "OpenAI", "Anthropic"),
    "embeddings": ("embeddings", "embedding"),
    "agents-tool-use": ("AI agents", "LLM agents", "agentic"),
    "llm-evals": ("LLM evals", "eval suites"),
    "guardrails": ("guardrails",),
    "serverless-edge": ("edge deployment", "edge devices", "edge inference", "edge AI"),
    "gpu-infrastructure": ("GPU",),
    "infrastructure-as-code": ("IaC",),
    "incident-response": ("incident response",),
}

#: Spellings (folded: lower case, single spaces) that are also everyday words, or mean
#: something else in most postings ("send your CV", "serving customers", "a sales pipeline"):
#: they count only in a technical context.
EVERYDAY_WORDS: frozenset[str] = frozenset(
    (
        "agents",
        "architecture",
        "attention",
        "azure",
        "bash",
        "bedrock",
        "caches",
        "caching",
        "canary",
        "chunking",
        "cloud",
        "comet",
        "compliance",
        "containers",
        "cv",
        "dashboards",
        "demos",
        "derivatives",
        "documentation",
        "drift",
        "edge",
        "evidently",
        "experimentation",
        "feast",
        "feature flags",
        "features",
        "fiddler",
        "forecasting",
        "gradients",
        "helm",
        "iceberg",
        "incidents",
        "inference",
        "inspect",
        "labelling",
        "lambda",
        "lineage",
        "logging",
        "lora",
        "matrices",
        "monitoring",
        "node",
        "on call",
        "optimization",
        "pandas",
        "pinecone",
        "probability",
        "product metrics",
        "prometheus",
        "prompting",
        "prompts",
        "queries",
        "queues",
        "ranking",
        "rate limits",
        "ray",
        "react",
        "rest",
        "retraining",
        "retrieval",
        "rollback",
        "security",
        "serving",
        "shell",
        "snowflake",
        "spark",
        "statistics",
        "stats",
        "sweeps",
        "temporal",
        "tokenization",
        "torch",
        "transformer",
        "transformers",
        "triton",
        "user feedback",
        "vectors",
        "vision",
        "warehouse",
        "workflow automation",
        "writing",
    )
)

#: Words that make a neighbouring everyday word technical ("ML features", "model drift"):
#: written in capitals as here, or any case for the lower-case ones. "AI" and "LLM" are not
#: among them: "AI features" and "LLM features" are a product's features, not model inputs.
TECHNICAL_WORDS: frozenset[str] = frozenset(
    ("ML", "NLP", "GPU", "GPUs", "API", "APIs", "SDK", "SDKs")
)
TECHNICAL_WORDS_ANY_CASE: frozenset[str] = frozenset(
    ("model", "models", "inference", "framework", "frameworks", "cluster", "clusters")
)


#: What may stand between two skills of one list: punctuation, bullets, joining words, and one
#: line break (a bulleted list), but not a full stop or a blank line.
_LIST_GAP = re.compile(
    r"(?:[ \t\u00a0,;/&+|()\[\]:*•·–—-]|\r?\n(?![ \t]*\r?\n)"
    r"|\b(?:and|or|plus|with|as well as|such as|including|like|etc)\b\.?|e\.g\.|i\.e\.)*",
    re.IGNORECASE,
)
#: A word of a text: letters and digits, with "++" or "#" at the end (C++, C#).
_TOKEN = re.compile(r"[^\W_]+(?:\+\+|#)?")
#: Addresses are not skills: nothing inside an e-mail address or a web link is matched.
_ADDRESS = re.compile(r"[^\s@]+@[^\s@]+|(?:https?://|www\.)\S+", re.IGNORECASE)
_SPACE_ONLY = re.compile(r"[\s_-]+")
#: Spellings this short match case-sensitively.
SHORT = 3


@dataclass(frozen=True)
class Match:
    """One place a skill is written: ``text`` is ``posting[start:end]``."""

    skill: SkillId
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class _Term:
    skill: SkillId
    needs_context: bool
    #: For a short spelling, the exact forms it may take ("AWS", "aws"); empty: any case.
    forms: frozenset[str] = frozenset()


class SkillMatcher:
    """The skills of one knowledge base, indexed once; ``find(text)`` does the matching.

    Spellings are keyed by their words (folded) and what joins them, so a text is matched word
    by word, trying the longest spelling first at each word: a posting of any length takes one
    pass, whatever the size of the catalogue.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        terms: dict[str, _Term] = {}
        forms: dict[str, set[str]] = {}
        for skill_id, spelling in (*_owned_spellings(kb), *_tool_spellings(kb)):
            everyday = _needs_context(spelling)
            for variant in _variants(spelling):
                key = spelling_key(variant)
                if not key:
                    continue
                forms.setdefault(key, set()).add(variant)
                if key not in terms:
                    terms[key] = _Term(skill_id, everyday or _needs_context(variant))
        self._terms = {
            key: _Term(
                term.skill,
                term.needs_context,
                frozenset({*forms[key], *(f.upper() for f in forms[key])})
                if len(key) <= SHORT
                else frozenset(),
            )
            for key, term in terms.items()
        }
        self._longest = max((len(_TOKEN.findall(key)) for key in self._terms), default=1)
        #: The first word of every spelling: a word that starts none is passed over at once.
        self._first_words = {_TOKEN.findall(key)[0] for key in self._terms}

    def find(self, text: str) -> tuple[Match, ...]:
        """Every place a skill is written in ``text``, in order, by the rules above."""
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        words = [text[a:b].casefold() for a, b in tokens]
        joins = [_joiner(text[tokens[n - 1][1] : tokens[n][0]]) for n in range(1, len(tokens))]
        addresses = [(m.start(), m.end()) for m in _ADDRESS.finditer(text)]
        found: list[tuple[Match, bool]] = []
        i = 0
        while i < len(tokens):
            hit = self._longest_at(text, tokens, words, joins, i)
            if hit is None:
                i += 1
                continue
            n, term = hit
            start, end = tokens[i][0], tokens[i + n - 1][1]
            if not any(a <= start < b for a, b in addresses):
                match = Match(term.skill, text[start:end], start, end)
                doubtful = term.needs_context and not _technical_form(text, tokens, i, i + n - 1)
                found.append((match, doubtful))
            i += n
        return tuple(_in_context(text, found))

    def _longest_at(
        self,
        text: str,
        tokens: list[tuple[int, int]],
        words: list[str],
        joins: list[str],
        i: int,
    ) -> tuple[int, _Term] | None:
        """The longest spelling that starts at word ``i``: (its number of words, its term)."""
        if words[i] not in self._first_words:
            return None
        key, best = "", None
        for n in range(min(self._longest, len(tokens) - i)):
            key = key + joins[i + n - 1] + words[i + n] if n else words[i]
            term = self._terms.get(key)
            if term is None:
                continue
            written = text[tokens[i][0] : tokens[i + n][1]]
            if not term.forms or written in term.forms:  # a short one only in its own case
                best = (n + 1, term)
        return best


def spelling_key(spelling: str) -> str:
    """The key a spelling is looked up by: its words in lower case and what joins them, with
    spaces, hyphens and underscores all one space ("Fine-tuning" and "fine tuning" are one)."""
    return _join(spelling, [(m.start(), m.end()) for m in _TOKEN.finditer(spelling)])


def _join(text: str, words: list[tuple[int, int]]) -> str:
    parts = []
    for n, (start, end) in enumerate(words):
        if n:
            parts.append(_joiner(text[words[n - 1][1] : start]))
        parts.append(text[start:end].casefold())
    return "".join(parts)


def _joiner(between: str) -> str:
    """What joins two words in a key: one space for any run of spaces, hyphens and
    underscores; otherwise the punctuation itself, without spaces ("A/B", "W&B", "4.5")."""
    return " " if _SPACE_ONLY.fullmatch(between) else _SPACE_ONLY.sub("", between)


def _owned_spellings(kb: KnowledgeBase) -> list[tuple[SkillId, str]]:
    return [
        (skill.id, spelling)
        for skill in kb.skills
        for spelling in (skill.name, *skill.aliases, *POSTING_SPELLINGS.get(skill.id, ()))
    ]


def _tool_spellings(kb: KnowledgeBase) -> list[tuple[SkillId, str]]:
    return [(skill.id, tool) for skill in kb.skills for tool in skill.tools]


def _variants(spelling: str) -> list[str]:
    """The spelling, with "and" for "&", and its last word plural or singular ("Feature
    stores", "feature store"). Single words only gain a plural when written in lower case."""
    spelling = spelling.strip()
    variants = [spelling]
    if "&" in spelling and len(spelling) > SHORT:
        variants.append(re.sub(r"\s*&\s*", " and ", spelling))
    for variant in list(variants):
        words = variant.split()
        last = words[-1] if words else ""
        if len(variant) <= SHORT or not last[-1:].isalpha():
            continue
        several = len(words) > 1
        if last.endswith("s") and not last.endswith("ss") and len(last) > 3 and several:
            variants.append(variant[:-1])
        elif not last.endswith("s") and (several or last.islower()):
            variants.append(variant + "s")
    return variants


def _needs_context(spelling: str) -> bool:
    key = spelling_key(spelling)
    return key in EVERYDAY_WORDS or len(key) <= 2


def _technical_form(text: str, tokens: list[tuple[int, int]], first: int, last: int) -> bool:
    """An everyday word right beside a technical one: "ML features", "model drift"."""
    beside = []
    if first > 0 and _SPACE_ONLY.fullmatch(text[tokens[first - 1][1] : tokens[first][0]]):
        beside.append(text[tokens[first - 1][0] : tokens[first - 1][1]])
    if last + 1 < len(tokens) and _SPACE_ONLY.fullmatch(
        text[tokens[last][1] : tokens[last + 1][0]]
    ):
        beside.append(text[tokens[last + 1][0] : tokens[last + 1][1]])
    return any(
        word in TECHNICAL_WORDS or word.casefold() in TECHNICAL_WORDS_ANY_CASE for word in beside
    )


def _in_context(text: str, found: list[tuple[Match, bool]]) -> list[Match]:
    """The matches that count: every confident one, and each doubtful one that stands in a
    list beside one that counts (the list "Python, Spark, Snowflake" vouches for all three)."""
    counts = [not doubtful for _, doubtful in found]
    changed = True
    while changed:
        changed = False
        for i in range(len(found)):
            if counts[i]:
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(found) and counts[j]:
                    left, right = sorted((found[i][0], found[j][0]), key=lambda m: m.start)
                    if _LIST_GAP.fullmatch(text, left.end, right.start):
                        counts[i] = changed = True
                        break
    return [match for (match, _), ok in zip(found, counts, strict=True) if ok]

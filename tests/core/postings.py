"""Four job postings we wrote for the tests (tests/fixtures/postings/), with the skills each one
asks for, as a careful reader would list them: the matcher's recall and precision are measured
against these, skill by skill."""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).parent.parent / "fixtures" / "postings"

#: posting file stem -> every skill id it asks for, and nothing else.
EXPECTED: dict[str, frozenset[str]] = {
    "ai_engineer": frozenset(
        {
            "rag",
            "embeddings",
            "agents-tool-use",
            "llm-orchestration",
            "prompt-engineering",
            "llm-evals",
            "llm-cost-latency",
            "llm-observability",
            "guardrails",
            "python",
            "typescript",
            "api-design",
            "llm-apis",
            "vector-databases",
            "docker",
            "cloud-platforms",
            "fine-tuning",
        }
    ),
    "ml_engineer": frozenset(
        {
            "spark",
            "sql",
            "data-warehouses",
            "data-pipelines",
            "classical-ml",
            "pytorch",
            "hyperparameter-tuning",
            "model-evaluation",
            "experiment-tracking",
            "model-serving",
            "model-rollout",
            "model-monitoring",
            "ml-pipelines",
            "feature-stores",
            "probability-statistics",
            "linear-algebra",
            "python",
            "git",
            "docker",
            "kubernetes",
            "distributed-compute",
        }
    ),
    "mlops_llm": frozenset(
        {
            "ml-pipelines",
            "model-serving",
            "kubernetes",
            "gpu-infrastructure",
            "llm-evals",
            "llm-observability",
            "fine-tuning",
            "experiment-tracking",
            "model-monitoring",
            "model-rollout",
            "llm-cost-latency",
            "llm-apis",
            "python",
            "infrastructure-as-code",
            "ci-cd",
            "docker",
            "observability",
        }
    ),
    "not_technical": frozenset(),
}

#: Everyday words in the non-technical posting that are also spellings of skills (or look like
#: them): none of them may be found there.
LOOK_ALIKES = (
    "Go",
    "Serving",
    "agents",
    "pipeline",
    "Ranking",
    "vision",
    "edge",
    "labelling",
    "warehouse",
    "incidents",
    "rest",
    "Features",
    "spark",
    "CV",
    "drift",
)


def posting(name: str) -> str:
    return (FOLDER / f"{name}.txt").read_text(encoding="utf-8")

"""The pure domain: gap analysis, plan generation and progress. No I/O, no Qt."""

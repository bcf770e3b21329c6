"""How ready a user is for every role, as a plain table for the terminal (``gap``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from careerplanner.core.gap import RoleGap
from careerplanner.knowledge.model import OUR_READING

#: How many gaps the table names per role; the JSON has them all.
TOP_GAPS = 3


def gaps_table(
    gaps: Iterable[RoleGap], heading: str = "", months: Mapping[str, int | None] | None = None
) -> str:
    """One row per role, best-ready first: readiness, hours to close, the months the plan to
    it takes (when ``months`` gives them) and the top gaps."""
    gaps = list(gaps)
    width = max([len("Role"), *(len(g.name) for g in gaps)])
    lines = [heading, ""] if heading else []
    months_title, months_rule = ("Months  ", "------  ") if months is not None else ("", "")
    lines.append(f"{'Role':<{width}}  Ready  Hours  {months_title}Most important gaps")
    lines.append(f"{'-' * width}  -----  -----  {months_rule}{'-' * 19}")
    for g in gaps:
        top = ", ".join(f"{s.name} {s.current}->{s.required}" for s in g.gaps[:TOP_GAPS])
        more = f" (+{len(g.gaps) - TOP_GAPS} more)" if len(g.gaps) > TOP_GAPS else ""
        length = f"{months.get(g.role) or '-':>6}  " if months is not None else ""
        lines.append(
            f"{g.name:<{width}}  {g.readiness:>5.0%}  {g.hours:>5}  {length}{top or 'none'}{more}"
        )
    lines += ["", f"Required levels and hours are {OUR_READING} of the sources."]
    return "\n".join(lines) + "\n"

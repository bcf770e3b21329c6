"""The plan as CSV, one row per item to tick, for a spreadsheet or an instructor's script."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from careerplanner.core.plan_model import Plan
from careerplanner.export.checklist import NO_STATUSES, entries

COLUMNS = ("month", "month_start", "month_end", "kind", "item_id", "text", "status")


def plan_csv(plan: Plan, statuses: Mapping[str, str] = NO_STATUSES) -> str:
    """A header row, then one row per item in plan order. ``status`` is "done", "skipped" or
    empty; dates are ISO. Lines end in CRLF and fields are quoted only when they must be
    (RFC 4180), so write the text as it is, without newline translation."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for month in plan.months:
        for entry in entries(month, statuses):
            writer.writerow(
                (
                    month.index,
                    month.start.isoformat(),
                    month.end.isoformat(),
                    entry.item.kind.value,
                    entry.item.id,
                    entry.item.text,
                    entry.status,
                )
            )
    return out.getvalue()

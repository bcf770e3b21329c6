"""The plans table (snapshots of each plan made) and plan_items (marks on its items)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from careerplanner.storage.records import PlanId, timestamp
from careerplanner.storage.stores.base import IdStore, Row


class PlanStore(IdStore):
    table = "plans"

    def add(
        self, profile_id: int, inputs: Row, plan: Row, created: datetime | None = None
    ) -> PlanId:
        row = {
            "profile_id": profile_id,
            "created": timestamp(created),
            "inputs": _to_json(inputs),
            "plan": _to_json(plan),
        }
        return PlanId(self.insert_row(row))

    def latest(self, profile_id: int) -> tuple[PlanId, Row, Row] | None:
        found = next(
            self.db.query(
                "SELECT * FROM plans WHERE profile_id = ? ORDER BY id DESC LIMIT 1", [profile_id]
            ),
            None,
        )
        if found is None:
            return None
        return PlanId(found["id"]), json.loads(found["inputs"]), json.loads(found["plan"])


class PlanItemStore(IdStore):
    table = "plan_items"

    def add(
        self,
        profile_id: int,
        plan_id: int,
        item_id: str,
        status: str | None,
        marked_at: datetime | None = None,
    ) -> int:
        row = {
            "profile_id": profile_id,
            "plan_id": plan_id,
            "item_id": item_id,
            "status": status,
            "marked_at": timestamp(marked_at),
        }
        return self.insert_row(row)

    def statuses(self, profile_id: int) -> dict[str, str]:
        """Each item's latest mark across all the profile's plans; cleared items are absent."""
        rows = self.db.execute(
            """
            SELECT item_id, status FROM plan_items WHERE id IN (
                SELECT max(id) FROM plan_items WHERE profile_id = ? GROUP BY item_id
            ) AND status IS NOT NULL ORDER BY item_id
            """,
            [profile_id],
        )
        return dict(rows.fetchall())


def _to_json(value: Row) -> str:
    # Dates in a plan (month starts) become ISO strings; anything else unknown is a bug.
    def encode(item: Any) -> str:
        if isinstance(item, date):
            return item.isoformat()
        raise TypeError(f"cannot store {type(item).__name__} in a plan snapshot")

    return json.dumps(value, ensure_ascii=False, default=encode)

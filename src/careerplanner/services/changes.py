"""What an edit touched, so each part of the window decides for itself whether to refresh."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class ChangeSet:
    profiles: bool = False
    ratings: bool = False  # levels and notes
    plan: bool = False  # plan snapshots and item marks
    checkins: bool = False

    def __or__(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(
            **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)}
        )

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


#: Everything may have changed (a profile switch, an import).
EVERYTHING = ChangeSet(profiles=True, ratings=True, plan=True, checkins=True)

"""What an edit touched, so each part of the window decides for itself whether to refresh (the
habit Anki calls ``OpChanges``): a page that shows check-ins ignores a rating, and a rating
repaints only the rows of the skills it names."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class ChangeSet:
    #: The active profile's own settings: name, background, target, hours a week, start month.
    profile: bool = False
    #: The list of profiles: one added, removed or renamed.
    profiles: bool = False
    #: Another profile is active (or the data was replaced): everything shown may differ.
    switched: bool = False
    levels: bool = False  # ratings
    notes: bool = False  # the note shown beside a skill
    marks: bool = False  # plan items ticked, skipped or cleared
    plans: bool = False  # plan snapshots (a re-plan)
    checkins: bool = False
    fit: bool = False  # the fit quiz's answers
    #: Saved job postings: one saved or removed, or which one the profile plans for.
    postings: bool = False
    #: The skills whose level or note changed, when ``levels`` or ``notes`` is set and the edit
    #: knows them; empty means "any skill may have changed".
    skills: frozenset[str] = frozenset()

    def __or__(self, other: ChangeSet) -> ChangeSet:
        merged = {
            f.name: getattr(self, f.name) or getattr(other, f.name)
            for f in fields(self)
            if f.name != "skills"
        }
        # Two edits that each name their skills changed the union; one that names none may
        # have changed any skill, so the union is unknown.
        named = self.skills and other.skills
        both_touch = (self.levels or self.notes) and (other.levels or other.notes)
        if both_touch:
            skills = self.skills | other.skills if named else frozenset()
        else:
            skills = self.skills or other.skills
        return ChangeSet(**merged, skills=skills)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name != "skills")

    def any_of(self, *names: str) -> bool:
        """Whether any of the named fields changed (or everything did: ``switched``)."""
        return self.switched or any(getattr(self, name) for name in names)

    def with_skills(self, *skill_ids: str) -> ChangeSet:
        return replace(self, skills=frozenset(skill_ids))


#: Everything may have changed (a profile switch, an import, a deleted profile).
EVERYTHING = ChangeSet(
    profile=True,
    profiles=True,
    switched=True,
    levels=True,
    notes=True,
    marks=True,
    plans=True,
    checkins=True,
    fit=True,
    postings=True,
)

"""One store per table: the SQL for reading and writing it, and nothing else."""

from careerplanner.storage.stores.base import IdStore, Row
from careerplanner.storage.stores.checkins import CheckinStore
from careerplanner.storage.stores.fit_answers import FitAnswerStore
from careerplanner.storage.stores.notes import NoteStore
from careerplanner.storage.stores.plans import PlanItemStore, PlanStore
from careerplanner.storage.stores.postings import PostingStore, requirements_of
from careerplanner.storage.stores.profiles import ProfileStore, active_profile
from careerplanner.storage.stores.ratings import RatingStore
from careerplanner.storage.stores.settings import ACTIVE_PROFILE, SettingsStore

__all__ = [
    "ACTIVE_PROFILE",
    "CheckinStore",
    "FitAnswerStore",
    "IdStore",
    "NoteStore",
    "PlanItemStore",
    "PlanStore",
    "PostingStore",
    "ProfileStore",
    "RatingStore",
    "Row",
    "SettingsStore",
    "active_profile",
    "requirements_of",
]

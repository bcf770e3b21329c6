"""Every range a value the user gives must fall in, in one place: the window's controls, the
command line, the edits and import all take their limits (and their messages) from here, so a
value one of them accepts is one every other part accepts and can work with.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from careerplanner.errors import UsageError, shown


class LimitError(UsageError):
    """A value outside its range, or not a value of the right kind; the message says which."""


@dataclass(frozen=True)
class NumberRange:
    """A closed range of numbers, with the finest step the window's controls offer."""

    what: str  # "Hours a week": how a message names the value
    low: float
    high: float
    step: float
    why: str = ""  # why the range is what it is, said when a value is refused

    def describe(self) -> str:
        return f"from {self.low:g} to {self.high:g}"

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high  # false for NaN

    def check(self, value: object, what: str | None = None) -> float:
        """``value`` as a float, or ``LimitError`` naming the value and its range."""
        name = what or self.what
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise LimitError(f"{name} must be a number {self.describe()}, not {shown(value)}")
        number = float(value)
        if not self.contains(number):
            why = f" ({self.why})" if self.why else ""
            raise LimitError(f"{name} must be {self.describe()}{why}, not {_number(number)}")
        return number

    def parse(self, text: str, what: str | None = None) -> float:
        """The number written in ``text`` ("7.5", " 8 "), checked against the range."""
        return self.check(parse_number(text, what or self.what), what)


#: A plan at the lowest pace still fits in a lifetime (the longest plan there is, about 2,600
#: hours, takes about 50 years at 1 hour a week); the highest is a full-time job and a half.
HOURS_PER_WEEK = NumberRange("Hours a week", 1, 80, 0.5, "1 hour to a full-time job and a half")
#: A check-in is one day's study; 0 is a rest day logged with its note.
HOURS_PER_DAY = NumberRange("A check-in's hours", 0, 24, 0.25, "one day's study")

#: Plans start, and check-ins fall, in these years: anything else is a typing mistake (and a
#: date past 9999 cannot even be computed).
EARLIEST_YEAR, LATEST_YEAR = 1990, 2100

#: Names of profiles (and other things the user names) fit on one line of a menu.
MAX_NAME_LENGTH = 80
#: A note holds evidence and a link or two, not a document.
MAX_NOTE_LENGTH = 10_000


def check_start_month(month: date) -> date:
    """The first of ``month``, if its year is one a plan can start in."""
    if not EARLIEST_YEAR <= month.year <= LATEST_YEAR:
        raise LimitError(
            f"A plan's start month must be between {EARLIEST_YEAR} and {LATEST_YEAR}, "
            f"not {month:%Y-%m}"
        )
    return month.replace(day=1)


def check_day(day: date, today: date | None = None) -> date:
    """A check-in's day: not before the earliest year, and, given ``today``, not after it."""
    if today is not None and day > today:
        raise LimitError(f"A check-in's day cannot be in the future ({day.isoformat()})")
    if day.year < EARLIEST_YEAR:
        raise LimitError(
            f"A check-in's day must be in {EARLIEST_YEAR} or later, not {day.isoformat()}"
        )
    return day


def check_name(name: object, what: str = "A profile") -> str:
    """A name trimmed of spaces: not empty, one line, at most ``MAX_NAME_LENGTH`` characters."""
    if not isinstance(name, str):
        raise LimitError(f"{what} needs a name made of text, not {shown(name)}")
    text = name.strip()
    if not text:
        raise LimitError(f"{what} needs a name")
    if any(ch in text for ch in "\r\n\t\x00") or not text.isprintable():
        raise LimitError(f"{what}'s name must be one line of printable text")
    if len(text) > MAX_NAME_LENGTH:
        raise LimitError(
            f"{what}'s name must be at most {MAX_NAME_LENGTH} characters, not {len(text)}"
        )
    return text


def check_note(note: object, what: str = "A note") -> str:
    if not isinstance(note, str):
        raise LimitError(f"{what} must be text, not {shown(note)}")
    if not storable(note):
        raise LimitError(f"{what} holds a character that cannot be stored (not UTF-8 text)")
    if len(note) > MAX_NOTE_LENGTH:
        raise LimitError(
            f"{what} must be at most {MAX_NOTE_LENGTH:,} characters, not {len(note):,}"
        )
    return note


def storable(text: str) -> bool:
    """Whether ``text`` can be written as UTF-8: no lone surrogates, which is how Python keeps
    bytes that were not text (an argument typed on a Latin-1 terminal, say)."""
    return not any("\ud800" <= ch <= "\udfff" for ch in text)


def parse_number(text: str, what: str) -> float:
    """A finite decimal number written as people write one ("7", "7.5", "-2", ".5")."""
    cleaned = text.strip()
    # float() also takes "nan", "1e400", "1_0" and full-width digits: none is a typed number.
    if not cleaned or len(cleaned) > 20 or not all(ch in "0123456789.+-" for ch in cleaned):
        raise LimitError(f"{what} needs a number, not {shown(text)}")
    try:
        number = float(cleaned)
    except ValueError:
        raise LimitError(f"{what} needs a number, not {shown(text)}") from None
    if not math.isfinite(number):
        raise LimitError(f"{what} needs a number, not {shown(text)}")
    return number


# How a message repeats a refused value (capped, one line) lives in ``errors``, so the layers
# below this one show values the same way; ``_shown`` is the name callers already use.
_shown = shown


def _number(value: float) -> str:
    return f"{value:g}"

"""Dates as the app writes them, in English whatever the system locale.

``strftime`` takes month and day names from the C library's locale, which the window sets from
the system (Qt does so on start), so a French desktop would get "septembre" in an otherwise
English export. Every page, chart and writer formats its dates here instead.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: The directives whose output depends on the locale, and "%%"; the rest are numbers.
_NAMES = re.compile(r"%[BbAa%]")


def format_date(day: date, pattern: str) -> str:
    """``day.strftime(pattern)`` with English names for %B, %b, %A and %a.

    Only numeric directives (%d, %m, %Y, %y, %H, %M, ...) reach ``strftime``; the locale's own
    formats (%c, %x, %X, %p) are not for this app.
    """

    def name(match: re.Match[str]) -> str:
        code = match.group()[1]
        if code == "%":
            return "%%"
        if code in "Bb":
            month = MONTHS[day.month - 1]
            return month if code == "B" else month[:3]
        weekday = DAYS[day.weekday()]
        return weekday if code == "A" else weekday[:3]

    return day.strftime(_NAMES.sub(name, pattern))


def month_year(day: date) -> str:
    """ "September 2026"."""
    return format_date(day, "%B %Y")


def short_month_year(day: date) -> str:
    """ "Sep 2026"."""
    return format_date(day, "%b %Y")


def short_date(day: date) -> str:
    """ "01 Sep 2026"."""
    return format_date(day, "%d %b %Y")


def day_month_year(day: date) -> str:
    """ "1 September 2026" (no leading zero)."""
    return f"{day.day} {month_year(day)}"


def first_of_month(day: date) -> date:
    """The first of ``day``'s month: the same for every day in it."""
    return day.replace(day=1)

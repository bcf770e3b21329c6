"""Errors a user can fix. Their message is shown as it is: one line, saying what is wrong and how
to put it right. Anything else escaping to the top is a bug."""


class CareerPlannerError(Exception):
    """Base for every error whose message is meant for the user."""


class UsageError(CareerPlannerError):
    """A command-line value or input file the user gave is not acceptable."""

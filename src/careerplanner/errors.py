"""Errors a user can fix. Their message is shown as it is: one line, saying what is wrong and how
to put it right. Anything else escaping to the top is a bug.

Also how a message repeats what the user gave (``shown``) and keeps to one line (``one_line``),
so a megabyte value or a name with a newline in it never makes a wall of text."""


class CareerPlannerError(Exception):
    """Base for every error whose message is meant for the user."""


class UsageError(CareerPlannerError):
    """A command-line value or input file the user gave is not acceptable."""


#: How much of a refused value a message repeats: enough to recognise it, never a wall of text.
SHOWN_LENGTH = 40
#: The longest message printed as it is; a longer one keeps its start and its end.
MESSAGE_LENGTH = 1000


def shown(value: object) -> str:
    """``value`` for a message: a short number (or True, None) as it is; anything else quoted,
    on one line, control characters escaped, cut to ``SHOWN_LENGTH`` characters with "…"."""
    if value is None or isinstance(value, int | float):
        number = repr(value)
        if len(number) <= SHOWN_LENGTH:
            return number
    text = value if isinstance(value, str) else repr(value)
    text = _printable(" ".join(text.split()))
    if len(text) > SHOWN_LENGTH:
        text = text[: SHOWN_LENGTH - 1] + "…"
    return f"'{text}'"


def one_line(message: str) -> str:
    """``message`` as one printable line of at most about ``MESSAGE_LENGTH`` characters."""
    text = _printable(" ".join(message.split()))
    if len(text) > MESSAGE_LENGTH:
        # The end usually says how to fix it: keep it, and cut the middle.
        tail = MESSAGE_LENGTH // 4
        text = f"{text[: MESSAGE_LENGTH - tail - 3]} … {text[-tail:]}"
    return text


def _printable(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)

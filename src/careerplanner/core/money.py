"""Money as people read it: Indian amounts in lakh and crore, others in thousands."""

from __future__ import annotations

SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "INR": "₹"}
LAKH = 100_000
CRORE = 10_000_000


def format_amount(amount: int | float, currency: str) -> str:
    """``format_amount(2500000, "INR")`` -> "₹25L"; ``format_amount(180000, "USD")`` -> "$180k"."""
    symbol = SYMBOLS.get(currency, f"{currency} ")
    if currency == "INR":
        if amount >= CRORE:
            return f"{symbol}{_trim(amount / CRORE)}Cr"
        return f"{symbol}{_trim(amount / LAKH)}L"
    if amount >= 1_000_000:
        return f"{symbol}{_trim(amount / 1_000_000)}M"
    if amount >= 1_000:
        return f"{symbol}{_trim(amount / 1_000)}k"
    return f"{symbol}{_trim(amount)}"


def format_range(low: int | float, high: int | float, currency: str) -> str:
    if low == high:
        return format_amount(low, currency)
    return f"{format_amount(low, currency)}–{format_amount(high, currency)}"


def _trim(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text

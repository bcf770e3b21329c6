import pytest

from careerplanner.core.money import format_amount, format_range


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        (2_500_000, "INR", "₹25L"),
        (12_000_000, "INR", "₹1.2Cr"),
        (180_000, "USD", "$180k"),
        (1_500_000, "USD", "$1.5M"),
        (95_000, "EUR", "€95k"),
        (250_000, "AED", "AED 250k"),
    ],
)
def test_amounts_read_as_people_write_them(amount, currency, text):
    assert format_amount(amount, currency) == text


def test_a_point_figure_is_not_shown_as_a_range():
    assert format_range(370_000, 370_000, "USD") == "$370k"
    assert format_range(130_000, 145_000, "USD") == "$130k–$145k"

"""Pay for a few roles side by side: one row per region, seniority and company tier, one cell per
role holding that row's bands, each its own figure with its source (never blended). Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from careerplanner.core.money import format_range
from careerplanner.knowledge.model import KnowledgeBase, SalaryBand

REGION_ORDER = ("India", "US", "EU", "MENA")
SENIORITY_ORDER = ("entry", "mid", "senior", "staff", "all")
SENIORITY_NAMES = {
    "entry": "Entry",
    "mid": "Mid",
    "senior": "Senior",
    "staff": "Staff / principal",
    "all": "Any level",
}
#: What a row with no company tier says: the article gives the figure for the market as a whole.
ANY_TIER = "any company"
#: The one-line key under the table.
MONEY_KEY = (
    "₹L is a lakh (100,000 rupees) and ₹Cr a crore (10 million rupees); $180k is 180,000. "
    "base: base salary; total: total compensation; * the article does not say which, so "
    "base or total is our reading."
)


@dataclass(frozen=True)
class PayRow:
    region: str
    seniority: str  # one of SENIORITY_ORDER
    tier: str  # "" when the article names no company tier
    #: One tuple of bands per role compared, in the roles' order (empty: no figure).
    cells: tuple[tuple[SalaryBand, ...], ...]

    @property
    def seniority_name(self) -> str:
        return SENIORITY_NAMES.get(self.seniority, self.seniority)

    @property
    def tier_name(self) -> str:
        return self.tier or ANY_TIER


def regions(kb: KnowledgeBase) -> tuple[str, ...]:
    """Every region some band is for, in the usual order."""
    found = {band.region for band in kb.salaries}
    return tuple(sorted(found, key=lambda r: (_rank(REGION_ORDER, r), r)))


def pay_table(
    kb: KnowledgeBase, role_ids: Sequence[str], region: str | None = None
) -> tuple[PayRow, ...]:
    """The rows for ``role_ids`` (in ``region`` only, when given): by region, then seniority
    from entry up, then company tier (the market as a whole first, then from the lowest pay
    up). Rows where none of the roles has a figure are left out."""
    bands = [
        b for b in kb.salaries if b.role in role_ids and (region is None or b.region == region)
    ]
    keys: dict[tuple[str, str, str], list[SalaryBand]] = {}
    for band in bands:
        keys.setdefault((band.region, band.seniority, band.company_tier), []).append(band)

    def order(key: tuple[str, str, str]) -> tuple:
        region_, seniority, tier = key
        lowest = min(b.low for b in keys[key])
        return (
            _rank(REGION_ORDER, region_),
            region_,
            _rank(SENIORITY_ORDER, seniority),
            tier != "",
            lowest,
            tier,
        )

    rows = []
    for key in sorted(keys, key=order):
        in_row = keys[key]
        cells = tuple(
            tuple(sorted((b for b in in_row if b.role == role), key=lambda b: (b.low, b.id)))
            for role in role_ids
        )
        rows.append(PayRow(*key, cells))
    return tuple(rows)


def band_text(band: SalaryBand) -> str:
    """ "₹25L–₹50L total", "$370k median total", "$110k–$140k base*" (basis not stated)."""
    kind = "" if band.kind == "range" else f" {band.kind}"
    mark = "" if band.basis_stated else "*"
    return f"{format_range(band.low, band.high, band.currency)}{kind} {band.basis}{mark}"


def _rank(order: Sequence[str], value: str) -> int:
    return order.index(value) if value in order else len(order)

"""Compare roles: two or three roles side by side, as tables. First you: your readiness, the
months each would take at your hours and how the fit quiz rates it; then pay, one row per
region, seniority and company tier, each figure with its source and basis (never blended),
with a region filter; then the work, stack, maths, interviews and who hires; then where the
sources disagree about these roles. A role cannot be picked twice."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QEvent
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from careerplanner.core.pay import MONEY_KEY, band_text, pay_table, regions
from careerplanner.gui.session import Session
from careerplanner.gui.theme import is_dark
from careerplanner.gui.widgets.refresh import RefreshWhenShown
from careerplanner.knowledge.model import Fact, KnowledgeBase, Role
from careerplanner.services.changes import ChangeSet

NONE = ""
ALL_REGIONS = ""
DEFAULT_ROLES = ("ai-engineer", "ml-engineer", NONE)
#: The parts of a change the "you" table shows.
SHOWN = ("levels", "profile", "plans", "fit")
NO_FIGURE = "<span class='src'>—</span>"


@dataclass(frozen=True)
class YouAndRole:
    """What the top table says of one role for the user."""

    readiness: float
    hours: int
    months: int | None  # None: no plan can be made at these hours
    ready: bool
    fit: float | None  # None until the fit quiz has an answer


class ComparePage(RefreshWhenShown):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kb = session.kb
        controls = QHBoxLayout()
        self.combos: list[QComboBox] = []
        for number, default in enumerate(DEFAULT_ROLES, start=1):
            combo = QComboBox()
            combo.setAccessibleName(f"Role {number} to compare")
            if number == 3:
                combo.addItem("(none)", NONE)
            for role in self.kb.target_roles:
                combo.addItem(role.name, role.id)
            combo.setCurrentIndex(max(0, combo.findData(default)))
            label = QLabel(f"Role &{number}:")
            label.setBuddy(combo)
            controls.addWidget(label)
            controls.addWidget(combo, 1)
            self.combos.append(combo)
        self._chosen = [c.currentData() for c in self.combos]
        self.region = QComboBox()
        self.region.setAccessibleName("Region of the pay figures")
        self.region.addItem("All regions", ALL_REGIONS)
        for region in regions(self.kb):
            self.region.addItem(region, region)
        region_label = QLabel("Pay in:")
        region_label.setBuddy(self.region)
        controls.addSpacing(8)
        controls.addWidget(region_label)
        controls.addWidget(self.region)
        self.view = QTextBrowser()
        self.view.setAccessibleName("Role comparison")
        self.view.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.view, 1)
        for number, combo in enumerate(self.combos):
            combo.currentIndexChanged.connect(lambda _i, n=number: self._on_role_change(n))
        self.region.currentIndexChanged.connect(lambda _index: self.refresh())
        session.changed.connect(self._on_session_change)
        self.setFocusProxy(self.combos[0])
        self._disable_chosen()
        self.refresh()

    def chosen_roles(self) -> list[Role]:
        ids = [c.currentData() for c in self.combos if c.currentData()]
        return [self.kb.role(i) for i in dict.fromkeys(ids)]

    def chosen_region(self) -> str | None:
        return self.region.currentData() or None

    def _refresh(self) -> None:
        roles = self.chosen_roles()
        snapshot = self.session.snapshot()
        hours = snapshot.profile.hours_per_week if snapshot else None
        you = self._you(roles)
        dark = is_dark(self.view.palette())
        self.view.setHtml(comparison_html(self.kb, roles, you, self.chosen_region(), hours, dark))

    # -- UI -> page ---------------------------------------------------------------------------

    def _on_role_change(self, number: int) -> None:
        """A role already shown in another column swaps places with this column's old role,
        so no role is ever shown twice (the list also greys out the roles already shown)."""
        new = self.combos[number].currentData()
        old = self._chosen[number]
        for other, combo in enumerate(self.combos):
            if other != number and new and combo.currentData() == new:
                replacement = old if old or combo.findData(NONE) >= 0 else self._unused(new)
                combo.blockSignals(True)
                combo.setCurrentIndex(combo.findData(replacement))
                combo.blockSignals(False)
        self._chosen = [c.currentData() for c in self.combos]
        self._disable_chosen()
        self.refresh()

    def _unused(self, besides: str) -> str:
        taken = {c.currentData() for c in self.combos} | {besides}
        return next(r.id for r in self.kb.target_roles if r.id not in taken)

    def _disable_chosen(self) -> None:
        for number, combo in enumerate(self.combos):
            others = {c.currentData() for n, c in enumerate(self.combos) if n != number}
            model = combo.model()
            assert isinstance(model, QStandardItemModel)  # a QComboBox's own model
            for row in range(combo.count()):
                item = model.item(row)
                role_id = combo.itemData(row)
                taken = bool(role_id) and role_id in others
                item.setEnabled(not taken)
                item.setToolTip("Already shown in another column" if taken else "")

    # -- session -> UI ------------------------------------------------------------------------

    def _on_session_change(self, change: ChangeSet) -> None:
        if change.any_of(*SHOWN):
            self.mark_stale()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.mark_stale()  # the tables' shading follows a light or dark window

    def _you(self, roles: list[Role]) -> dict[str, YouAndRole]:
        snapshot = self.session.snapshot()
        if snapshot is None:
            return {}
        planner = self.session.planner
        plans = planner.role_plans()
        fit = planner.fit_result()
        you = {}
        for role in roles:
            gap = snapshot.gap_for(role.id)
            plan = plans.get(role.id)
            you[role.id] = YouAndRole(
                readiness=gap.readiness if gap else 0.0,
                hours=gap.hours if gap else 0,
                months=plan.total_months if plan else None,
                ready=bool(plan and plan.ready),
                fit=fit.score_of(role.id) if fit and fit.ranking else None,
            )
        return you


# -- the document ---------------------------------------------------------------------------

#: The headings' and the region rows' shading, on a light window and on a dark one (where the
#: light shading would leave the headings' light text unreadable).
SHADES = {False: ("#eaeef2", "#f6f8fa"), True: ("#2d333b", "#262b31")}


def table_style(dark: bool = False) -> str:
    heading, region = SHADES[dark]
    return (
        "<style>table{border-collapse:collapse} td,th{padding:5px 8px;vertical-align:top}"
        f"th{{text-align:left;background-color:{heading}}} th.row{{width:130px}} "
        ".src{color:gray} .key{color:gray} h3{margin-top:14px} "
        f"td.region{{font-weight:bold;background-color:{region}}}</style>"
    )


def comparison_html(
    kb: KnowledgeBase,
    roles: list[Role],
    you: dict[str, YouAndRole] | None = None,
    region: str | None = None,
    hours_per_week: float | None = None,
    dark: bool = False,
) -> str:
    parts = [table_style(dark)]
    if you:
        parts.append(_you_table(roles, you, hours_per_week))
    parts.append(_pay_table(kb, roles, region))
    parts.append(_facts_table(kb, roles))
    parts.append(_disagreements(kb, roles))
    return "".join(parts)


def _you_table(roles: list[Role], you: dict[str, YouAndRole], hours: float | None) -> str:
    def months(v: YouAndRole) -> str:
        if v.months is None:
            return "no plan at these hours"
        return "ready now" if v.ready else f"{v.months} months"

    at = f"Months at {hours:g} h a week" if hours else "Months at your hours"
    rows: list[tuple[str, Callable[[YouAndRole], str]]] = [
        ("Your readiness", lambda v: f"{v.readiness:.0%} ({v.hours} hours to close)"),
        (at, months),
        ("Fit (quiz)", lambda v: "not answered yet" if v.fit is None else f"{v.fit:.0%}"),
    ]
    return _grid("You and these roles", roles, [(t, lambda r, c=c: c(you[r.id])) for t, c in rows])


def _pay_table(kb: KnowledgeBase, roles: list[Role], region: str | None) -> str:
    where = f" in {escape(region)}" if region else ""
    title = f"<h3>Pay{where}</h3><p class='key'>{escape(MONEY_KEY)}</p>"
    rows = pay_table(kb, [r.id for r in roles], region)
    if not rows:
        return title + "<p class='src'>The sources give no pay figures for these roles here.</p>"
    head = "<tr><th>Seniority</th><th>Company tier</th>"
    head += "".join(f"<th>{escape(r.name)}</th>" for r in roles) + "</tr>"
    body = []
    region_now = None
    for row in rows:
        if row.region != region_now:  # each region under its own heading row
            region_now = row.region
            body.append(
                f"<tr><td class='region' colspan='{2 + len(roles)}'>{escape(row.region)}</td></tr>"
            )
        cells = []
        for bands in row.cells:
            lines = [f"<b>{escape(band_text(b))}</b> {_cite(kb, b.source)}" for b in bands]
            cells.append("<br>".join(lines) or NO_FIGURE)
        body.append(
            f"<tr><td>{escape(row.seniority_name)}</td><td>{escape(row.tier_name)}</td>"
            + "".join(f"<td>{c}</td>" for c in cells)
            + "</tr>"
        )
    return f"{title}<table width='100%' border='1' cellspacing='0'>{head}{''.join(body)}</table>"


def _facts_table(kb: KnowledgeBase, roles: list[Role]) -> str:
    rows: list[tuple[str, Callable[[Role], str]]] = [
        ("What the work is", lambda r: escape(r.summary)),
        ("Deliverables", lambda r: _list(r.deliverables)),
        ("First 90 days", lambda r: _list(r.first_90_days)),
        ("Measured by", lambda r: _list(r.key_metrics)),
        ("Must-know tools", lambda r: escape(", ".join(r.tools_must))),
        ("Nice-to-have tools", lambda r: escape(", ".join(r.tools_nice))),
        ("Maths needed", lambda r: escape(r.math_floor)),
        ("Time to first value", lambda r: escape(r.time_to_first_value)),
        ("Interview loop", lambda r: _facts(kb, r.interview_loop)),
        ("Who hires", lambda r: _facts(kb, r.hiring_companies)),
        ("Typical employers", lambda r: escape(", ".join(r.organisations))),
        ("Time to fill", lambda r: _facts(kb, r.time_to_fill)),
        ("Pick it if", lambda r: _facts(kb, r.who_should_pick)),
        ("Also called", lambda r: escape(", ".join(r.related_titles))),
    ]
    return _grid("The work, the stack and the market", roles, rows)


def _grid(title: str, roles: list[Role], rows: list[tuple[str, Callable[[Role], str]]]) -> str:
    head = "<tr><th></th>" + "".join(f"<th>{escape(r.name)}</th>" for r in roles) + "</tr>"
    body = []
    for name, cell in rows:
        cells = [cell(r) for r in roles]
        if not any(cells):
            continue
        cells = [c or "<span class='src'>The sources say nothing on this.</span>" for c in cells]
        body.append(
            f"<tr><th class='row'>{name}</th>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
        )
    return (
        f"<h3>{escape(title)}</h3>"
        f"<table width='100%' border='1' cellspacing='0'>{head}{''.join(body)}</table>"
    )


def _disagreements(kb: KnowledgeBase, roles: list[Role]) -> str:
    found = kb.disagreements_about([r.id for r in roles])
    if not found:
        return ""
    items = [f"<p><b>{escape(d.topic)}</b><br>{_facts(kb, d.claims)}</p>" for d in found]
    return "<h3>Where the sources disagree about these roles</h3>" + "".join(items)


def _list(items: tuple[str, ...]) -> str:
    return "<br>".join(f"• {escape(i)}" for i in items)


def _cite(kb: KnowledgeBase, source: str) -> str:
    # The publisher without its remark in brackets ("Independent career-choice essay").
    return f"<span class='src'>[{escape(kb.cite(source).split(' (')[0])}]</span>"


def _facts(kb: KnowledgeBase, facts: tuple[Fact, ...]) -> str:
    return "<br>".join(f"• {escape(f.text)} {_cite(kb, f.source)}" for f in facts)

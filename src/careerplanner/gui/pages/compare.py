"""Compare roles: two or three roles side by side — the work, the stack, how they are measured,
the maths they need, pay by region, seniority and company tier (each figure with its source),
interviews and where they hire."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from careerplanner.core.money import format_range
from careerplanner.gui.session import Session
from careerplanner.knowledge.model import Fact, KnowledgeBase, Role

NONE = ""
DEFAULT_ROLES = ("ai-engineer", "ml-engineer", NONE)


class ComparePage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
            combo.currentIndexChanged.connect(self.refresh)
            label = QLabel(f"Role &{number}:")
            label.setBuddy(combo)
            controls.addWidget(label)
            controls.addWidget(combo, 1)
            self.combos.append(combo)
        self.view = QTextBrowser()
        self.view.setAccessibleName("Role comparison")
        self.view.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.view, 1)
        self.setFocusProxy(self.combos[0])
        self.refresh()

    def chosen_roles(self) -> list[Role]:
        ids = [c.currentData() for c in self.combos if c.currentData()]
        return [self.kb.role(i) for i in dict.fromkeys(ids)]

    def refresh(self, _index: int = 0) -> None:
        self.view.setHtml(comparison_html(self.kb, self.chosen_roles()))


def comparison_html(kb: KnowledgeBase, roles: list[Role]) -> str:
    rows = [
        ("What the work is", lambda r: escape(r.summary)),
        ("Deliverables", lambda r: _list(r.deliverables)),
        ("First 90 days", lambda r: _list(r.first_90_days)),
        ("Measured by", lambda r: _list(r.key_metrics)),
        ("Must-know tools", lambda r: escape(", ".join(r.tools_must))),
        ("Nice-to-have tools", lambda r: escape(", ".join(r.tools_nice))),
        ("Maths needed", lambda r: escape(r.math_floor)),
        ("Time to first value", lambda r: escape(r.time_to_first_value)),
        ("Pay", lambda r: _salaries(kb, r)),
        ("Interview loop", lambda r: _facts(kb, r.interview_loop)),
        ("Who hires", lambda r: _facts(kb, r.hiring_companies)),
        ("Typical employers", lambda r: escape(", ".join(r.organisations))),
        ("Time to fill", lambda r: _facts(kb, r.time_to_fill)),
        ("Pick it if", lambda r: _facts(kb, r.who_should_pick)),
        ("Also called", lambda r: escape(", ".join(r.related_titles))),
    ]
    head = "".join(f"<th>{escape(r.name)}</th>" for r in roles)
    body = []
    for title, cell in rows:
        cells = [cell(r) for r in roles]
        if not any(cells):
            continue
        cells = [c or "<span class='src'>The sources say nothing on this.</span>" for c in cells]
        body.append(
            f"<tr><th class='row'>{title}</th>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
        )
    return (
        "<style>table{border-collapse:collapse} td,th{padding:6px 8px;vertical-align:top}"
        "th{text-align:left} th.row{width:120px} .src{color:gray;font-size:small}</style>"
        f"<table width='100%' border='0'><tr><th></th>{head}</tr>{''.join(body)}</table>"
    )


def _list(items: tuple[str, ...]) -> str:
    return "<br>".join(f"• {escape(i)}" for i in items)


def _cite(kb: KnowledgeBase, source: str) -> str:
    return f"<span class='src'>[{escape(kb.source(source).publisher)}]</span>"


def _facts(kb: KnowledgeBase, facts: tuple[Fact, ...]) -> str:
    return "<br>".join(f"• {escape(f.text)} {_cite(kb, f.source)}" for f in facts)


def _salaries(kb: KnowledgeBase, role: Role) -> str:
    bands = [s for s in kb.salaries if s.role == role.id]
    lines = []
    for band in sorted(bands, key=_band_order):
        who = " · ".join(x for x in (band.region, band.seniority, band.company_tier) if x)
        kind = "" if band.kind == "range" else f" {band.kind}"
        lines.append(
            f"{escape(who)}: <b>{format_range(band.low, band.high, band.currency)}</b> "
            f"{escape(band.basis)}{kind}, {band.year} {_cite(kb, band.source)}"
        )
    return "<br>".join(lines)


SENIORITY_ORDER = {"entry": 0, "mid": 1, "senior": 2, "staff": 3, "principal": 4}


def _band_order(band) -> tuple:
    """Region by region; within one, from junior to senior, then by amount."""
    return (band.region, band.currency, SENIORITY_ORDER.get(band.seniority, 9), band.low)

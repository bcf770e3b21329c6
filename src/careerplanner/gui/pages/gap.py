"""The Gap page: readiness for every role, one role by skill area, and its missing skills, each
with the reason it counts. A role chosen here can become the target."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careerplanner.charts.gap import draw_categories, draw_readiness
from careerplanner.gui.models.gap import GapTableModel
from careerplanner.gui.session import Session
from careerplanner.gui.widgets.chart import ChartView
from careerplanner.services.changes import ChangeSet
from careerplanner.services.edits import UpdateProfile


class GapPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session

        self.readiness_chart = ChartView("Readiness for every role")
        self.category_chart = ChartView("Selected role by skill area")
        charts = QSplitter()
        charts.addWidget(self.readiness_chart)
        charts.addWidget(self.category_chart)
        charts.setChildrenCollapsible(False)

        self.role_combo = QComboBox()
        self.role_combo.setAccessibleName("Role to examine")
        for role in session.kb.target_roles:
            self.role_combo.addItem(role.name, role.id)
        role_label = QLabel("&Role:")
        role_label.setBuddy(self.role_combo)
        self.make_target = QPushButton("Make This My &Target")
        self.make_target.setToolTip("Plan towards this role from now on (undoable)")
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.model = GapTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("Missing skills, most important first")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        for column in range(len(GapTableModel.HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(GapTableModel.COL_WHY, QHeaderView.ResizeMode.Stretch)

        controls = QHBoxLayout()
        controls.addWidget(role_label)
        controls.addWidget(self.role_combo)
        controls.addWidget(self.make_target)
        controls.addStretch(1)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(controls)
        lower_layout.addWidget(self.summary)
        lower_layout.addWidget(self.table)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(charts)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 360])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.role_combo.currentIndexChanged.connect(self._on_role_change)
        self.make_target.clicked.connect(self._on_make_target)
        session.changed.connect(self._on_session_change)
        self.setFocusProxy(self.table)
        self._follow_target = True
        self._on_session_change(None)

    def selected_role(self) -> str:
        return self.role_combo.currentData()

    def select_role(self, role_id: str) -> None:
        self.role_combo.setCurrentIndex(self.role_combo.findData(role_id))

    # -- UI -> session ----------------------------------------------------------------------

    def _on_role_change(self, _index: int) -> None:
        snapshot = self.session.snapshot()
        self._follow_target = snapshot is None or self.selected_role() == snapshot.profile.target
        self._show_role()

    def _on_make_target(self) -> None:
        profile = self.session.profile
        role_id = self.selected_role()
        if profile is None or role_id == profile.target:
            return
        name = self.session.kb.role(role_id).name
        self.session.do(UpdateProfile(profile.id, target=role_id), f"Set target to {name}")
        # The button is now disabled: leave the keyboard on the list of gaps, not on whatever
        # widget Qt would pick next.
        self.table.setFocus()

    # -- session -> UI ----------------------------------------------------------------------

    def _on_session_change(self, change: ChangeSet | None) -> None:
        if change is not None and not change.any_of("levels", "profile"):
            return
        snapshot = self.session.snapshot()
        if snapshot is None:
            return
        if self._follow_target:
            self.role_combo.blockSignals(True)
            self.select_role(snapshot.profile.target)
            self.role_combo.blockSignals(False)
        self._show_role()

    def _show_role(self) -> None:
        snapshot = self.session.snapshot()
        if snapshot is None:
            return
        gap = snapshot.gap_for(self.selected_role())
        is_target = self.selected_role() == snapshot.profile.target
        self.make_target.setEnabled(not is_target)
        self.make_target.setText("This Is Your Target" if is_target else "Make This My &Target")
        self.readiness_chart.plot(
            draw_readiness, snapshot.gaps, snapshot.profile.target, selected=self.selected_role()
        )
        self.model.set_rows(gap.gaps if gap else ())
        self.category_chart.plot(draw_categories, gap)
        if gap is None:
            self.summary.clear()
        elif not gap.gaps:
            self.summary.setText(f"<b>{gap.name}</b>: you meet every requirement. Well done!")
        else:
            hours = sum(g.hours for g in gap.gaps)
            core = sum(1 for g in gap.gaps if str(g.weight) == "core")
            self.summary.setText(
                f"<b>{gap.name}</b>: {gap.readiness:.0%} ready · {len(gap.gaps)} skills to raise "
                f"({core} core) · about {hours} hours of study (our estimate)"
            )

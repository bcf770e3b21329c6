"""Baseline for the first chart: a bare QMainWindow holding one matplotlib bar chart on a
FigureCanvasQTAgg, quit as soon as the canvas has painted.

What Career Planner's ``--exit-after chart`` (the Gap page's readiness chart) is compared with."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class QuitOnPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    window = QMainWindow()
    figure = Figure(layout="constrained")
    axes = figure.add_subplot()
    roles = ["AI Engineer", "ML Engineer", "MLOps Engineer", "Data Scientist"]
    axes.barh(roles, [0.62, 0.35, 0.41, 0.5])
    axes.set_xlim(0, 1)
    canvas = FigureCanvasQTAgg(figure)
    watcher = QuitOnPaint()
    canvas.installEventFilter(watcher)
    window.setCentralWidget(canvas)
    window.resize(1200, 780)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

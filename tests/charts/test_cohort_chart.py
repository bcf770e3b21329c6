"""The cohort's common-gaps chart, checked by its artists on a plain Figure."""

from __future__ import annotations

from matplotlib.figure import Figure

from careerplanner.charts.cohort import draw_common_gaps


def test_the_most_common_gap_is_the_top_bar_with_its_count():
    gaps = [("PyTorch", 7), ("SQL", 4), ("Docker", 1)]
    figure = Figure()
    draw_common_gaps(figure, gaps, students=8)
    axes = figure.axes[0]
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert labels == ["Docker", "SQL", "PyTorch"]  # drawn bottom-up: PyTorch on top
    assert [bar.get_width() for bar in axes.patches] == [1, 4, 7]
    assert [t.get_text() for t in axes.texts] == ["1", "4", "7"]
    assert axes.get_xlim()[1] >= 8  # the scale is the class, not the biggest bar
    assert "of 8" in axes.get_xlabel()
    assert figure.get_suptitle() == "The class's most common gaps"


def test_only_the_first_ten_are_drawn_and_the_title_says_so():
    gaps = [(f"Skill {n}", 20 - n) for n in range(14)]
    figure = Figure()
    draw_common_gaps(figure, gaps, students=20)
    assert len(figure.axes[0].patches) == 10
    assert figure.get_suptitle() == "The class's most common gaps (top 10 of 14)"


def test_no_gaps_says_so_instead_of_empty_axes():
    figure = Figure()
    draw_common_gaps(figure, [], students=3)
    assert figure.axes == []
    assert [t.get_text() for t in figure.texts] == [
        "No common gaps: every student meets their target"
    ]

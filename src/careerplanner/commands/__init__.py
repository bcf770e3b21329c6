"""The command-line commands, one module each, registered in the order ``--help`` lists them.

Each module has ``register(subparsers, common)``, which adds its parser and sets ``func``.
"""

from __future__ import annotations

import argparse

from careerplanner.commands import (
    checkin,
    cohort,
    fit,
    gap,
    knowledge,
    plan,
    posting,
    profile,
    progress,
    rate,
    transfer,
)

_MODULES = [knowledge, gap, plan, profile, rate, checkin, progress, cohort, transfer, fit, posting]


def register_all(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    for module in _MODULES:
        module.register(subparsers, common)

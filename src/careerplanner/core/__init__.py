"""The pure domain: gap analysis, plan generation and progress. No I/O, no Qt.

Public API: ``core.gap`` (``analyse_role``, ``analyse_all``, ``gaps_to_dict``) and ``core.plan``
(``PlanRequest``, ``build_plan``, ``plan_to_dict``); ``export`` renders them as text.
"""

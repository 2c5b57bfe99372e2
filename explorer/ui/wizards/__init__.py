"""Wizards that build a spec page by page and submit it only on the final accept.

``TaskWizard`` (a multi-instance MPI task) and ``PoolWizard`` (a pool fit for one).
Pages edit parts of a ``core`` spec; ``core.validation`` checks it as the user types
and every Problem is shown beside the field it names (``field_feedback``).
"""

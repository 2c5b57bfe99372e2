"""Scheduling: which active task runs on which nodes, and the executions it owns.

`scheduler` (woken when something may let a task run; places in one synchronous pass)
and `placement` (free slots, spread, gang placement of multi-instance tasks).

May import running, files, state, wire and the shared `context`.
"""

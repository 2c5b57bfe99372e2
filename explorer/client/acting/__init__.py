"""Acting: what the views and wizards ask of the service besides watching.

`operations` (details, actions, file listings and ranged reads, with `OperationError`
for the UI), `details` (the whole pool, node or task as frozen dataclasses),
`submission` (the pools and jobs a wizard offers, and submitting), `storage` (uploads
to linked storage, all-or-nothing) and `downloads`.

May import `watching`, `connecting`, `local`, the shared client modules and `explorer.core`.
"""

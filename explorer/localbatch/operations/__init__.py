"""What each Batch operation does to the service's state: pools and nodes, jobs, tasks.

`pools` (create, resize, remove nodes, reboot, delete, node counts), `nodes` (node ids,
loopback addresses and documents), `jobs`, `tasks`, `images` (the images pools may name).

May import scheduling, running, files, state, wire and the shared `context`.
"""

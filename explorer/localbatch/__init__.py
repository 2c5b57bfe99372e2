"""Local Batch: the Azure Batch REST API on loopback, running tasks on local compute nodes.

Top level: `cli` (`mpi-explorer localbatch serve`), `service` (the service assembled),
`recovery` (state brought back in step after a restart), `data_dir_lock` (one service
per data dir, and where it listens) and `context` (what every room shares: settings,
state, node directories, background work). The rooms, each importing
only those below it (import-linter contracts in pyproject.toml):

    api/          the aiohttp app, Shared Key auth, OData, the route handlers
    operations/   what each operation does: pools and nodes, jobs, tasks
    scheduling/   which task runs where
    running/      processes, task attempts, multi-instance tasks, the MPI launcher
    files/        node directory trees, node files, resource-file downloads
    state/        documents in memory, the SQLite store
    wire/         Batch's errors, times, request bodies

Shares nothing with the client side but the wire protocol: of `explorer` it may import
only `explorer.core.durations`; never Qt.
"""

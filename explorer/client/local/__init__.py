"""Local services the app starts on this machine, and what it runs on them first.

`local_batch` (Local Batch as a child process, learnt from its ready line, or the one
that owns its data dir already), `supervisor` (restarts it when it dies), `azurite` (the
Azure Storage emulator as a child process, one per location), `samples` (the bundled
sample MPI tasks, their programs in the linked storage or on a loopback server) and
`demo` (`--demo`: a pool, a job and a sample task).

May import the shared client modules and `explorer.core` only.
"""

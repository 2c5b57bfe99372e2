"""Local services the app starts on this machine, and what it runs on them first.

`local_batch` (Local Batch as a child process, learnt from its ready line), `azurite`
(the Azure Storage emulator as a child process), `samples` (the bundled sample MPI
tasks and the loopback server of their files) and `demo` (`--demo`: a pool, a job and
a sample task).

May import the shared client modules and `explorer.core` only.
"""

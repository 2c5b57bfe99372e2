"""Running tasks on local nodes: processes, attempts, multi-instance tasks, MPI, start tasks.

`processes` (a command line run as a Batch node runs it: no shell, own session),
`process_scopes` (everything an attempt started, found by cgroup or session and ended as
a whole, recorded so a restarted service can end it too; with `cgroups` and
`host_processes`, what the kernel says about cgroups and processes), `task_attempts` (one attempt of a task and what follows it), `multi_instance`
(primary and subtasks, coordination, then the application), `mpi_launcher` (the ssh
stand-in that starts each MPI rank inside its node), `start_tasks`, `kept_scopes` (what start and
preparation tasks leave running, held until the node goes), `environment`
(the AZ_BATCH_* variables), `node_accounting` (a node's counts and recent tasks) and
`job_tasks` (job preparation and release tasks on each node, and the job manager's slots).

May import files, state, wire and the shared `context`.
"""

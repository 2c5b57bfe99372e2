"""Specs: frozen dataclasses of what a wizard fills in (tasks, pools, jobs, and their parts).

Derive changed copies with `dataclasses.replace`. `task_spec.MultiInstanceTaskSpec` /
`TaskConstraints`, `pool_spec.PoolSpec` / `VmImage` / `StartTask`, `job_spec.JobSpec`,
`resource_files.ResourceFile`, `environment.EnvironmentSetting`, `user_identity`,
`os_family`, and `pool_info.PoolInfo` (what is known of an existing pool).

Imports nothing of ours but `explorer.core.durations`.
"""

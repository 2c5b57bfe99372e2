"""Watching: live, typed snapshots of what the views show.

`monitor` polls the subscribed `queries` (one poll per distinct query, `$select`ed,
backoff through the connection state) and hands out `snapshots` with their diffs;
`task_watch` (with the rules in `phases`) turns one task's snapshots and the probes of
its primary's files into typed snapshots of what the service reported; `file_reader`
reads task and node files by ranges, through the same connection state.

May import `connecting`, `local`, the shared client modules and `explorer.core`.
"""

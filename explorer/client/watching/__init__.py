"""Watching: live, typed snapshots of what the views show.

`monitor` polls the subscribed `queries` (one poll per distinct query, `$select`ed,
backoff through the connection state) and hands out `snapshots` with their diffs;
`phases` turns a multi-instance task's snapshots and file probes into instance phases;
`tailer` follows a growing file.

May import `connecting`, `local`, the shared client modules and `explorer.core`.
"""

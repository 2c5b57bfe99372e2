"""Connecting: profiles, where their secrets live, and opening a connection for one.

`profiles` (the JSON file of connection profiles, no secrets), `credentials` (the
keyring, or memory), `client_factory` (a `Connection`: a BatchClient plus what it
owns, e.g. the embedded Local Batch) and `connection_state` (connected, retrying, failed;
the one backoff every poll goes through).

May import `local`, the shared client modules and `explorer.core`.
"""

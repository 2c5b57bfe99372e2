"""Connecting: profiles, where their secrets live, and opening a connection for one.

`profiles` (the JSON file of connection profiles, no secrets; the "environment" account),
`account_fields` (what an account's fields must look like), `credentials` (the keyring, or
this session's memory when there is none), `proxies` (loopback never proxied, the app's
proxy setting, errors that name the proxy), `entra` (sign-in per cloud, remembered per
profile), `discovery` (Batch accounts through Resource Manager), `client_factory` (a
`Connection`: a BatchClient plus what it owns, e.g. the embedded Local Batch),
`accounts` (what the accounts dialog and `mpi-explorer accounts` do: save, test, forget)
and `connection_state` (connected, retrying, failed; the one backoff every poll goes through).

May import `local`, the shared client modules and `explorer.core`.
"""

"""The HTTP surface of Local Batch: the aiohttp app, Shared Key auth, OData, routes.

`http_app` (the application: auth on every request, Batch headers, errors, lists),
`auth`, `odata` (`$filter`, `$select`, paging), `services` (what handlers reach),
and the handlers: `pool_routes`, `job_routes`, `file_routes`. Handlers parse and
answer; what a request does lives in `operations`.

May import every room below it: operations, scheduling, running, files, state, wire.
"""

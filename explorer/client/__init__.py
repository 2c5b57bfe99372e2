"""The client side: plain asyncio over the unmodified `azure.batch.aio.BatchClient`, no Qt.

Rooms, each importing only the rooms below it (import-linter contracts in pyproject.toml):
- `acting/`: what a user asks the service to do: details, actions, submission,
  uploads to linked storage, downloads;
- `watching/`: what the views watch: the monitor and its queries, snapshots, the task
  watch that turns task, subtask and file observations into instance phases, the live file reader;
- `connecting/`: profiles, credentials, the client factory, the connection state;
- `local/`: launchers of the local services (Local Batch, Azurite), the bundled
  samples and the demo.
Shared by all rooms: `errors` (domain exceptions, SDK error classification), `waiting`,
`files` (where a task or node file lives) and `storage_account`.

May import `explorer.core`; never `explorer.ui`, `explorer.localbatch`, Qt or qasync.
"""

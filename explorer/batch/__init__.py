"""Plain asyncio, no Qt: connection profiles, credentials, client factory, monitor, file tailer, downloads."""

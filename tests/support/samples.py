"""The bundled samples served on loopback, as the `{samples_base_url}` of their task templates.

Served by the app's own in-loop `SampleServer` (the one `--demo` and "open a sample" use),
on the loop of the test that uses it.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass

from explorer.client.local.samples import SampleServer, sample_task_json, samples_dir

SAMPLES = samples_dir()


@dataclass(frozen=True)
class ServedSamples:
    base_url: str

    def task_json(self, sample: str) -> dict:
        """A sample's task template with its resource file URLs pointing at this server."""
        return sample_task_json(sample, self.base_url)


@contextlib.asynccontextmanager
async def served_samples() -> AsyncIterator[ServedSamples]:
    server = SampleServer()
    base_url = await server.start()
    try:
        yield ServedSamples(base_url)
    finally:
        await server.stop()

"""The bundled sample MPI tasks, and a loopback HTTP server their resource files come from.

A sample's `task.json` names its programs as `{samples_base_url}/<sample>/<file>`;
whoever submits it serves the samples folder (Local Batch downloads resource files
over HTTP like Batch does) and puts the server's URL in. `--demo` and the wizard's
"open a sample" both go through here.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web

from explorer.resources import resource_path

log = logging.getLogger(__name__)

PLACEHOLDER = "{samples_base_url}"


@dataclass(frozen=True)
class Sample:
    name: str
    display_name: str
    task_file: Path


def samples_dir() -> Path:
    return resource_path("samples")


def bundled_samples() -> list[Sample]:
    samples = []
    for task_file in sorted(samples_dir().glob("*/task.json")):
        data = json.loads(task_file.read_text(encoding="utf-8"))
        samples.append(Sample(task_file.parent.name, data.get("displayName") or task_file.parent.name, task_file))
    return samples


def sample_task_json(name: str, base_url: str) -> dict:
    """The sample's task template with its resource file URLs pointing at `base_url`."""
    text = (samples_dir() / name / "task.json").read_text(encoding="utf-8")
    return json.loads(text.replace(PLACEHOLDER, base_url.rstrip("/")))


class SampleServer:
    """Serves the samples folder read-only on 127.0.0.1 while the app runs."""

    def __init__(self, directory: Path | None = None) -> None:
        self._directory = directory or samples_dir()
        self._runner: web.AppRunner | None = None
        self.base_url: str | None = None

    async def start(self) -> str:
        app = web.Application()
        app.router.add_static("/", self._directory, show_index=False, follow_symlinks=False)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base_url = f"http://127.0.0.1:{port}"
        log.info("serving samples at %s", self.base_url)
        return self.base_url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

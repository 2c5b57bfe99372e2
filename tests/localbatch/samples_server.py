"""Serving the bundled samples (explorer/resources/samples) over HTTP on loopback, as the httpUrl of resource files."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

from explorer.client.local.samples import sample_task_json, samples_dir

SAMPLES = samples_dir()


class SamplesServer:
    def __init__(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self._process = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(self.port), "--bind", "127.0.0.1", "--directory", str(SAMPLES)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError("the samples HTTP server did not start") from None
                time.sleep(0.05)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def task_json(self, sample: str) -> dict:
        """A sample's task template with its resource file URLs pointing at this server."""
        return sample_task_json(sample, self.base_url)

    def stop(self) -> None:
        self._process.terminate()
        self._process.wait(10)

"""Suite-wide test setup: headless Qt, isolated settings and user dirs, the random order's seed."""

import os

# Set before anything imports Qt: every GUI test runs offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
import pytest_asyncio  # noqa: E402

from tests.support.samples import served_samples  # noqa: E402

pytest_plugins = ["tests.support.storage"]


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Point XDG dirs (QSettings, platformdirs, keyring files) at a temp dir per test."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        path = home / sub
        path.mkdir()
        monkeypatch.setenv(var, str(path))
    yield


@pytest_asyncio.fixture
async def samples():
    """explorer/resources/samples served on loopback (the `{samples_base_url}` of the sample tasks)."""
    async with served_samples() as served:
        yield served


def pytest_terminal_summary(terminalreporter, config):
    """Say how to replay this run's order, also under -q (which hides pytest-randomly's header)."""
    seed = getattr(config.option, "randomly_seed", None)
    if isinstance(seed, int):
        terminalreporter.write_line(f"random order: replay it with -p randomly --randomly-seed={seed}")

"""The service objects the HTTP handlers reach through the application."""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

from explorer.localbatch.context import Context
from explorer.localbatch.jobs import Jobs
from explorer.localbatch.pools import Pools
from explorer.localbatch.scheduler import Scheduler
from explorer.localbatch.tasks import Tasks


@dataclass
class Services:
    ctx: Context
    scheduler: Scheduler
    pools: Pools
    jobs: Jobs
    tasks: Tasks


SERVICES = web.AppKey("services", Services)


def services_of(request: web.Request) -> Services:
    """The services of the application serving `request` (every handler starts here)."""
    return request.app[SERVICES]

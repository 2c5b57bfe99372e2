"""The service objects the HTTP handlers reach through the application."""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

from explorer.localbatch.context import Context
from explorer.localbatch.operations.account import Account
from explorer.localbatch.operations.job_schedules import JobSchedules
from explorer.localbatch.operations.jobs import Jobs
from explorer.localbatch.operations.node_access import NodeAccess
from explorer.localbatch.operations.pools import Pools
from explorer.localbatch.operations.tasks import Tasks
from explorer.localbatch.scheduling.scheduler import Scheduler


@dataclass
class Services:
    ctx: Context
    scheduler: Scheduler
    pools: Pools
    jobs: Jobs
    tasks: Tasks
    nodes: NodeAccess
    account: Account
    job_schedules: JobSchedules


SERVICES = web.AppKey("services", Services)


def services_of(request: web.Request) -> Services:
    """The services of the application serving `request` (every handler starts here)."""
    return request.app[SERVICES]

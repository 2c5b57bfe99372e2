"""Local Batch assembled: state, scheduler, pools, jobs, tasks and the HTTP server."""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web

from explorer.localbatch.api import account_routes as routes_account
from explorer.localbatch.api import file_routes as routes_files
from explorer.localbatch.api import job_routes as routes_jobs
from explorer.localbatch.api import job_schedule_routes as routes_job_schedules
from explorer.localbatch.api import node_routes as routes_nodes
from explorer.localbatch.api import pool_routes as routes_pools
from explorer.localbatch.api import unsupported_routes as routes_unsupported
from explorer.localbatch.api.http_app import ServerLog, build_app
from explorer.localbatch.api.services import SERVICES, Services
from explorer.localbatch.context import Context, Settings
from explorer.localbatch.files.node_tree import NodeDirectories
from explorer.localbatch.operations.account import Account
from explorer.localbatch.operations.job_schedules import JobSchedules
from explorer.localbatch.operations.jobs import Jobs
from explorer.localbatch.operations.node_access import NodeAccess
from explorer.localbatch.operations.pools import Pools
from explorer.localbatch.operations.tasks import Tasks
from explorer.localbatch.recovery import recover
from explorer.localbatch.running.multi_instance import MultiInstanceExecution
from explorer.localbatch.running.node_sampling import sample_nodes
from explorer.localbatch.running.process_scopes import ProcessTracking
from explorer.localbatch.scheduling.scheduler import Scheduler
from explorer.localbatch.state.documents import State
from explorer.localbatch.state.store import Store

log = logging.getLogger(__name__)


class LocalBatch:
    def __init__(self, settings: Settings, key: str) -> None:
        self.settings = settings
        self._key = key
        self._runner: web.AppRunner | None = None
        self._scheduler_task: asyncio.Task | None = None
        self._processes: ProcessTracking | None = None
        self.ctx: Context | None = None

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Load the state, recover interrupted work, then listen; returns the endpoint URL."""
        data_dir = self.settings.data_dir
        data_dir.mkdir(parents=True, exist_ok=True)
        state = State(Store(data_dir / "localbatch.sqlite3"))
        state.load()
        ctx = Context(self.settings, state, NodeDirectories(data_dir / "nodes"))
        self.ctx = ctx
        self._processes = ProcessTracking.for_service(self.settings.use_cgroups)
        scheduler = Scheduler(ctx, self._processes, MultiInstanceExecution)
        pools, tasks = Pools(ctx, scheduler), Tasks(ctx, scheduler)
        jobs = Jobs(ctx, scheduler, tasks.read_task)
        services = Services(
            ctx, scheduler, pools, jobs, tasks, NodeAccess(ctx, pools), Account(ctx), JobSchedules(ctx, jobs)
        )
        # Before anyone is answered: a request must never see (or reactivate) a task whose
        # previous attempt still runs.
        await recover(services)
        app = build_app(self.settings.account, self._key)
        app[SERVICES] = services
        app.on_response_prepare.append(_stored_before_answering)
        routes = (routes_pools, routes_nodes, routes_jobs, routes_job_schedules, routes_files, routes_account, routes_unsupported)
        for module in routes:
            module.add_routes(app)
        # auto_decompress=False: a body arrives as sent; a Content-Encoding is refused by the app with
        # Batch's error body (Batch takes bodies as they are) instead of failing in the HTTP parser.
        self._runner = web.AppRunner(
            app, access_log=None, handle_signals=False, auto_decompress=False,
            logger=ServerLog(logging.getLogger("aiohttp.server"), {}),
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        bound_port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.settings.endpoint = f"http://{host}:{bound_port}"
        self._scheduler_task = asyncio.get_running_loop().create_task(scheduler.run(), name="scheduler")
        services.job_schedules.resume()
        ctx.spawn(sample_nodes(ctx), "node sampling")  # every node's figures, as the sampler writes them on Azure
        ctx.wake_scheduler()
        log.info("Local Batch listening on %s for account %s", self.settings.endpoint, self.settings.account)
        return self.settings.endpoint

    async def stop(self) -> None:
        """Stop serving, end every running process, close the store."""
        if self._runner is not None:
            await self._runner.cleanup()
        if self._scheduler_task is not None:
            self._scheduler_task.cancel()
            await asyncio.gather(self._scheduler_task, return_exceptions=True)
        if self.ctx is not None:
            await self.ctx.cancel_background()
            self.ctx.state.store.close()
        if self._processes is not None:
            await self._processes.close()


async def _stored_before_answering(request: web.Request, _response: web.StreamResponse) -> None:
    """What a client is told has been committed (the store commits once per loop iteration otherwise)."""
    request.app[SERVICES].ctx.state.store.flush()

"""Keep the app's Local Batch running: notice when it ends unexpectedly, reap it, start it again.

    supervisor = LocalBatchSupervisor(service, azurite)
    supervisor.add_listener(on_event)     # on_event(ServiceEvent): stopped / restarted / failed
    supervisor.watch()
    ...
    await supervisor.close()              # before stopping the service on purpose

The service's end is seen at once, without polling: a pidfd (Linux) becomes readable
on the loop when the process exits, whether it is our child or another process's
service we attached to. Our child is then reaped (no zombie). The service is started
again on the same data dir, asking for the same port, so clients keep their endpoint;
its recovery requeues the tasks it was running, as Batch requeues the tasks of a node
that failed under them. If Azurite (its linked storage) ended too, it comes back first.

A service that keeps dying is not restarted in a loop: after `max_restarts` within
`restart_window` seconds the supervisor reports FAILED and waits for `restart_now()`
(the user's "Retry now"), as it does when a start fails.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from explorer.client.errors import StorageError
from explorer.client.local.azurite import AzuriteService
from explorer.client.local.local_batch import LocalBatchEndpoint, LocalBatchService, LocalBatchStartError
from explorer.client.waiting import start_in_thread
from explorer.core.texts import QT_TRANSLATE_NOOP, Text

log = logging.getLogger(__name__)


class ServiceEventKind(str, Enum):
    STOPPED = "stopped"
    """It ended without being asked to; a restart follows (unless it keeps stopping)."""
    RESTARTED = "restarted"
    FAILED = "failed"
    """It could not be started again; `restart_now()` tries once more."""


@dataclass(frozen=True)
class ServiceEvent:
    kind: ServiceEventKind
    how: Text
    """How it ended: "killed by SIGKILL", "exit code 1", ..."""
    reason: str | Text = ""
    """FAILED: why it could not be restarted."""
    endpoint_changed: bool = False
    """RESTARTED on another port (the old one was taken): clients need a new connection."""
    at: float = 0.0
    """When it was noticed (time.time())."""

    @property
    def text(self) -> Text:
        """What the window says about it (`str()` is the English, for logs)."""
        if self.kind is ServiceEventKind.STOPPED:
            return Text.of(QT_TRANSLATE_NOOP("ServiceEvent", "Local Batch stopped unexpectedly ({how}); restarting…"),
                           how=self.how)
        if self.kind is ServiceEventKind.RESTARTED:
            return Text.of(QT_TRANSLATE_NOOP("ServiceEvent", "Local Batch stopped unexpectedly ({how}) at {time}; "
                                             "restarted"), how=self.how,
                           time=time.strftime("%H:%M:%S", time.localtime(self.at)))
        return Text.of(QT_TRANSLATE_NOOP("ServiceEvent", "Local Batch stopped unexpectedly ({how}) and could not be "
                                         "restarted: {reason}"), how=self.how, reason=self.reason)

    def __str__(self) -> str:
        return str(self.text)


ServiceListener = Callable[[ServiceEvent], None]


class LocalBatchSupervisor:
    def __init__(
        self,
        service: LocalBatchService,
        azurite: AzuriteService | None = None,
        *,
        max_restarts: int = 3,
        restart_window: float = 60.0,
    ) -> None:
        self.service = service
        self._azurite = azurite
        self._max_restarts = max_restarts
        self._restart_window = restart_window
        self._restarts: list[float] = []
        self._listeners: list[ServiceListener] = []
        self._retry = asyncio.Event()
        self._task: asyncio.Task | None = None
        self.last_event: ServiceEvent | None = None

    def add_listener(self, listener: ServiceListener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def watch(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run(), name="supervise Local Batch")

    def restart_now(self) -> None:
        """Try again now if a restart failed or was held back (the user asked); else nothing."""
        self._restarts.clear()
        self._retry.set()

    async def close(self) -> None:
        """Stop watching: what ends next is on purpose. A restart under way is undone."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _run(self) -> None:
        while True:
            pid = self.service.pid
            if pid is not None and self.service.is_running():
                await process_exit(pid, self.service.is_running)
            how = self.service.exit_status()
            self.service.reap()
            log.warning("Local Batch (pid %s) stopped unexpectedly: %s", pid, how)
            self._emit(ServiceEvent(ServiceEventKind.STOPPED, how, at=time.time()))
            while not await self._restart(how):
                self._retry.clear()
                await self._retry.wait()

    async def _restart(self, how: Text) -> bool:
        now = time.monotonic()
        self._restarts = [t for t in self._restarts if now - t < self._restart_window]
        if len(self._restarts) >= self._max_restarts:
            reason = Text.of(QT_TRANSLATE_NOOP("ServiceEvent", "it stopped {count} times within {seconds} s; see {log}"),
                             count=len(self._restarts) + 1, seconds=round(self._restart_window),
                             log=str(self.service.log_path))
            self._emit(ServiceEvent(ServiceEventKind.FAILED, how, reason, at=time.time()))
            return False
        self._restarts.append(now)
        before = self.service.endpoint
        try:
            after = await start_in_thread(self._bring_up, self.service.stop)
        except (LocalBatchStartError, StorageError) as error:
            log.error("Local Batch could not be restarted: %s", error)
            self._emit(ServiceEvent(ServiceEventKind.FAILED, how, error.text, at=time.time()))
            return False
        changed = before is None or before.endpoint != after.endpoint
        log.info("Local Batch restarted at %s (pid %s)", after.endpoint, self.service.pid)
        self._emit(ServiceEvent(ServiceEventKind.RESTARTED, how, endpoint_changed=changed, at=time.time()))
        return True

    def _bring_up(self) -> LocalBatchEndpoint:
        """In a thread: the linked Azurite if it is gone too, then Local Batch."""
        azurite = self._azurite
        if azurite is not None and not azurite.is_running():
            azurite.start()
            self.service.auto_storage = azurite.account
        return self.service.start()

    def _emit(self, event: ServiceEvent) -> None:
        self.last_event = event
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:
                log.exception("Local Batch supervisor listener failed")


async def process_exit(pid: int, running: Callable[[], bool]) -> None:
    """Return when process `pid` has ended (a child stays a zombie until it is reaped).

    `running()` answers whether it still runs, for where there is no pidfd (not Linux,
    or an old kernel): there it is asked every second."""
    try:
        descriptor = os.pidfd_open(pid)
    except ProcessLookupError:
        return
    except (AttributeError, OSError):
        while running():  # noqa: ASYNC110 - nothing to wait on without a pidfd
            await asyncio.sleep(1.0)
        return
    loop = asyncio.get_running_loop()
    ended = loop.create_future()

    def readable() -> None:
        if not ended.done():
            ended.set_result(None)

    loop.add_reader(descriptor, readable)
    try:
        await ended
    finally:
        loop.remove_reader(descriptor)
        os.close(descriptor)


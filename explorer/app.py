"""The composition root: builds the services, the main window and the qasync loop.

    mpi-explorer                      the window, on the selected profile (Local Batch by default)
    mpi-explorer --demo               ... plus an MPI pool and a sample MPI task, shown live
    mpi-explorer --profile NAME       the window on that account (`mpi-explorer accounts list`)
    --screenshot FILE --quit-after S  usable headless (QT_QPA_PLATFORM=offscreen)

Nothing else creates services: views get them through their constructors. One
connection is shown at a time; choosing another profile keeps the window: its views of
the old connection close (their tasks wound up), the old connection closes, the window
shows the new one connecting, and its services are attached to the same window. A
connection on which the user still follows a task (a word when it ends,
`explorer.ui.notifications`) is kept open instead, until that task ends, and used again if
the user switches back to it meanwhile.

The window paints before its connection is made: `start` shows it at once in its
"connecting" state (Local Batch starting, an account signing in), then connects and
attaches the services to it. A connection that cannot be made is said in that window,
which offers to try again or to open Local Batch instead; no second window.

The embedded Local Batch is supervised (`explorer.client.local.supervisor`): when it
ends unexpectedly it is started again, the status bar says so, and every poll resumes
at once. SIGTERM, SIGINT and SIGHUP end the app as File > Quit does, so Local Batch,
its tasks and Azurite stop with it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import functools
import gc
import importlib
import logging
import os
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import platformdirs
import qasync
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

from explorer import __version__
from explorer.client.connecting.profiles import (
    LOCAL_PROFILE_NAME,
    LocalBatchProfile,
    ProfileSet,
    ProfileStore,
    with_environment,
)
from explorer.client.connecting.proxies import ProxySettings, proxy_for
from explorer.client.errors import BatchLayerError, describe
from explorer.installation import logfiles
from explorer.resources import APP_ID
from explorer.ui.error_dialog import install_error_dialog
from explorer.ui.icons import app_icon
from explorer.ui.main_window import MainWindow
from explorer.ui.settings import Settings
from explorer.ui.task_owner import TaskOwner, owners_within
from explorer.ui.theme import apply_theme
from explorer.ui.translation import Texts, error_text, install_translators, translated

if TYPE_CHECKING:
    from explorer.client.acting.storage import LinkedStorage
    from explorer.client.connecting.accounts import Accounts
    from explorer.client.connecting.client_factory import ClientFactory, Connection
    from explorer.client.connecting.credentials import AccountCredentials, CredentialStore
    from explorer.client.local.azurite import AzuriteService
    from explorer.client.local.samples import SampleServer
    from explorer.client.local.supervisor import ServiceEvent
    from explorer.client.watching.monitor import Monitor
    from explorer.core.specs.task_spec import MultiInstanceTaskSpec
    from explorer.ui.dialogs.accounts_dialog import AccountsDialog
    from explorer.ui.dialogs.device_code import DeviceCodePrompt
    from explorer.ui.dialogs.run_elsewhere import RunElsewhereDialog
    from explorer.ui.wizards.pool_wizard import PoolWizard
    from explorer.ui.wizards.task_wizard import TaskWizard

log = logging.getLogger(__name__)

SHUTDOWN_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
CONNECTION_MODULES = (
    "explorer.client.connecting.credentials", "explorer.client.connecting.client_factory",
    "explorer.client.connecting.accounts", "explorer.client.watching.monitor", "explorer.client.acting.operations",
    "explorer.client.local.samples", "explorer.client.local.demo", "explorer.ui.services",
)
"""What connecting and the first views need (the Azure SDK, aiohttp, keyring: most of the start's imports).
The window paints before they are imported: they load in a worker thread while it does (`_load_connection_modules`)."""


class AppTexts(Texts):
    """The translation context of what the composition root says: `AppTexts.tr("...")`."""


class ExplorerApp:
    """Owns the live connection, its services and the window shown over them."""

    def __init__(
        self, settings: Settings, profiles: ProfileStore, credentials: CredentialStore | None = None,
        azurite: AzuriteService | None = None, *, find_azurite: bool = False,
    ) -> None:
        """`credentials`: the store of keys (by default the keyring, and the environment's Batch account).
        `azurite`: the storage Local Batch is linked to; with `find_azurite`, npm's Azurite if it is
        installed (reserved as the first window shows, `reserve_azurite`)."""
        self.settings = settings
        self.profiles = profiles
        self._credential_store = credentials
        self.azurite = azurite
        """Local Batch's linked storage; None once it could not start (uploads are off then)."""
        self._find_azurite = find_azurite and azurite is None
        self._azurite_ready: asyncio.Future[bool] | None = None
        self.accounts_dialog: AccountsDialog | None = None
        self.connection: Connection | None = None
        self.monitor: Monitor | None = None
        self.window: MainWindow | None = None
        self._parked: dict[str, tuple[Connection, Monitor]] = {}
        """By profile: connections switched away from that stay open while a task followed on them runs."""
        self._parked_listeners: dict[str, Callable[[], None]] = {}
        """By profile: how to stop a kept Local Batch connection hearing its service's events."""
        self._run_elsewhere: list[RunElsewhereDialog] = []
        """Open Run on another account… dialogs (they read through the connection shown)."""
        self._closing: set[asyncio.Future] = set()
        """Connections being closed (a switch waits for them before it connects)."""
        self.samples: SampleServer | None = None
        self._samples_published: asyncio.Future[bool] | None = None
        self._service_event: ServiceEvent | None = None
        self._unsubscribe_service = lambda: None
        self._tasks = TaskOwner(on_error=lambda error: self._warn(error_text(error)))
        self._connecting: asyncio.Task | None = None
        """The connection being made for the window shown (one at a time)."""
        self.connect_error: BatchLayerError | None = None
        """Why the window's connection could not be made (None while connecting or connected)."""
        self.closed = asyncio.get_event_loop().create_future()
        """Done when the user closed the last window (or `quit()` was called)."""
        # The app's life is `closed` (dialogs and wizards are windows too): Qt must not stop the
        # shared loop when a window closes.
        QApplication.setQuitOnLastWindowClosed(False)

    # --- what connecting needs, built once the first window shows --------------------

    @functools.cached_property
    def credentials(self) -> AccountCredentials:
        from explorer.client.connecting.credentials import AccountCredentials

        store = self._credential_store
        if store is None:
            return AccountCredentials(environ=os.environ)
        return store if isinstance(store, AccountCredentials) else AccountCredentials(store, usable=True)

    @functools.cached_property
    def accounts(self) -> Accounts:
        from explorer.client.connecting.accounts import Accounts

        return Accounts(self.profiles, self.credentials)

    @functools.cached_property
    def device_code(self) -> DeviceCodePrompt:
        from explorer.ui.dialogs.device_code import DeviceCodePrompt

        return DeviceCodePrompt(self.window)

    @functools.cached_property
    def factory(self) -> ClientFactory:
        """Built at the first connection (after `_load_connection_modules`), linked to the Azurite known then."""
        from explorer.client.connecting.client_factory import ClientFactory

        factory = ClientFactory(self.credentials, local_azurite=self.azurite, sign_ins_dir=self.profiles.sign_ins_dir)
        factory.device_code_prompt = self.device_code.show
        return factory

    async def _load_connection_modules(self) -> None:
        """Import CONNECTION_MODULES in a worker thread (the window, shown, paints and answers meanwhile),
        and reserve Azurite if asked to; once."""
        await asyncio.to_thread(lambda: [importlib.import_module(name) for name in CONNECTION_MODULES])
        if self._find_azurite:
            self._find_azurite = False
            self.azurite = await reserve_azurite()

    # --- windows and connections ----------------------------------------------------

    async def start(self, profile_name: str | None = None) -> MainWindow:
        """Show the window on the profile (the selected one by default) at once, then connect it;
        with the window shown already, switch it to that profile (the old connection goes first).

        Returns once it is connected, or once it could not be (`connect_error`; the window says
        why and offers to try again or, for an Azure profile, to open Local Batch instead)."""
        profile_set = self._profile_set()
        name = profile_name or profile_set.selected
        names, local = [p.name for p in profile_set.profiles], _is_local(profile_set, name)
        window = self.window
        if window is None:
            window = self._show_window(names, name, local=local)
        else:
            await self._release(window)
            window.set_profiles(names)
            window.show_profile(name, local=local)
        await self._connect_window(window, profile_set)
        return window

    async def _connect_window(self, window: MainWindow, profile_set: ProfileSet) -> None:
        """Connect the profile `window` shows and attach the connection to it, if it is still the one shown."""
        if self._connecting is not None:
            self._connecting.cancel()  # the connection of a profile switched away from
        name = window.current_profile
        if name in self._parked:  # switched back while a task followed there ran: still open
            self._attach(window, *self._unpark(name))
            return
        if self._closing:  # a Local Batch stopping must be gone before one starts on its data
            await asyncio.wait(set(self._closing))
        connecting = self._connecting = asyncio.ensure_future(self._connect(profile_set, name))
        connecting.add_done_callback(lambda task: setattr(self, "_connecting", None) if self._connecting is task else None)
        try:
            connection = await asyncio.shield(connecting)
        except asyncio.CancelledError:
            if connecting.cancelled():
                return  # superseded: another window's connection is being made
            connecting.cancel()  # the caller gave up (a signal, a shutdown): so does the connection
            raise
        except BatchLayerError as error:
            log.warning("cannot connect profile %s: %s", window.current_profile, error)
            self.connect_error = error
            if self.window is window:
                window.connect_failed(error_text(error))
            return
        if self.window is not window or window.attached or window.current_profile != name:
            await connection.close()  # the window was closed, or another profile chosen meanwhile
            return
        self._attach(window, connection)

    async def _connect(self, profile_set: ProfileSet, name: str) -> Connection:
        self.connect_error = None
        await self._load_connection_modules()
        self.factory.proxy = profile_set.proxy
        self.device_code.parent = self.window  # a sign-in's code shows over the window it is for
        try:
            return await self.factory.connect(profile_set.get(name))
        finally:
            self.device_code.close()  # an Entra sign-in is over, one way or the other

    def _reconnect(self, window: MainWindow) -> None:
        """"Try again" in a window whose connection could not be made (the profile as saved now)."""
        if self.window is window and not window.attached:
            window.show_connecting()
            self._tasks.start(self._connect_window(window, self._profile_set()), slot="switch")

    def show_accounts(self, new_kind: str | None = None) -> AccountsDialog:
        """Connection > Accounts… (one at a time); with `new_kind`, a new account of that kind in it."""
        from explorer.ui.dialogs.accounts_dialog import AccountsDialog

        dialog = self.accounts_dialog
        if dialog is None:
            current = self.window.current_profile if self.window else None
            dialog = self.accounts_dialog = AccountsDialog(self.accounts, self.window, current)
            dialog.profilesChanged.connect(self._profiles_changed)
            dialog.connectRequested.connect(lambda name: self._tasks.start(self._switch(name), slot="switch"))
            dialog.destroyed.connect(lambda _object=None: setattr(self, "accounts_dialog", None))
            dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        if new_kind is not None:
            dialog.add_new(new_kind)
        return dialog

    def run_elsewhere(self, job_id: str, task_id: str, spec: MultiInstanceTaskSpec | None = None
                      ) -> RunElsewhereDialog | None:
        """New > Run on another account…: the task shown (or the wizard's `spec`), sent to another profile's account."""
        from explorer.client.acting.rerun import RerunSource
        from explorer.ui.dialogs.run_elsewhere import RunElsewhereDialog

        if self.connection is None or self.window is None:
            return None
        profile = self.window.current_profile
        source = RerunSource(profile, self.connection.client, self.linked_storage(), job_id, task_id, spec)
        dialog = RunElsewhereDialog(self.accounts, source, profile, self.window)
        self._run_elsewhere.append(dialog)
        dialog.destroyed.connect(lambda _object=None: self._forget_dialog(dialog))
        dialog.open()
        return dialog

    def _forget_dialog(self, dialog: RunElsewhereDialog) -> None:
        if dialog in self._run_elsewhere:
            self._run_elsewhere.remove(dialog)

    async def _end_dialogs(self) -> None:
        """End the dialogs that act through the connection shown (it goes: the app quits, or a switch):
        what they read, upload or submit stops, and their own connections close."""
        dialogs, self._run_elsewhere = self._run_elsewhere, []
        await asyncio.gather(*(dialog.wind_up() for dialog in dialogs))

    def _profiles_changed(self) -> None:
        if self.window is not None:
            self.window.set_profiles(self._profile_names())

    async def run_demo(self) -> None:
        """Submit the sample MPI task to Local Batch and open its view."""
        from explorer.client.local.demo import DEMO_SAMPLE, start_demo

        assert self.connection is not None and self.window is not None
        window = self.window
        window.first_run_page.demo_started()  # also for --demo: the page must not offer it again meanwhile
        demo = await start_demo(self.connection.client, await self._sample_task_json(DEMO_SAMPLE))
        self._show_created(lambda: window.open_task(demo.job_id, demo.task_id))

    async def _demo_from_first_run_page(self) -> None:
        """The first-run page's demo: what could not be done is said on the page itself."""
        window = self.window
        try:
            await self.run_demo()
        except Exception as error:
            log.warning("the demo could not start", exc_info=True)
            if window is not None:
                reason = error_text(error) if hasattr(error, "text") else translated(describe(error))
                window.first_run_page.demo_failed(reason)

    async def open_sample(self, name: str) -> TaskWizard | None:
        """The task wizard, filled in from a bundled sample."""
        from explorer.ui.wizards.task_wizard import TaskWizard

        data = await self._sample_task_json(name)
        source = AppTexts.tr("The sample {name}").format(name=name)
        wizard = TaskWizard.from_task_json(data, *self._task_wizard_args(), source=source)
        if wizard is not None:
            self._show_wizard(wizard)
        return wizard

    async def _sample_task_json(self, name: str) -> dict:
        """The sample as its file says (programs from the samples container of the linked
        Azurite, where they outlive this session), or, with no storage linked to this
        Local Batch, with its programs served on loopback while the app runs."""
        from explorer.client.local.samples import SampleServer, sample_task_json

        if self._samples_published is not None and await self._samples_published:
            return sample_task_json(name)
        if self.samples is None:
            self.samples = SampleServer()
            await self.samples.start()
        assert self.samples.base_url is not None
        return sample_task_json(name, self.samples.base_url)

    async def _start_azurite(self, azurite: AzuriteService) -> bool:
        """Start the Azurite reserved by `reserve_azurite` (if it does not run yet): True once it answers.
        One that cannot is stopped and forgotten, so that uploads are off as when it is not installed."""
        try:
            await asyncio.to_thread(lambda: azurite.launch().wait_until_ready())
        except BatchLayerError as error:
            log.warning("Azurite did not start (%s): uploads to linked storage are off", error)
            if self.azurite is azurite:
                self.azurite = None
            return False
        return True

    def _publish_samples(self) -> None:
        """Upload the sample programs to the Azurite this Local Batch is linked to (once per start)."""
        from explorer.client.local.samples import publish_samples

        service = self.connection.local_service if self.connection else None
        if self._samples_published is not None or self.azurite is None or service is None:
            return
        if not (service.owned and service.auto_storage == self.azurite.account):
            return  # a Local Batch started elsewhere: its storage link is unknown here
        storage, azurite_ready = self.azurite.account, self._azurite_ready

        async def publish() -> bool:
            if azurite_ready is not None and not await azurite_ready:
                return False
            try:
                await publish_samples(storage)
            except BatchLayerError as error:
                log.warning("%s; the samples are served on loopback instead", error)
                return False
            return True

        self._samples_published = asyncio.ensure_future(publish())

    def new_pool(self) -> PoolWizard:
        from explorer.client.acting.submission import Submission
        from explorer.ui.wizards.pool_wizard import PoolWizard

        assert self.connection is not None
        wizard = PoolWizard(Submission(self.connection.client), self.settings, self.window, self.linked_storage())
        wizard.poolCreated.connect(lambda pool_id: self._show_created(lambda: self.window.open_pool(pool_id)))
        self._show_wizard(wizard)
        return wizard

    def new_task_wizard(self) -> TaskWizard:
        """The task wizard, starting from the view the window shows: a job's (or its task's)
        view adds to that job, a pool's (or its node's) view runs the task on that pool."""
        from explorer.ui.wizards.task_wizard import TaskWizard

        key = self.window.current_key() if self.window is not None else None
        kind, first_id = (key[0], key[1]) if key else ("", None)
        return TaskWizard(
            *self._task_wizard_args(),
            pool_id=first_id if kind in ("pool", "node") else None,
            job_id=first_id if kind in ("job", "task") else None,
        )

    def _import_task(self, path: str) -> None:
        from explorer.ui.wizards.task_wizard import TaskWizard

        wizard = TaskWizard.from_json_file(Path(path), *self._task_wizard_args())
        if wizard is not None:  # else the user was told why the file cannot be used
            self._show_wizard(wizard)

    def _task_wizard_args(self) -> tuple:
        from explorer.client.acting.submission import Submission

        assert self.connection is not None
        return Submission(self.connection.client), self.settings, self.linked_storage(), self.window

    def _show_wizard(self, wizard: QWizard) -> None:
        from explorer.ui.wizards.task_wizard import TaskWizard

        if isinstance(wizard, TaskWizard):
            wizard.taskSubmitted.connect(
                lambda job, task: self._show_created(lambda: self.window.open_task(job, task)))
            wizard.runElsewhereRequested.connect(lambda spec: self.run_elsewhere(spec.job_id, spec.task_id, spec))
            wizard.set_other_accounts(len(self._profile_names()) - 1)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.show()

    def _show_created(self, open_view: Callable[[], object]) -> None:
        """A pool, job or task was just created here: every watched list polls now (the navigator
        shows it at once, not at its next slow poll), and its view opens."""
        if self.window is None:
            return
        self.window.services.monitor.refresh()
        open_view()

    def quit(self) -> None:
        if self._connecting is not None:
            self._connecting.cancel()  # nothing waits for it any more
        if not self.closed.done():
            self.closed.set_result(None)

    def linked_storage(self) -> LinkedStorage | None:
        """Where the wizard uploads local files: an Azure profile's linked storage (set in the
        accounts dialog), or Local Batch's Azurite, if it runs."""
        from explorer.client.acting.storage import LinkedStorage, azurite_storage

        if self.connection is not None and self.connection.storage is not None:
            return LinkedStorage(self.connection.storage, client_options=self.connection.storage_options)
        if self.azurite is None or self.connection is None or self.connection.local_service is None:
            return None
        return azurite_storage(self.azurite)

    async def shutdown(self) -> None:
        """Close the window, then stop everything started, whatever went wrong before."""
        try:
            if self._connecting is not None:  # a Local Batch being started stops once it is up
                self._connecting.cancel()
                await asyncio.gather(self._connecting, return_exceptions=True)
            await self._end_dialogs()
            self._close_window()
        finally:
            try:
                await self._close_connection()
                for name in list(self._parked):
                    await self._close_parked(name)
                if self._closing:
                    await asyncio.wait(set(self._closing))
            finally:
                await self._stop_local_storage()
                self.settings.sync()

    async def _stop_local_storage(self) -> None:
        if self._samples_published is not None:
            self._samples_published.cancel()
            await asyncio.gather(self._samples_published, return_exceptions=True)
        if self.samples is not None:
            await self.samples.stop()
        if self._azurite_ready is not None:  # a start under way ends first, so that nothing starts after the stop
            await asyncio.gather(self._azurite_ready, return_exceptions=True)
        if self.azurite is not None:
            await asyncio.to_thread(self.azurite.stop)

    def _show_window(self, profile_names: list[str], current: str, *, local: bool) -> MainWindow:
        """A new window on `current`, shown at once, connecting; the one before it closes (its views
        stop polling before their connection goes: `_close_connection` after this)."""
        self._close_window()
        window = MainWindow(self.settings, profile_names, current, local=local)
        window.profileRequested.connect(lambda name: self._tasks.start(self._switch(name), slot="switch"))
        window.reconnectRequested.connect(lambda: self._reconnect(window))
        window.newTaskRequested.connect(lambda: self._show_wizard(self.new_task_wizard()))
        window.importTaskRequested.connect(self._import_task)
        window.newPoolRequested.connect(self.new_pool)
        window.sampleRequested.connect(lambda name: self._tasks.start(self.open_sample(name), slot="sample"))
        window.demoRequested.connect(lambda: self._tasks.start(self._demo_from_first_run_page(), slot="demo"))
        window.addAccountRequested.connect(lambda: self.show_accounts(new_kind="shared_key"))
        window.accountsRequested.connect(self.show_accounts)
        window.runElsewhereRequested.connect(self.run_elsewhere)
        window.closed.connect(self._window_closed)
        window.task_notifications.finished.connect(lambda name: self._tasks.start(self._close_parked(name)))
        window.destroyed.connect(lambda _object=None, gone=window: self._forget_window(gone))
        if self._service_event is not None:  # the window before this one showed it
            from explorer.client.local.supervisor import ServiceEventKind

            window.status.show_notice(self._service_event.text, failed=self._service_event.kind is ServiceEventKind.FAILED)
        self.window = window
        window.show()
        return window

    def _close_window(self) -> None:
        if self.window is not None:
            window, self.window = self.window, None
            window.closed.disconnect(self._window_closed)
            window.close()

    def _attach(self, window: MainWindow, connection: Connection, monitor: Monitor | None = None) -> None:
        """`connection` is made: services over it, for `window`, and what waited for the first connection.
        `monitor`: its own, kept while the window showed another profile (`_release`)."""
        from explorer.client.acting.operations import BatchOperations
        from explorer.ui.services import ViewServices

        self.connection = connection
        self.monitor = monitor if monitor is not None else self._new_monitor(connection)
        supervisor = connection.supervisor
        if supervisor is not None:
            window.retryRequested.connect(supervisor.restart_now)
            unsubscribe = supervisor.add_listener(self._on_service_event)

            def stop_listening() -> None:
                unsubscribe()
                window.retryRequested.disconnect(supervisor.restart_now)

            self._unsubscribe_service = stop_listening
        window.attach(ViewServices(self.monitor, BatchOperations(connection.client), self.settings))
        if self.accounts_dialog is not None:  # open across a switch: it marks the account now connected
            self.accounts_dialog.set_connected(window.current_profile)
        if self.azurite is not None and self._azurite_ready is None:
            # Once Local Batch is up: Node.js loading Azurite beside its start would slow it on 2 cores.
            self._azurite_ready = asyncio.ensure_future(self._start_azurite(self.azurite))
        self._publish_samples()

    def _on_service_event(self, event: ServiceEvent) -> None:
        """Local Batch stopped, came back or could not: say so, and let every poll resume."""
        from explorer.client.local.supervisor import ServiceEventKind

        self._service_event = event
        if self.window is not None:
            self.window.status.show_notice(event.text, failed=event.kind is ServiceEventKind.FAILED)
        if event.kind is not ServiceEventKind.RESTARTED:
            return
        if event.endpoint_changed:
            self._tasks.start(self._reconnect_local(), slot="reconnect")
        elif self.monitor is not None:
            self.monitor.retry_now()  # no need to sit out a backoff: it is back

    def _new_monitor(self, connection: Connection) -> Monitor:
        from explorer.client.watching.monitor import Monitor

        monitor = Monitor(connection.client)
        monitor.connection.proxy = proxy_address(connection.endpoint, self.factory.proxy)
        return monitor

    def _successor(self, old: Connection | None) -> Connection | None:
        """A connection over a new client to `old`'s Local Batch, back on another endpoint (None if it is not)."""
        service = old.local_service if old is not None else None
        if old is None or service is None or service.endpoint is None:
            return None
        return old.hand_over(self.factory.local_client(service), service.endpoint.endpoint)

    async def _reconnect_local(self) -> None:
        """Local Batch came back on another port: a new client, services and window over it."""
        successor = self._successor(self.connection)
        if successor is None:
            return
        window = self.window
        assert window is not None
        await self._release(window, keep_followed=False)  # closes the old client only (handed over)
        window.show_profile(window.current_profile, local=True)
        self._attach(window, successor)

    def _profile_names(self) -> list[str]:
        return [p.name for p in self._profile_set().profiles]

    async def _switch(self, name: str) -> None:
        """Another profile, in the same window (connecting at once); remembered once it connected."""
        window = await self.start(name)
        if self.window is not window or not window.attached or window.current_profile != name:
            return  # it could not connect (the window says why), or another was chosen meanwhile
        try:
            self.profiles.save(dataclasses.replace(self._profile_set(), selected=name))
        except BatchLayerError as error:
            self._warn(AppTexts.tr("Connected, but the choice of profile was not saved: {error}").format(
                error=error_text(error)))

    def _profile_set(self) -> ProfileSet:
        try:
            return with_environment(self.profiles.load(), os.environ)
        except BatchLayerError as error:
            # A broken profiles file must not lock the user out: Local Batch needs none.
            text = AppTexts.tr("{error}\n\nOnly Local Batch is offered until the file is fixed.")
            self._warn(text.format(error=error_text(error)))
            return ProfileSet()

    async def _release(self, window: MainWindow, *, keep_followed: bool = True) -> None:
        """The window's connection goes (a switch): its views close and their tasks end, then it closes;
        or, with `keep_followed` while a task followed on it runs, it stays open for that task's word.
        The wizards and dialogs that act through it close first (they would submit to the account left)."""
        await self._end_dialogs()
        wizards = window.findChildren(QWizard)
        owners = [owner for wizard in wizards for owner in owners_within(wizard)]
        for wizard in wizards:
            wizard.close()
        owners += window.detach()
        profile = window.current_profile
        if keep_followed and self.connection is not None and self.monitor is not None \
                and window.task_notifications.watching(profile):
            self._unsubscribe_service()
            self._unsubscribe_service = lambda: None
            self._parked[profile] = (self.connection, self.monitor)
            self._listen_parked(profile, self.connection)
            self.connection = self.monitor = None
            log.info("Connection %r kept open: a task followed there has not ended", profile)
            await asyncio.gather(*(owner.wind_up() for owner in owners))
            return
        await self._close_connection(owners)

    async def _close_parked(self, name: str) -> None:
        """The last task followed on `name`'s kept connection ended (or the app ends): close it."""
        if name not in self._parked:
            return
        connection, monitor = self._unpark(name)
        await self._close(connection, monitor)

    def _unpark(self, name: str) -> tuple[Connection, Monitor]:
        self._parked_listeners.pop(name, lambda: None)()
        return self._parked.pop(name)

    def _listen_parked(self, name: str, connection: Connection) -> None:
        """A kept Local Batch connection hears of its service's restarts too, so that the tasks followed
        there are followed on (`_on_parked_service_event`)."""
        if connection.supervisor is not None:
            self._parked_listeners[name] = connection.supervisor.add_listener(
                lambda event: self._on_parked_service_event(name, event))

    def _on_parked_service_event(self, name: str, event: ServiceEvent) -> None:
        from explorer.client.local.supervisor import ServiceEventKind

        if event.kind is not ServiceEventKind.RESTARTED or name not in self._parked:
            return
        if event.endpoint_changed:
            self._tasks.start(self._reconnect_parked(name), slot=f"reconnect {name}")
        else:
            self._parked[name][1].retry_now()

    async def _reconnect_parked(self, name: str) -> None:
        """The kept connection's Local Batch came back on another port: a new client and monitor, through
        which the tasks followed there are followed on; the old client closes."""
        old, old_monitor = self._parked[name]
        window = self.window
        successor = self._successor(old) if window is not None else None
        if window is None or successor is None:
            return
        monitor = self._new_monitor(successor)
        self._parked[name] = (successor, monitor)
        window.task_notifications.move(name, monitor)
        await self._close(old, old_monitor)  # its client only: the service and supervisor went over

    async def _close_connection(self, owners: Sequence[TaskOwner] = ()) -> None:
        """Close the connection shown, once the tasks of `owners` (its views') have ended.

        It goes at once (a switch that follows sees none); the closing itself is shielded from a
        cancelled caller (a newer switch), so that it is never left half done."""
        self._unsubscribe_service()
        self._unsubscribe_service = lambda: None
        connection, monitor, self.connection, self.monitor = self.connection, self.monitor, None, None
        await self._close(connection, monitor, owners)

    async def _close(
        self, connection: Connection | None, monitor: Monitor | None, owners: Sequence[TaskOwner] = (),
    ) -> None:
        async def close() -> None:
            await asyncio.gather(*(owner.wind_up() for owner in owners))
            if monitor is not None:
                await monitor.close()
            if connection is not None:
                await connection.close()

        closing = asyncio.ensure_future(close())
        self._closing.add(closing)
        closing.add_done_callback(self._closed_one)
        await asyncio.shield(closing)

    def _closed_one(self, closing: asyncio.Future) -> None:
        self._closing.discard(closing)
        if not closing.cancelled() and closing.exception() is not None:  # said here too: its caller may be gone
            log.warning("Closing a connection failed", exc_info=closing.exception())

    def _window_closed(self) -> None:
        self.quit()

    def _forget_window(self, window: MainWindow) -> None:
        """A window deleted by Qt (or its owner) is no longer the app's to close."""
        if self.window is window:
            self.window = None

    def _warn(self, text: str) -> None:
        self._message(QMessageBox.Icon.Warning, text)

    def _message(self, icon: QMessageBox.Icon, text: str) -> None:
        box = QMessageBox(icon, AppTexts.tr("MPI Explorer"), text, parent=self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setModal(False)
        box.show()


def _is_local(profile_set: ProfileSet, name: str) -> bool:
    try:
        return isinstance(profile_set.get(name), LocalBatchProfile)
    except BatchLayerError:
        return False  # no such profile: the window says so once it tried


def proxy_address(endpoint: str, settings: ProxySettings) -> str | None:
    """host:port of the proxy requests to `endpoint` go through, if any: never its credentials."""
    proxy = proxy_for(endpoint, settings)
    if proxy is None:
        return None
    parts = urlsplit(proxy[0])
    return f"{parts.hostname}:{parts.port}" if parts.port else parts.hostname


def settle_garbage_collector() -> None:
    """Keep the collector's full passes short, so they do not stall the window.

    A full (generation 2) pass walks every tracked object: after start-up that is
    hundreds of thousands of module, SDK and Qt-wrapper objects that live for the
    whole run, and a pass took 50-75 ms on a 2-core machine while a 5,000-node pool
    was watched. `gc.freeze()` moves them out of the collector's sight; what the app
    creates later (snapshots, pages) is still collected as usual.
    """
    gc.collect()
    gc.freeze()


def configure_logging(debug: bool = False) -> Path:
    """The app's rotating log file (and, with `debug`, DEBUG records, echoed on stderr too)."""
    if debug:
        os.environ[logfiles.DEBUG_ENV] = "1"  # the Local Batch child logs DEBUG records as well
    debug = debug or logfiles.debug_requested()
    path = logfiles.user_log_dir() / "explorer.log"
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    root.addHandler(logfiles.rotating_file_handler(path))
    if debug:
        root.addHandler(logfiles.stream_handler(logging.DEBUG))
    # The SDK warns, with a traceback, each time an error response has no JSON body
    # (every HEAD 404 while a file does not exist yet): noise, not news.
    logging.getLogger("azure.batch._utils.model_base").setLevel(logging.ERROR)
    # Its request log repeats every header of every poll: too much even for --debug.
    logging.getLogger("azure.core.pipeline.policies.http_logging_policy").setLevel(logging.WARNING)
    return path


def run_gui(args: argparse.Namespace) -> int:
    log_path = configure_logging(args.debug)
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    qapp.setApplicationName("MPI Explorer")
    qapp.setApplicationVersion(__version__)
    qapp.setOrganizationName("mpi-explorer")
    qapp.setWindowIcon(app_icon())
    # Wayland and the task bars find the .desktop file (and its icon) by this id.
    qapp.setDesktopFileName(APP_ID)
    install_translators(qapp)
    settings = Settings()
    apply_theme(qapp, settings.theme)
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    install_error_dialog(loop, log_path)
    with contextlib.closing(loop):
        return loop.run_until_complete(_main(args, settings))


async def reserve_azurite() -> AzuriteService | None:
    """Azurite for Local Batch's linked storage, when npm's azurite is installed.

    Reserved, not started, as the first window shows: its port is chosen (or found) before Local Batch
    starts, so that Local Batch starts linked to it, and Azurite starts once Local Batch is up (`_attach`),
    off the window's path: nothing needs it before a task is submitted. Started before Local Batch
    (as it was) it delayed the window by its whole start; launched beside it, Node.js loading it
    still took CPU from Local Batch's start on 2 cores (window 0.2-0.5 s later, median, than with
    no Azurite). The app waits for it to answer before it uploads to it."""
    from explorer.client.local.azurite import AzuriteService, azurite_executable
    from explorer.client.waiting import start_in_thread

    if azurite_executable() is None:
        log.info("Azurite is not installed: uploads to linked storage are off")
        return None
    service = AzuriteService(Path(platformdirs.user_data_dir("mpi-explorer")) / "azurite")
    try:
        return await start_in_thread(service.reserve, service.stop)
    except BatchLayerError as error:
        log.warning("Azurite did not start (%s): uploads to linked storage are off", error)
        return None


def _end_on_signals(app_ready: asyncio.Future, main: asyncio.Task) -> None:
    """SIGTERM, SIGINT and SIGHUP end the app as Quit does; while it still starts, they stop the start.

    asyncio's handlers run on the loop (qasync wakes Qt through the signal fd), so the
    shutdown that follows is the ordinary one: views closed, children stopped."""

    def on_signal(signum: int) -> None:
        log.info("%s received: quitting", signal.Signals(signum).name)
        if app_ready.done():
            app_ready.result().quit()
        else:
            main.cancel()

    loop = asyncio.get_running_loop()
    for signum in SHUTDOWN_SIGNALS:
        loop.add_signal_handler(signum, on_signal, signum)


async def _main(args: argparse.Namespace, settings: Settings) -> int:
    app_ready: asyncio.Future[ExplorerApp] = asyncio.get_running_loop().create_future()
    main = asyncio.current_task()
    assert main is not None
    _end_on_signals(app_ready, main)
    app = ExplorerApp(settings, ProfileStore(), find_azurite=True)
    try:
        window = await app.start(LOCAL_PROFILE_NAME if args.demo else getattr(args, "profile", None))
        if app.connect_error is not None:  # the window says so; a run without one cannot go on
            print(f"MPI Explorer could not connect: {app.connect_error}", file=sys.stderr)
            if args.quit_after or args.screenshot or QApplication.platformName() == "offscreen":
                return 1
        elif args.demo and app.connection is not None:  # (none if the window was closed meanwhile)
            await app.run_demo()
        app_ready.set_result(app)
        settle_garbage_collector()
        if args.quit_after is not None:
            QTimer.singleShot(int(args.quit_after * 1000), app.quit)
        elif args.screenshot:
            QTimer.singleShot(3000, app.quit)
        await app.closed
        if args.screenshot:
            window = app.window or window
            if not window.grab().save(args.screenshot):
                print(f"could not write the screenshot to {args.screenshot}", file=sys.stderr)
                return 1
        return 0
    except BatchLayerError as error:  # the demo could not start
        print(f"MPI Explorer could not start: {error}", file=sys.stderr)
        return 1
    except asyncio.CancelledError:
        if app_ready.done():
            raise
        return 0  # a signal while it started: the shutdown below stops what had started
    finally:
        await app.shutdown()

"""Start-up that paints first (issue 16): the window shows at once, connecting, and connects after.

The connection is held on an asyncio.Event (`held_connect`), so the connecting state is observed
for certain, then released: no sleeps, no timing. Against a real Local Batch started by the app.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QMessageBox

from explorer.app import ExplorerApp
from explorer.client.connecting.credentials import MemoryCredentialStore
from explorer.client.connecting.profiles import LocalBatchProfile, ProfileSet, ProfileStore, SharedKeyProfile
from explorer.ui.main_window import MainWindow
from explorer.ui.settings import Settings
from explorer.ui.translation import install_translators
from tests.support.qt_scenarios import until
from tests.support.waiting import wait_until


def make_app(tmp_path: Path, *profiles, selected: str = "Local Batch") -> ExplorerApp:
    store = ProfileStore(tmp_path / "config")
    store.save(ProfileSet((LocalBatchProfile(data_dir=tmp_path / "lb"), *profiles), selected))
    return ExplorerApp(Settings(tmp_path / "settings.ini"), store, MemoryCredentialStore())


def held_connect(app: ExplorerApp) -> asyncio.Event:
    """Hold every connection of `app` until the returned event is set."""
    release = asyncio.Event()
    connect = app.factory.connect

    async def held(profile):
        await release.wait()
        return await connect(profile)

    app.factory.connect = held
    return release


async def shown_window(app: ExplorerApp, qtbot) -> MainWindow:
    window = await wait_until(lambda: app.window if app.window is not None and app.window.isVisible() else None,
                              what="the window shown")
    qtbot.addWidget(window)
    return window


def message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_the_window_shows_connecting_while_local_batch_starts_then_connects(loop, qtbot, tmp_path):
    app = make_app(tmp_path)
    app.settings.set_last_selection({"kind": "job", "job_id": "j-before"})

    async def scenario():
        release = held_connect(app)
        starting = asyncio.ensure_future(app.start())
        try:
            window = await shown_window(app, qtbot)
            navigator = window.navigator_panel
            connecting = {
                "status": window.status.connection_text(),
                "page": window.content.currentWidget() is window.connecting_page,
                "title": window.connecting_page.title.text(),
                "counts": (navigator.count_text("pool"), navigator.count_text("job")),
                "new task": window.new_task_action.isEnabled(),
                "why": window.new_task_action.toolTip(),
                "accounts": window.accounts_action.isEnabled(),
                "views": window.view_keys(),
                "connection": app.connection,
            }
            release.set()
            assert await starting is window
            await until(navigator.updated, lambda: navigator.pools_known and navigator.jobs_known,
                        what="the first listing")
            connected = {
                "status": window.status.connection_text(),
                "counts": (navigator.count_text("pool"), navigator.count_text("job")),
                "new task": window.new_task_action.isEnabled(),
                "views": window.view_keys(),
            }
            return connecting, connected
        finally:
            starting.cancel()
            await app.shutdown()

    connecting, connected = loop.run_until_complete(asyncio.wait_for(scenario(), 120))
    assert connecting == {
        "status": "Local Batch: starting Local Batch…", "page": True, "title": "Starting Local Batch…",
        "counts": ("connecting…", "connecting…"), "new task": False,
        "why": "Available once connected to “Local Batch”", "accounts": True, "views": [], "connection": None,
    }
    # Connected: counts that were read, the actions on, and the view last looked at open again.
    assert connected == {
        "status": "Local Batch: connected", "counts": ("0", "0"), "new task": True, "views": [("job", "j-before")],
    }


def test_an_account_that_cannot_connect_says_so_in_the_same_window_and_offers_local_batch(loop, qtbot, tmp_path):
    lab = SharedKeyProfile("Lab", "lab", "https://lab.westeurope.batch.azure.com")  # no key stored for it
    app = make_app(tmp_path, lab, selected="Lab")

    async def scenario():
        try:
            window = await app.start()
            qtbot.addWidget(window)
            page = window.connecting_page
            failed = {
                "window": app.window is window and window.isVisible(),
                "page": window.content.currentWidget() is page,
                "title": page.title.text(),
                "offers": (page.retry_button.isVisible(), page.local_button.isVisible(),
                           page.accounts_button.isVisible()),
                "status": window.status.connection_text(),
                "counts": window.navigator_panel.count_text("pool"),
                "message boxes": len(message_boxes()),
            }
            page.local_button.click()
            await wait_until(lambda: window.current_profile == "Local Batch" and window.attached,
                             what="the window on Local Batch")
            assert app.window is window  # the same window, switched
            return failed, window.current_profile, app.connection.local_service is not None
        finally:
            await app.shutdown()

    failed, profile, local = loop.run_until_complete(asyncio.wait_for(scenario(), 120))
    assert failed["status"].startswith("Lab: could not connect: no shared key stored for account 'lab'")
    assert failed == {
        "window": True, "page": True, "title": "Could not connect to “Lab”", "offers": (True, True, True),
        "status": failed["status"], "counts": "not connected", "message boxes": 0,
    }
    assert (profile, local) == ("Local Batch", True)


def test_try_again_connects_the_same_window_once_the_account_can_be(loop, qtbot, tmp_path, local_batch_service):
    endpoint = local_batch_service.endpoint
    lab = SharedKeyProfile("Lab", endpoint.account, endpoint.endpoint)
    app = make_app(tmp_path, lab, selected="Lab")

    async def scenario():
        try:
            window = await app.start()
            qtbot.addWidget(window)
            assert not window.attached and app.connect_error is not None
            app.credentials.set_secret(lab.secret_name, endpoint.key)  # as the accounts dialog would
            window.connecting_page.retry_button.click()
            await wait_until(lambda: window.attached, what="the window connected")
            return app.window is window, window.status.connection_text(), app.connect_error
        finally:
            await app.shutdown()

    assert loop.run_until_complete(asyncio.wait_for(scenario(), 120)) == (True, "Lab: connected", None)


def test_polls_that_fail_through_a_proxy_name_it_in_the_status_bar_without_its_credentials(loop, qtbot, tmp_path):
    from explorer.client.connecting.proxies import PROXY_SECRET, ProxyMode, ProxySettings

    lab = SharedKeyProfile("Lab", "lab", "https://lab.westeurope.batch.azure.com")
    store = ProfileStore(tmp_path / "config")
    proxy = ProxySettings(ProxyMode.MANUAL, "http://127.0.0.1:9", "alice")  # nothing listens on port 9
    store.save(ProfileSet((LocalBatchProfile(data_dir=tmp_path / "lb"), lab), "Lab", proxy))
    credentials = MemoryCredentialStore()
    credentials.set_secret(lab.secret_name, "a2V5")
    credentials.set_secret(PROXY_SECRET, "s3cret")
    app = ExplorerApp(Settings(tmp_path / "settings.ini"), store, credentials)

    async def scenario():
        try:
            window = await app.start()
            qtbot.addWidget(window)
            return await wait_until(lambda: "retrying" in window.status.connection_text()
                                    and window.status.connection_text(), what="a failed poll")
        finally:
            await app.shutdown()

    text = loop.run_until_complete(asyncio.wait_for(scenario(), 120))
    assert "through the proxy 127.0.0.1:9" in text, text
    assert "alice" not in text and "s3cret" not in text, text


def test_an_account_that_cannot_connect_says_why_in_german(loop, qtbot, tmp_path, qapp):
    """The reason reaches the connecting page as the client wrote it (a Text), translated, not its English str()."""
    lab = SharedKeyProfile("Lab", "lab", "https://lab.westeurope.batch.azure.com")  # no key stored for it
    app = make_app(tmp_path, lab, selected="Lab")
    installed = install_translators(qapp, QLocale(QLocale.Language.German, QLocale.Country.Germany))

    async def scenario():
        try:
            window = await app.start()
            qtbot.addWidget(window)
            return window.connecting_page.title.text(), window.connecting_page.detail.text()
        finally:
            await app.shutdown()

    try:
        title, detail = loop.run_until_complete(asyncio.wait_for(scenario(), 120))
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert title == "Verbindung mit „Lab“ nicht möglich"
    assert detail.startswith("Für das Konto „lab“ ist kein gemeinsam verwendeter Schlüssel gespeichert: Geben Sie ihn "
                             "unter Verbindung > Konten… ein")

"""Error banner: a sentence with a hint, the details a support request needs, copy and dismiss."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from explorer.client.acting.operations import OperationError
from explorer.ui.widgets.error_banner import ErrorBanner, sentence_for


def test_service_error_reads_as_a_sentence_with_details(qtbot):
    banner = ErrorBanner()
    qtbot.addWidget(banner)
    error = OperationError("resize pool mpi", "The pool is resizing.", code="PoolNotSteady", status=409,
                           request_id="5f0c-42")
    with qtbot.waitSignal(banner.errorShown):
        banner.show_error(error)
    assert banner.isVisible()
    assert banner.sentence() == ("Could not resize pool mpi: The pool is resizing. "
                                 "The pool is still resizing: wait for it, or stop the resize first.")
    assert banner.details() == "Batch error code: PoolNotSteady\nHTTP status: 409\nRequest id: 5f0c-42"
    banner.copy()
    assert QGuiApplication.clipboard().text() == f"{banner.sentence()}\n{banner.details()}"
    with qtbot.waitSignal(banner.dismissed):
        banner.dismiss()
    assert not banner.isVisible()


def test_other_errors():
    assert sentence_for(OperationError("read pool p", "gone", code="PoolNotFound")) == (
        "Could not read pool p: gone. It may have been deleted in the meantime; press F5 to refresh.")
    assert sentence_for(OperationError("read pool p", "connection refused")) == "Could not read pool p: connection refused"
    assert sentence_for(OSError("stdout.txt: HTTP 404")) == "stdout.txt: HTTP 404"
    assert sentence_for(KeyError("x")) == "Something unexpected went wrong: KeyError: 'x'"

"""TaskOwner, the one owner of the tasks widgets and views start: slots, cancelling, where failures go."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QObject

from explorer.ui.task_owner import TaskOwner


async def fail(message: str) -> None:
    raise ValueError(message)


def test_a_slot_holds_one_task_and_cancel_all_ends_every_one(loop):
    owner = TaskOwner()

    async def scenario():
        first = owner.start(asyncio.sleep(60), slot="view")
        second = owner.start(asyncio.sleep(60), slot="view")  # a newer scroll supersedes the older
        other = owner.start(asyncio.sleep(60))
        await asyncio.sleep(0)
        assert first.cancelled() and owner.running("view") and owner.pending == 2
        owner.cancel_all()
        await asyncio.gather(second, other, return_exceptions=True)
        assert second.cancelled() and other.cancelled() and owner.pending == 0 and not owner.running("view")

    loop.run_until_complete(scenario())


def test_failures_go_to_on_error_or_else_to_the_loops_exception_handler(loop):
    shown: list[BaseException] = []
    handled: list[dict] = []

    async def scenario():
        await asyncio.gather(TaskOwner(on_error=shown.append).start(fail("in a view")), return_exceptions=True)
        previous = loop.get_exception_handler()
        loop.set_exception_handler(lambda _loop, context: handled.append(context))
        try:
            await asyncio.gather(TaskOwner().start(fail("in a widget"), slot="poll"), return_exceptions=True)
            await asyncio.sleep(0)
        finally:
            loop.set_exception_handler(previous)

    loop.run_until_complete(scenario())
    assert [str(error) for error in shown] == ["in a view"]
    assert [str(context["exception"]) for context in handled] == ["in a widget"]
    assert "slot 'poll'" in handled[0]["message"]


def test_the_widgets_destruction_cancels_its_tasks(loop):
    widgets = [QObject()]
    owner = TaskOwner(widgets[0])

    async def scenario():
        task = owner.start(asyncio.sleep(60), slot="details")
        await asyncio.sleep(0)
        widgets.clear()  # the last reference: Qt destroys the object, which says so
        await asyncio.gather(task, return_exceptions=True)
        assert task.cancelled()

    loop.run_until_complete(scenario())

"""Why a queued task waits, from job, pool and node snapshots (plain data, no service)."""

from __future__ import annotations

from dataclasses import replace

from explorer.client.watching.snapshots import JobSnapshot, NodeSnapshot, PoolSnapshot, TaskSnapshot
from explorer.client.watching.wait_reasons import why_waiting

TASK = TaskSnapshot("t", None, "active", None, 4, None, None, None, None, None, 0, None)
JOB = JobSnapshot("j", None, "active", "p", None)
POOL = PoolSnapshot("p", "active", "steady", "vm", 4, 0, 4, 0, True, 1)


def node(number: int, state: str, scheduling: str = "enabled", slots: int = 0) -> NodeSnapshot:
    return NodeSnapshot(f"n{number}", state, scheduling, None, None, 0, 0, None, running_task_slots=slots)


def nodes(*states: str) -> dict[str, NodeSnapshot]:
    return {f"n{i}": node(i, state) for i, state in enumerate(states)}


def texts(*args, **kwargs) -> list[str]:
    return [reason.text for reason in why_waiting(*args, **kwargs)]


def test_nothing_is_said_before_the_job_and_pool_are_known_or_once_the_task_left_the_queue():
    assert why_waiting(TASK, None, None, None) == ()
    assert why_waiting(TASK, JOB, None, None) == ()
    assert why_waiting(replace(TASK, state="running"), JOB, POOL, nodes("running") ) == ()


def test_a_job_not_active_and_a_missing_pool_block():
    (reason,) = why_waiting(TASK, replace(JOB, state="disabled"), POOL, None)
    assert reason.blocking and "Job j is disabled" in reason.text
    (reason,) = why_waiting(TASK, JOB, None, None, pool_missing=True)
    assert reason.blocking and "Pool p does not exist" in reason.text


def test_a_pool_unfit_for_multi_instance_tasks_says_why_and_skips_the_node_count():
    pool = replace(POOL, inter_node_communication=False, task_slots_per_node=2)
    found = why_waiting(TASK, JOB, pool, nodes("idle"))
    assert [r.blocking for r in found] == [True, True]
    assert "lacks inter-node communication" in found[0].text and "2 task slots per node" in found[1].text
    # An ordinary task is not held by either.
    assert why_waiting(replace(TASK, instances=1), JOB, pool, nodes("idle"))[0].text.startswith("1 idle node is")


def test_too_small_a_pool_asks_for_a_resize_and_a_resize_under_way_is_a_wait():
    small = replace(POOL, target_dedicated_nodes=3, current_dedicated_nodes=3)
    (reason,) = why_waiting(TASK, JOB, small, nodes("idle", "idle", "idle"))
    assert reason.blocking and "resize it to at least 4" in reason.text
    growing = replace(POOL, allocation_state="resizing", current_dedicated_nodes=2)
    found = why_waiting(TASK, JOB, growing, nodes("idle", "starting"))
    assert found[0].text == "Pool p is resizing to 4 nodes (2 now)." and not found[0].blocking
    assert found[1].text == "Needs 4 idle nodes at once: 1 idle, 1 starting." and not found[1].blocking


def test_node_counts_by_what_keeps_them_from_the_task():
    pool_nodes = nodes("idle", "running", "running", "starting")
    pool_nodes["n4"] = node(4, "idle", scheduling="disabled")
    pool_nodes["n5"] = node(5, "unusable")
    (reason,) = why_waiting(TASK, JOB, POOL, pool_nodes)
    assert reason.text.startswith("Needs 4 idle nodes at once: 1 idle, 2 running tasks, 1 starting, "
                                  "1 scheduling disabled, 1 unavailable.")
    assert not reason.blocking  # 4 usable nodes: the running tasks end by themselves
    (reason,) = why_waiting(TASK, JOB, POOL, nodes("idle", "idle", "unusable", "unusable"))
    assert reason.blocking and "Resize the pool" in reason.text


def test_enough_idle_nodes_means_the_next_scheduling_pass():
    (reason,) = why_waiting(TASK, JOB, POOL, nodes("idle", "idle", "idle", "idle"))
    assert reason.text == "4 idle nodes are there: the task starts at the service's next scheduling pass."
    busy = {"n0": node(0, "running", slots=1)}
    one_slot_free = replace(POOL, task_slots_per_node=2)
    (reason,) = why_waiting(replace(TASK, instances=1), JOB, one_slot_free, busy)
    assert reason.text.startswith("1 idle node is there")

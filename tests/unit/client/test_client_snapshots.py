"""Snapshots from SDK models as the service sends them (with $select) and activity rules."""

from __future__ import annotations

from datetime import datetime, timezone

from azure.batch import models

from explorer.client.watching.monitor import Diff
from explorer.client.watching.queries import Fetched, PoolNodesQuery, PoolsQuery, TaskQuery
from explorer.client.watching.snapshots import NodeSnapshot, PoolSnapshot, SubtaskSnapshot, TaskSnapshot

T0 = "2025-06-01T10:00:00Z"


def test_pool_snapshot_from_selected_fields():
    pool = models.BatchPool({
        "id": "mpi", "state": "active", "allocationState": "resizing", "vmSize": "standard_d2s_v3",
        "currentDedicatedNodes": 2, "targetDedicatedNodes": 4, "enableInterNodeCommunication": True,
        "taskSlotsPerNode": 1,
    })
    snap = PoolSnapshot.from_model(pool)
    assert snap == PoolSnapshot("mpi", "active", "resizing", "standard_d2s_v3", 2, 0, 4, 0, True, 1)
    assert PoolsQuery().is_active(Fetched({"mpi": snap}))


def test_node_snapshot_tolerates_missing_optional_fields():
    node = models.BatchNode({"id": "node-1", "state": "starting", "stateTransitionTime": T0})
    snap = NodeSnapshot.from_model(node)
    assert snap.state == "starting" and snap.running_tasks_count == 0 and snap.error is None
    assert snap.state_transition_time == datetime(2025, 6, 1, 10, tzinfo=timezone.utc)
    assert PoolNodesQuery("p").is_active(Fetched({"node-1": snap}))
    idle = NodeSnapshot.from_model(models.BatchNode({"id": "node-1", "state": "idle"}))
    assert not PoolNodesQuery("p").is_active(Fetched({"node-1": idle}))


def test_multi_instance_task_and_subtask():
    task = TaskSnapshot.from_model(models.BatchTask({
        "id": "hello", "state": "running", "multiInstanceSettings": {"numberOfInstances": 4,
                                                                       "coordinationCommandLine": "true"},
        "nodeInfo": {"poolId": "mpi", "nodeId": "node-0"},
        "executionInfo": {"startTime": T0, "retryCount": 0, "requeueCount": 0},
    }))
    assert (task.instances, task.node_id, task.exit_code, task.failure) == (4, "node-0", None, None)
    sub = SubtaskSnapshot.from_model(models.BatchSubtask({
        "id": 2, "state": "completed", "exitCode": 1, "endTime": T0,
        "nodeInfo": {"poolId": "mpi", "nodeId": "node-2", "taskRootDirectory": "workitems/j/job-1/hello/2"},
        "failureInfo": {"category": "usererror", "code": "FailureExitCode", "message": "exit code 1"},
    }))
    assert sub.id == 2 and sub.task_root_directory == "workitems/j/job-1/hello/2"
    assert sub.failure == "FailureExitCode: exit code 1"
    query = TaskQuery("j", "hello")
    assert query.is_active(Fetched(task=task))
    done = TaskSnapshot.from_model(models.BatchTask({"id": "hello", "state": "completed"}))
    assert not query.is_active(Fetched(task=done)) and done.instances == 1


def test_queries_are_values():
    assert PoolNodesQuery("a") == PoolNodesQuery("a") and hash(TaskQuery("j", "t")) == hash(TaskQuery("j", "t"))
    assert PoolNodesQuery("a") != PoolNodesQuery("b")


def test_node_snapshot_priority_and_slots():
    spot = NodeSnapshot.from_model(models.BatchNode({"id": "n", "state": "running", "isDedicated": False,
                                                     "runningTaskSlotsCount": 2}))
    assert (spot.dedicated, spot.running_task_slots) == (False, 2)
    plain = NodeSnapshot.from_model(models.BatchNode({"id": "n", "state": "idle"}))
    assert (plain.dedicated, plain.running_task_slots) == (True, 0)
    assert {"isDedicated", "runningTaskSlotsCount"} <= set(NodeSnapshot.SELECT)


class Uncomparable:
    """A snapshot that must not be compared field by field (the diff of an unchanged big list skips that)."""

    def __eq__(self, other):
        raise AssertionError("compared")

    __hash__ = object.__hash__


def test_diff_by_id_takes_the_same_object_as_unchanged_and_compares_the_rest():
    same = Uncomparable()
    old = {"a": same, "b": NodeSnapshot("b", "idle", None, None, None, 0, 0, None), "c": 1}
    new = {"a": same, "b": NodeSnapshot("b", "idle", None, None, None, 0, 0, None), "c": 2, "d": 3}
    assert Diff.between(old, new) == Diff(added=("d",), changed=("c",))
    # As many items as before, one of them new: the one it replaces was removed.
    assert Diff.between({"a": same, "b": 1}, {"a": same, "x": 1}) == Diff(added=("x",), removed=("b",))
    assert not Diff.between(old, dict(old))

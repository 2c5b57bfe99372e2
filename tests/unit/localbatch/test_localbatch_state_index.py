"""The state's task index (waiting tasks, task counts) always agrees with the tasks themselves."""

from __future__ import annotations

import random

from explorer.localbatch.state.documents import State
from explorer.localbatch.state.store import Store

STATES = ("active", "preparing", "running", "completed")


def recount(state: State, job_id: str) -> dict[str, int]:
    counts = dict.fromkeys(("active", "running", "completed", "succeeded", "failed"), 0)
    for task in state.job_tasks(job_id).values():
        bucket = "running" if task["state"] in ("preparing", "running") else task["state"]
        counts[bucket] += 1
        if bucket == "completed":
            counts["succeeded" if task["executionInfo"].get("result") == "success" else "failed"] += 1
    return counts


def test_random_changes_keep_the_index_exact(tmp_path):
    state = State(Store(tmp_path / "state.sqlite3"))
    state.save_job({"id": "J"})
    rng = random.Random(7)
    for step in range(3000):
        task_id = f"T{rng.randrange(60)}"
        if rng.random() < 0.1:
            state.remove_task("j", task_id)
        else:
            result = rng.choice(["success", "failure"])
            state.save_task("J", {"id": task_id, "state": rng.choice(STATES), "requiredSlots": rng.randint(1, 3), "executionInfo": {"result": result}})
        assert state.task_counts("J")[0] == recount(state, "J"), step
        waiting = [task["id"] for task in state.waiting_tasks("j")]
        assert sorted(waiting) == sorted(t["id"] for t in state.job_tasks("j").values() if t["state"] == "active")
        assert state.all_tasks_completed("j") == (bool(state.job_tasks("j")) and all(t["state"] == "completed" for t in state.job_tasks("j").values()))
    reloaded = State(state.store)
    reloaded.load()
    assert reloaded.task_counts("j") == state.task_counts("j")
    state.remove_job("j")
    assert state.task_counts("j")[0] == dict.fromkeys(("active", "running", "completed", "succeeded", "failed"), 0)

"""The service's resources in memory, written through to the SQLite store.

Documents are Batch JSON (camelCase, as on the wire). Keys starting with "_" hold
Local Batch's own bookkeeping and never leave the service. Batch ids are
case-insensitive and case-preserving, so every index is keyed by the lower-cased id.
"""

from __future__ import annotations

from collections.abc import Iterable

from explorer.localbatch.state.store import Store
from explorer.localbatch.wire.clock import new_etag, now_iso
from explorer.localbatch.wire.errors import not_found


def touch(doc: dict) -> dict:
    """Give a changed resource a new ETag and Last-Modified time."""
    doc["eTag"] = new_etag()
    doc["lastModified"] = now_iso()
    return doc


def set_state(doc: dict, state: str, *, previous: bool = True) -> None:
    """Move a resource to a new state, keeping Batch's previous-state fields."""
    if doc.get("state") == state:
        return
    moment = now_iso()
    if previous and "state" in doc:
        doc["previousState"] = doc["state"]
        doc["previousStateTransitionTime"] = doc.get("stateTransitionTime", moment)
    doc["state"] = state
    doc["stateTransitionTime"] = moment


class State:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.pools: dict[str, dict] = {}
        self.nodes: dict[str, dict[str, dict]] = {}
        self.jobs: dict[str, dict] = {}
        self.tasks: dict[str, dict[str, dict]] = {}
        self.subtasks: dict[tuple[str, str], dict[str, dict]] = {}
        # What each running start task has started, by owner (`scope_owner`); a task keeps its
        # attempt's record in its own document.
        self.scopes: dict[str, dict] = {}
        # Kept in step by save_task/remove_task, so the scheduler, task counts and the job logic
        # never walk every task: each job's active tasks in the order they became active, and
        # its task counts (with the buckets each task is counted in).
        self._waiting: dict[str, dict[str, dict]] = {}
        self._counted: dict[str, dict[str, tuple[tuple[str, ...], int]]] = {}
        self._counts: dict[str, dict[str, int]] = {}

    def load(self) -> None:
        for _, doc in self.store.load("pool"):
            self.pools[doc["id"].lower()] = doc
            self.nodes.setdefault(doc["id"].lower(), {})
        for key, doc in self.store.load("node"):
            pool_key = key.split("/", 1)[0]
            self.nodes.setdefault(pool_key, {})[doc["id"].lower()] = doc
        for _, doc in self.store.load("job"):
            self.jobs[doc["id"].lower()] = doc
            self.tasks.setdefault(doc["id"].lower(), {})
        for key, doc in self.store.load("task"):
            job_key = key.split("/", 1)[0]
            self.tasks.setdefault(job_key, {})[doc["id"].lower()] = doc
            self._index_task(job_key, doc)
        for key, doc in self.store.load("subtask"):
            job_key, task_key, _ = key.split("/", 2)
            self.subtasks.setdefault((job_key, task_key), {})[str(doc["id"])] = doc
        for key, record in self.store.load("scope"):
            self.scopes[key] = record

    # --- look-ups that raise Batch's 404s -------------------------------------------
    def pool(self, pool_id: str) -> dict:
        try:
            return self.pools[pool_id.lower()]
        except KeyError:
            raise not_found("pool", pool_id) from None

    def node(self, pool_id: str, node_id: str) -> dict:
        self.pool(pool_id)
        try:
            return self.nodes[pool_id.lower()][node_id.lower()]
        except KeyError:
            raise not_found("node", node_id) from None

    def job(self, job_id: str) -> dict:
        try:
            return self.jobs[job_id.lower()]
        except KeyError:
            raise not_found("job", job_id) from None

    def task(self, job_id: str, task_id: str) -> dict:
        self.job(job_id)
        try:
            return self.tasks[job_id.lower()][task_id.lower()]
        except KeyError:
            raise not_found("task", task_id) from None

    def pool_nodes(self, pool_id: str) -> dict[str, dict]:
        return self.nodes.setdefault(pool_id.lower(), {})

    def job_tasks(self, job_id: str) -> dict[str, dict]:
        return self.tasks.setdefault(job_id.lower(), {})

    def task_subtasks(self, job_id: str, task_id: str) -> dict[str, dict]:
        return self.subtasks.setdefault((job_id.lower(), task_id.lower()), {})

    def waiting_tasks(self, job_id: str) -> Iterable[dict]:
        """The job's active tasks, oldest first (a live view: take one at a time)."""
        return self._waiting.get(job_id.lower(), {}).values()

    def jobs_with_waiting_tasks(self) -> list[str]:
        """Keys of the jobs that have active tasks."""
        return [key for key, waiting in self._waiting.items() if waiting]

    def all_tasks_completed(self, job_id: str) -> bool:
        """True when the job has tasks and every one of them is completed."""
        key = job_id.lower()
        total = len(self.tasks.get(key, ()))
        return total > 0 and self._counts.get(key, {}).get("completed", 0) == total

    def task_counts(self, job_id: str) -> tuple[dict[str, int], dict[str, int]]:
        """A job's task counts and task slot counts as Batch reports them."""
        counts = self._counts.get(job_id.lower(), {})
        names = ("active", "running", "completed", "succeeded", "failed")
        return {name: counts.get(name, 0) for name in names}, {name: counts.get(f"{name}Slots", 0) for name in names}

    def _index_task(self, job_key: str, doc: dict) -> None:
        task_key = doc["id"].lower()
        state = doc.get("state")
        waiting = self._waiting.setdefault(job_key, {})
        if state == "active":
            waiting.setdefault(task_key, doc)
        else:
            waiting.pop(task_key, None)
        bucket = "running" if state in ("preparing", "running") else state or "active"
        buckets: tuple[str, ...] = (bucket,)
        if bucket == "completed":
            buckets += ("succeeded" if (doc.get("executionInfo") or {}).get("result") == "success" else "failed",)
        self._count(job_key, task_key, (buckets, doc.get("requiredSlots") or 1))

    def _unindex_task(self, job_key: str, task_key: str) -> None:
        self._waiting.get(job_key, {}).pop(task_key, None)
        self._count(job_key, task_key, None)

    def _count(self, job_key: str, task_key: str, entry: tuple[tuple[str, ...], int] | None) -> None:
        """Move the task's contribution to the job's counts from what it was to `entry` (None: gone)."""
        counted = self._counted.setdefault(job_key, {})
        counts = self._counts.setdefault(job_key, {})
        _add_counts(counts, counted.pop(task_key, None), -1)
        _add_counts(counts, entry, 1)
        if entry is not None:
            counted[task_key] = entry

    # --- write-through ----------------------------------------------------------------
    def save_pool(self, doc: dict) -> None:
        self.pools[doc["id"].lower()] = doc
        self.nodes.setdefault(doc["id"].lower(), {})
        self.store.put("pool", doc["id"].lower(), doc)

    def save_node(self, pool_id: str, doc: dict) -> None:
        self.pool_nodes(pool_id)[doc["id"].lower()] = doc
        self.store.put("node", f"{pool_id.lower()}/{doc['id'].lower()}", doc)

    def save_nodes(self, pool_id: str, docs: Iterable[dict]) -> None:
        docs = list(docs)
        nodes = self.pool_nodes(pool_id)
        for doc in docs:
            nodes[doc["id"].lower()] = doc
        self.store.put_many("node", ((f"{pool_id.lower()}/{d['id'].lower()}", d) for d in docs))

    def remove_node(self, pool_id: str, node_id: str) -> None:
        self.pool_nodes(pool_id).pop(node_id.lower(), None)
        self.store.delete("node", f"{pool_id.lower()}/{node_id.lower()}")

    def remove_pool(self, pool_id: str) -> None:
        self.pools.pop(pool_id.lower(), None)
        self.nodes.pop(pool_id.lower(), None)
        self.store.delete("pool", pool_id.lower())
        self.store.delete_prefix("node", pool_id.lower() + "/")

    def save_job(self, doc: dict) -> None:
        self.jobs[doc["id"].lower()] = doc
        self.tasks.setdefault(doc["id"].lower(), {})
        self.store.put("job", doc["id"].lower(), doc)

    def remove_job(self, job_id: str) -> None:
        key = job_id.lower()
        self.jobs.pop(key, None)
        self.tasks.pop(key, None)
        self._waiting.pop(key, None)
        self._counted.pop(key, None)
        self._counts.pop(key, None)
        for subtask_key in [k for k in self.subtasks if k[0] == key]:
            del self.subtasks[subtask_key]
        self.store.delete("job", key)
        self.store.delete_prefix("task", key + "/")
        self.store.delete_prefix("subtask", key + "/")

    def save_task(self, job_id: str, doc: dict) -> None:
        self.job_tasks(job_id)[doc["id"].lower()] = doc
        self._index_task(job_id.lower(), doc)
        self.store.put("task", f"{job_id.lower()}/{doc['id'].lower()}", doc)

    def remove_task(self, job_id: str, task_id: str) -> None:
        key = (job_id.lower(), task_id.lower())
        self.job_tasks(job_id).pop(key[1], None)
        self._unindex_task(*key)
        self.subtasks.pop(key, None)
        self.store.delete("task", f"{key[0]}/{key[1]}")
        self.store.delete_prefix("subtask", f"{key[0]}/{key[1]}/")

    def save_subtask(self, job_id: str, task_id: str, doc: dict) -> None:
        self.task_subtasks(job_id, task_id)[str(doc["id"])] = doc
        self.store.put("subtask", f"{job_id.lower()}/{task_id.lower()}/{doc['id']}", doc)

    def clear_subtasks(self, job_id: str, task_id: str) -> None:
        key = (job_id.lower(), task_id.lower())
        self.subtasks.pop(key, None)
        self.store.delete_prefix("subtask", f"{key[0]}/{key[1]}/")

    # --- process records ----------------------------------------------------------------
    def save_scope(self, owner: str, record: dict) -> None:
        self.scopes[owner] = record
        self.store.put("scope", owner, record)

    def remove_scope(self, owner: str) -> None:
        if self.scopes.pop(owner, None) is not None:
            self.store.delete("scope", owner)


def scope_owner(kind: str, parent_id: str, child_id: str) -> str:
    """The key of a process record: ("task", job, task) or ("starttask", pool, node)."""
    return f"{kind}/{parent_id.lower()}/{child_id.lower()}"


def _add_counts(counts: dict[str, int], entry: tuple[tuple[str, ...], int] | None, sign: int) -> None:
    if entry is None:
        return
    buckets, slots = entry
    for bucket in buckets:
        counts[bucket] = counts.get(bucket, 0) + sign
        counts[f"{bucket}Slots"] = counts.get(f"{bucket}Slots", 0) + sign * slots

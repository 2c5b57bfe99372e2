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
        for key, doc in self.store.load("subtask"):
            job_key, task_key, _ = key.split("/", 2)
            self.subtasks.setdefault((job_key, task_key), {})[str(doc["id"])] = doc

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
        for subtask_key in [k for k in self.subtasks if k[0] == key]:
            del self.subtasks[subtask_key]
        self.store.delete("job", key)
        self.store.delete_prefix("task", key + "/")
        self.store.delete_prefix("subtask", key + "/")

    def save_task(self, job_id: str, doc: dict) -> None:
        self.job_tasks(job_id)[doc["id"].lower()] = doc
        self.store.put("task", f"{job_id.lower()}/{doc['id'].lower()}", doc)

    def remove_task(self, job_id: str, task_id: str) -> None:
        key = (job_id.lower(), task_id.lower())
        self.job_tasks(job_id).pop(key[1], None)
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

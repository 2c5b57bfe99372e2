"""What the account offers beyond pools and jobs: usage metrics, applications.

Supported images are in `images` (the list pools are checked against). Usage metrics count, per
pool, the node-hours of its current nodes since they were allocated (a local node has
no fixed core count, so a node-hour is counted as a core-hour). Local Batch has no
application packages (pools and tasks that ask for them are refused), so the
application list is empty.
"""

from __future__ import annotations

from datetime import datetime, timezone

from explorer.localbatch.context import Context
from explorer.localbatch.wire.clock import now_iso
from explorer.localbatch.wire.errors import BatchError


class Account:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def usage_metrics(self) -> list[dict]:
        """One entry per pool, from its creation until now."""
        now = datetime.now(timezone.utc)
        metrics = []
        for pool in self.ctx.state.pools.values():
            hours = sum(
                (now - _parse(node["allocationTime"])).total_seconds() / 3600
                for node in self.ctx.state.pool_nodes(pool["id"]).values()
                if node.get("allocationTime")
            )
            metrics.append({
                "poolId": pool["id"], "startTime": pool["creationTime"], "endTime": now_iso(),
                "vmSize": pool.get("vmSize", ""), "totalCoreHours": round(hours, 6),
            })
        return metrics

    def applications(self) -> list[dict]:
        return []  # no application packages

    def application(self, application_id: str) -> dict:
        found = {app["id"].lower(): app for app in self.applications()}.get(application_id.lower())
        if found is not None:
            return found
        raise BatchError(
            404, "ApplicationNotFound",
            f"The application {application_id[:64]} does not exist: Local Batch has no application packages.",
            {"ApplicationId": application_id[:64]},
        )


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))

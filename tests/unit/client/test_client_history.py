"""The history's series in bounded memory, the counts rebuilt from the service's times, and its CSV rows."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

from explorer.client.connecting.connection_state import ConnectionState, ConnectionStatus
from explorer.client.watching.history import (
    NODE_STATES,
    TASK_STATES,
    EventKind,
    EventLog,
    HistoryEvent,
    HistoryPoint,
    NodeTimes,
    PoolHistory,
    Source,
    StateSeries,
    TaskTimes,
    csv_rows,
    job_past,
    pool_past,
    write_csv,
)
from explorer.client.watching.monitor import Diff, Subscription, Update
from explorer.client.watching.queries import PoolNodesQuery
from explorer.client.watching.snapshots import NodeSnapshot

T0 = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_unchanged_and_older_counts_add_no_point():
    series = StateSeries(("idle", "running"))
    assert series.record(at(0), {"idle": 2})
    assert not series.record(at(1), {"idle": 2})
    assert not series.record(at(-1), {"idle": 1})
    assert series.record(at(2), {"idle": 1, "running": 1})
    assert [(p.at, p.counts) for p in series.points] == [(at(0), (2, 0)), (at(2), (1, 1))]


def test_a_gap_is_kept_and_never_merged_away():
    series = StateSeries(("idle",), max_points=10)
    for i in range(5):
        series.record(at(i), {"idle": i % 2})
    series.mark_unknown(at(5))
    for i in range(6, 100):
        series.record(at(i), {"idle": i % 2})
    assert len(series) <= 10
    gaps = [p for p in series.points if p.counts is None]
    assert [g.at for g in gaps] == [at(5)]


def test_eight_hours_of_a_busy_pool_stay_under_the_cap():
    """A count that changes every second for 8 h: at most MAX_POINTS points, in time order, the last one kept."""
    series = StateSeries(NODE_STATES)
    hours = 8 * 3600
    for second in range(hours):
        series.record(at(second), {"idle": 10_000 - second % 100, "running": second % 100})
    points = series.points
    assert series.max_points // 2 <= len(points) <= series.max_points
    assert all(a.at < b.at for a, b in zip(points, points[1:], strict=False))
    assert points[0].at == at(0) and points[-1].counts == series.row({"idle": 10_000 - 99, "running": 99})
    assert 10 < series.resolution < 60  # ~15 s per point


def test_events_keep_the_last_ones_in_time_order():
    log = EventLog(max_events=3)
    for i in (1, 0, 2, 3):
        log.add(HistoryEvent(at(i), EventKind.TASK_FAILURE, f"e{i}"))
    assert [e.text for e in log] == ["e1", "e2", "e3"] and log.dropped == 1


def task(task_id, created, start=None, end=None, state="completed", exit_code=0):
    return TaskTimes.from_json({
        "id": task_id, "state": state, "creationTime": created.isoformat(),
        "stateTransitionTime": (end or start or created).isoformat(),
        "executionInfo": {"startTime": start.isoformat() if start else None,
                          "endTime": end.isoformat() if end else None,
                          "exitCode": exit_code, "result": "success" if exit_code == 0 else "failure"},
    })


def test_tasks_by_state_from_their_own_times():
    tasks = [task("a", at(1), at(2), at(5)), task("b", at(1), at(3), at(4), exit_code=2),
             task("c", at(3), at(6), None, state="running")]
    points, failed = job_past(tasks, created=at(0))
    table = [(p.at, dict(zip(TASK_STATES, p.counts, strict=True))) for p in points]
    assert all(p.source is Source.SERVICE for p in points)
    assert table == [
        (at(0), {"active": 0, "preparing": 0, "running": 0, "succeeded": 0, "failed": 0}),
        (at(1), {"active": 2, "preparing": 0, "running": 0, "succeeded": 0, "failed": 0}),
        (at(2), {"active": 1, "preparing": 0, "running": 1, "succeeded": 0, "failed": 0}),
        (at(3), {"active": 1, "preparing": 0, "running": 2, "succeeded": 0, "failed": 0}),
        (at(4), {"active": 1, "preparing": 0, "running": 1, "succeeded": 0, "failed": 1}),
        (at(5), {"active": 1, "preparing": 0, "running": 0, "succeeded": 1, "failed": 1}),
        (at(6), {"active": 0, "preparing": 0, "running": 1, "succeeded": 1, "failed": 1}),
    ]
    assert [t.id for t in failed] == ["b"]


def test_nodes_are_unreported_from_joining_until_their_state_began():
    nodes = [NodeTimes("n1", "idle", at(0), at(10)), NodeTimes("n2", "unusable", at(0), at(20))]
    points, events = pool_past(nodes)
    unreported, idle, unusable = (NODE_STATES.index(s) for s in ("unreported", "idle", "unusable"))
    assert [(p.at, p.counts[unreported], p.counts[idle], p.counts[unusable]) for p in points] == [
        (at(0), 2, 0, 0), (at(10), 1, 1, 0), (at(20), 0, 1, 1)]
    assert [(e.at, e.kind, e.text) for e in events] == [(at(20), EventKind.NODE_FAILURE, "1 node failed: n2")]


def test_csv_rows_are_the_points_and_events_in_time_order(tmp_path):
    series = StateSeries(("idle", "running"))
    series.record(at(0), {"idle": 2})
    series.mark_unknown(at(5))
    series.record(at(7), {"running": 2})
    events = [HistoryEvent(at(6), EventKind.RESIZE, "Resize to 2", reported=False)]
    path = tmp_path / "h.csv"
    write_csv(path, csv_rows(series, events))
    assert list(csv.reader(path.read_text(encoding="utf-8").splitlines())) == [
        ["time (UTC)", "source", "idle", "running", "event"],
        ["2026-12-01T12:00:00.000Z", "observed", "2", "0", ""],
        ["2026-12-01T12:00:05.000Z", "not known", "", "", ""],
        ["2026-12-01T12:00:06.000Z", "event: resize (seen by a poll)", "", "", "Resize to 2"],
        ["2026-12-01T12:00:07.000Z", "observed", "0", "2", ""],
    ]
    assert list(tmp_path.iterdir()) == [path]


class PlayedMonitor:
    """The monitor's side as a test plays it: callbacks by query, a connection, when each query was last polled."""

    def __init__(self) -> None:
        self.callbacks: dict[object, object] = {}
        self.listeners: list[object] = []
        self.polled: dict[object, datetime] = {}
        self.connection = SimpleNamespace(last_contact=None)

    def subscribe(self, query, callback):
        self.callbacks[query] = callback
        return Subscription(lambda: self.callbacks.pop(query, None))

    def add_state_listener(self, listener):
        self.listeners.append(listener)
        return Subscription(lambda: self.listeners.remove(listener))

    def last_polled(self, query):
        return self.polled.get(query)


def node(node_id: str, state: str) -> NodeSnapshot:
    return NodeSnapshot(node_id, state, "enabled", None, None, 0, 0, None)


def test_no_answer_is_not_known_until_a_poll_confirms_the_counts_again():
    monitor = PlayedMonitor()
    history = PoolHistory(monitor, "p")  # type: ignore[arg-type]
    history.start()
    query = PoolNodesQuery("p")
    soon = datetime.now(timezone.utc) + timedelta(seconds=10)
    nodes = {"a": node("a", "idle"), "b": node("b", "idle")}
    monitor.callbacks[query](Update(query, nodes, Diff(added=("a", "b")), polled_at=soon))
    monitor.connection.last_contact = soon + timedelta(seconds=1)
    for listener in monitor.listeners:
        listener(ConnectionState(ConnectionStatus.RETRYING, "refused", 2.0))
    assert history.series.points[-1] == HistoryPoint(soon + timedelta(seconds=1), None)

    history.catch_up()  # nothing polled since: still not known
    assert history.series.points[-1].counts is None
    monitor.polled[query] = soon + timedelta(seconds=5)  # answered again, unchanged: not handed out
    history.catch_up()
    assert history.series.points[-1] == HistoryPoint(soon + timedelta(seconds=5), history.series.row({"idle": 2}))

    # A node failing is an event, dated by the node's own transition time.
    failed_at = soon + timedelta(seconds=6)
    moved = {**nodes, "b": NodeSnapshot("b", "unusable", "enabled", None, failed_at, 0, 0, None)}
    monitor.callbacks[query](Update(query, moved, Diff(changed=("b",)), polled_at=soon + timedelta(seconds=7)))
    assert [(e.kind, e.at, e.text, e.reported) for e in history.events] == [
        (EventKind.NODE_FAILURE, failed_at, "1 node became unusable: b", True)]
    assert history.series.points[-1].counts == history.series.row({"idle": 1, "unusable": 1})


def test_a_span_not_known_is_filled_only_up_to_what_the_service_said():
    series = StateSeries(("idle", "running"))
    series.record(at(0), {"idle": 1})
    series.mark_unknown(at(10))
    series.record(at(20), {"running": 1})
    series.mark_unknown(at(30))
    series.record(at(40), {"idle": 1})
    told = [HistoryPoint(at(0), (1, 0), Source.SERVICE), HistoryPoint(at(15), (0, 1), Source.SERVICE)]
    assert series.fill_unknown(told, until=at(25)) == 1
    assert [(p.at, p.counts, p.source) for p in series.points] == [
        (at(0), (1, 0), Source.OBSERVED), (at(10), (1, 0), Source.SERVICE), (at(15), (0, 1), Source.SERVICE),
        (at(20), (0, 1), Source.OBSERVED), (at(30), None, Source.OBSERVED), (at(40), (1, 0), Source.OBSERVED)]
    assert series.has_unknown

"""Backoff arithmetic, the connection state's wording, and diffs."""

from __future__ import annotations

import pytest

from explorer.client.connecting.connection_state import Backoff, ConnectionState, ConnectionStatus
from explorer.client.watching.monitor import Diff


def test_backoff_doubles_up_to_the_cap():
    backoff = Backoff(initial=1, factor=2, cap=10, jitter=0)
    assert [backoff.delay(n) for n in range(1, 7)] == [1, 2, 4, 8, 10, 10]


def test_backoff_jitter_stays_within_bounds():
    backoff = Backoff(initial=4, jitter=0.1)
    delays = {backoff.delay(1) for _ in range(200)}
    assert all(3.6 <= d <= 4.4 for d in delays) and len(delays) > 1


def test_retry_after_wins_but_is_capped():
    backoff = Backoff(initial=1, cap=10, retry_after_cap=120, jitter=0)
    assert backoff.delay(5, retry_after=3) == 3
    assert backoff.delay(1, retry_after=30) == 30
    assert backoff.delay(1, retry_after=3600) == 120


@pytest.mark.parametrize(
    ("state", "text"),
    [
        (ConnectionState(), "connected"),
        (ConnectionState(ConnectionStatus.RETRYING, "HTTP 503 ServerBusy", 4.0, 2), "retrying in 4 s (HTTP 503 ServerBusy)"),
        (ConnectionState(ConnectionStatus.FAILED, "HTTP 403 AuthenticationFailed"), "failed: HTTP 403 AuthenticationFailed"),
        (ConnectionState(ConnectionStatus.RETRYING, "connection refused", 2.0, 1, "proxy.example.com:3128"),
         "retrying in 2 s (connection refused through the proxy proxy.example.com:3128)"),
    ],
)
def test_state_wording(state, text):
    assert str(state) == text


def test_diff_by_id():
    old = {"a": 1, "b": 2, "c": 3}
    new = {"b": 2, "c": 30, "d": 4}
    diff = Diff.between(old, new)
    assert diff == Diff(added=("d",), changed=("c",), removed=("a",))
    assert diff
    assert not Diff.between(new, dict(new))

"""What the tests share, one of each: waits, Local Batch, Batch scenarios, samples, qasync scenarios.

- `waiting`: `wait_until`, the one polled wait on a condition, bounded generously (never a timing).
- `local_batch`: a real Local Batch for a test (started, and stopped with every process it left),
  SDK clients and connections to it.
- `batch_scenarios`: pools, jobs, tasks and command lines built over the unmodified SDK client,
  and waits for idle nodes and completed tasks.
- `samples`: the bundled samples served on loopback by the app's own `SampleServer`.
- `storage`: one real Azurite per session (a pytest plugin, registered in tests/conftest.py).
- `qt_scenarios`: running an async GUI scenario on the qasync loop; waiting on Qt signals.
- `dangling`: cancelling the asyncio tasks a test left, and the teardown check that fails a GUI
  test leaving pending tasks, running timers or open top-level widgets behind.

Only `qt_scenarios` and `dangling` import Qt; the rest serves every kind of test and the
benchmarks (which run with the repository root on PYTHONPATH).
"""

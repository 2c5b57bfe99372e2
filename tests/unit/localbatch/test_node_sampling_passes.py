"""Local Batch's node sampling reads the host's processes once a tick, however many nodes are up: a pool
of 10,000 nodes coming up once cost 10,000 passes over /proc (seconds of the service's CPU, and a stop
that waited for them)."""

from __future__ import annotations

import json
from types import SimpleNamespace

from explorer.localbatch.files.node_tree import NodeDirectories
from explorer.localbatch.running.node_sampling import NodeSampling, load_sampler


def counting_sampler():
    """The real sampler module, its passes over /proc counted."""
    sampler = load_sampler()
    passes = []
    scan = sampler.scan_processes

    def counted(roots, *args, **kwargs):
        passes.append(len(roots))
        return scan(roots, *args, **kwargs)

    sampler.scan_processes = counted
    return sampler, passes


def test_one_pass_over_the_processes_a_tick_and_new_nodes_recorded_from_the_next(tmp_path):
    sampler, passes = counting_sampler()
    dirs = NodeDirectories(tmp_path / "nodes")
    sampling = NodeSampling(SimpleNamespace(dirs=dirs), sampler)
    up = {("pool", f"node-{n}"): dirs.node_root("pool", f"node-{n}") for n in range(40)}
    try:
        sampling.tick(dict(list(up.items())[:30]))
        sampling.tick(up)  # ten more came up
        sampling.tick(up)
    finally:
        sampling.close()
    assert passes == [30, 40, 40]
    records = {node: len((root / sampler.METRICS_RELATIVE_PATH).read_text().splitlines())
               for (_pool, node), root in up.items()}
    assert records == {f"node-{n}": 2 if n < 30 else 1 for n in range(40)}
    last = json.loads((up[("pool", "node-0")] / sampler.METRICS_RELATIVE_PATH).read_text().splitlines()[-1])
    assert last["scope"] == "node"


def test_a_tick_after_close_records_nothing(tmp_path):
    sampler, passes = counting_sampler()
    dirs = NodeDirectories(tmp_path / "nodes")
    sampling = NodeSampling(SimpleNamespace(dirs=dirs), sampler)
    up = {("pool", "node-0"): dirs.node_root("pool", "node-0")}
    sampling.tick(up)
    sampling.close()
    sampling.tick(up)  # a tick's thread that outlived the service's stop
    assert passes == [1]
    assert not (up[("pool", "node-0")] / sampler.METRICS_RELATIVE_PATH).exists()

"""A longer-running MPI sample: Monte Carlo estimate of pi with steady progress output.

Every rank draws random points in the unit square each step; an allreduce sums the
hits, and rank 0 prints one progress line per step (default 3 lines/s for 30 s), so
the primary's stdout.txt grows steadily while the task runs. Every rank also says where
it runs, its own estimate every `REPORT_SECONDS`, and when it is done: with `-prepend-rank`
each line is labelled by rank, and the output pane can filter and colour them (a rank
that stopped reporting would be flagged silent). Each step does a fixed amount of work
and then waits for the next tick, so the sample paces itself instead of saturating the CPUs.

    mpiexec -prepend-rank -hosts $AZ_BATCH_HOST_LIST -n 4 -ppn 1 python3 $AZ_BATCH_TASK_SHARED_DIR/progress.py --duration 30
"""

import argparse
import math
import os
import random
import sys
import time

from mpi4py import MPI

REPORT_SECONDS = 5.0  # each rank's own line, well within the output pane's 10 s before "silent"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=30.0, help="seconds to run (default 30)")
    parser.add_argument("--rate", type=float, default=3.0, help="progress lines per second (default 3)")
    parser.add_argument("--samples", type=int, default=20000, help="points per rank per step (default 20000)")
    parser.add_argument("--seed", type=int, default=None, help="base random seed (default: time)")
    return parser.parse_args(argv)


def say(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def main(argv=None):
    args = parse_args(argv)
    comm = MPI.COMM_WORLD
    rank, size = comm.Get_rank(), comm.Get_size()
    base_seed = comm.bcast(args.seed if args.seed is not None else int(time.time()), root=0)
    rng = random.Random(base_seed * 1000003 + rank)

    node = os.environ.get("AZ_BATCH_NODE_ID", "-")
    nodes = comm.gather(node, root=0)
    if rank == 0:
        say(f"pi monte carlo: {size} ranks on nodes {', '.join(nodes)}; "
            f"{args.duration:g} s at {args.rate:g} lines/s")
    say(f"rank {rank} of {size} on {node}: {args.samples} points a step")  # mpiexec interleaves the ranks' lines

    interval = 1.0 / args.rate
    steps = max(1, round(args.duration * args.rate))
    report_every = max(1, round(REPORT_SECONDS * args.rate))
    hits_total = 0
    points_total = 0
    own_hits = 0
    comm.Barrier()
    start = time.monotonic()
    for step in range(1, steps + 1):
        hits = 0
        for _ in range(args.samples):
            x, y = rng.random(), rng.random()
            if x * x + y * y <= 1.0:
                hits += 1
        own_hits += hits
        hits_total += comm.allreduce(hits, op=MPI.SUM)
        points_total += args.samples * size
        if step % report_every == 0:
            say(f"rank {rank}: own estimate pi~{4.0 * own_hits / (step * args.samples):.6f} after {step} steps")
        if rank == 0:
            estimate = 4.0 * hits_total / points_total
            say(f"step {step}/{steps} t={time.monotonic() - start:5.1f}s "
                f"points={points_total} pi~{estimate:.6f} err={abs(estimate - math.pi):.2e} "
                f"progress={100.0 * step / steps:5.1f}%")
        # Pace on rank 0's clock: it tells everyone how long to wait for the next tick.
        delay = comm.bcast(start + step * interval - time.monotonic(), root=0)
        if delay > 0:
            time.sleep(delay)

    say(f"rank {rank} done: {own_hits} of {steps * args.samples} points inside")
    if rank == 0:
        estimate = 4.0 * hits_total / points_total
        say(f"done: pi~{estimate:.6f} from {points_total} points in "
            f"{time.monotonic() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

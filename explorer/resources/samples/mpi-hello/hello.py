"""MPI hello world for Azure Batch / Local Batch multi-instance tasks.

Every rank prints one line saying where it runs: rank, size, the Batch node it is on
(AZ_BATCH_NODE_ID), host name and address, and its working directory. Run it as
the application command of a multi-instance task:

    mpiexec -prepend-rank -hosts $AZ_BATCH_HOST_LIST -n 4 -ppn 1 python3 $AZ_BATCH_TASK_SHARED_DIR/hello.py
"""

import os
import socket
import sys

from mpi4py import MPI


def node_address() -> str:
    # Local Batch names each node's loopback address; on Azure ask the resolver.
    address = os.environ.get("LOCALBATCH_NODE_IP")
    if address:
        return address
    try:
        return socket.gethostbyname(socket.gethostname())
    except OSError:
        return "?"


def main() -> int:
    comm = MPI.COMM_WORLD
    rank, size = comm.Get_rank(), comm.Get_size()
    line = (
        f"rank={rank} size={size} node={os.environ.get('AZ_BATCH_NODE_ID', '-')} "
        f"host={socket.gethostname()} ip={node_address()} "
        f"master={os.environ.get('AZ_BATCH_IS_CURRENT_NODE_MASTER', '-')} "
        f"cwd={os.getcwd()}\n"
    )
    # One write per line keeps lines of different ranks from interleaving.
    sys.stdout.write(line)
    sys.stdout.flush()
    total = comm.allreduce(rank, op=MPI.SUM)
    comm.Barrier()
    if rank == 0:
        sys.stdout.write(f"hello from {size} ranks, sum of ranks = {total}\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The frozen executable's entry point: `mpi-explorer` exactly as the installed command."""

import sys

from explorer.__main__ import main

if __name__ == "__main__":
    sys.exit(main())

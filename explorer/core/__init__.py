"""Plain Python, no Qt, no I/O: specs, validation, MPI presets, az-batch-compatible JSON."""

"""How this installation runs itself, below the layers and shared by all of them (no Qt).

- `frozen`: a venv or a PyInstaller bundle; the command that starts Local Batch, the tools' bin dir
- `python_command`: `mpi-explorer python ...`, the bundle's interpreter for task command lines
- `logfiles`: where the logs are, and the rotating handler with its size cap
- `platform_support`: where Local Batch runs (Linux) and what is said elsewhere
- `system_libs`: the system libraries Qt's xcb plugin needs, and the install line for the missing ones
"""

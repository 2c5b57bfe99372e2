"""MPI command lines: presets per MPI implementation and a preview of what a node runs.

`mpi_presets.build_commands` / `presets_for`; `command_preview.preview_command`; `rank_labels`: the
launchers' rank labels on output lines and which ranks were heard when.

May import `explorer.core.specs`.
"""

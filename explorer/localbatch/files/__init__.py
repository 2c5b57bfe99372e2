"""Files on local nodes: each node's directory tree, serving its files, fetching resource files.

`node_tree` (where a node's Batch directories live), `node_files` (files opened from a
directory descriptor, never through a link: listings, properties, ranges, deletion),
`resource_files` (downloading a task's resource files), `blob_containers` (container
sources), `downloads` (what every source shares), `output_files` (uploading a task's
outputFiles) and `mounts` (a pool's mountConfiguration as shared directories).

May import state and wire.
"""

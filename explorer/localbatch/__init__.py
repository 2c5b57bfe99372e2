"""Local Batch: the Azure Batch REST API on loopback, running tasks on local compute nodes."""

"""Defaults of batch runs, apart from the driver so that the command line can show them
without importing Dask."""

from __future__ import annotations

# Documents per partition (one task): large enough that scheduling costs little per
# document, small enough that a failed task repeats little work.
DEFAULT_PARTITION_SIZE = 500

__all__ = ["DEFAULT_PARTITION_SIZE"]

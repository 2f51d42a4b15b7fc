"""The store's error, defined with the others in :mod:`csbm.errors`."""

from csbm.errors import ConflictError, StoreError

__all__ = ["ConflictError", "StoreError"]

"""The store's error, defined with the others in :mod:`csbm.errors`."""

from csbm.errors import StoreError

__all__ = ["StoreError"]

"""Batch extraction over news archives on Dask, and ingest of the claims into the store.

``csbm batch extract INPUT… --out OUT`` reads .txt, JSON Lines and Parquet archives in
partitions, skips documents that cannot hold claims, extracts the rest on a local or remote
Dask cluster and writes a resumable Parquet dataset; ``csbm batch ingest OUT --db URL``
puts the claims on the recorded activities they match and proposes the rest for review.
See docs/batch.md.

Modules: ``inputs`` (reading, partitions), ``prefilter``, ``rows`` (the tables),
``dataset`` (layout, atomic writes, markers), ``pipeline`` (one partition), ``run`` (the
driver and the cluster), ``progress``, ``ingest``, ``cli``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from csbm._lazy import exports

if TYPE_CHECKING:
    from csbm.batch.dataset import Dataset
    from csbm.batch.inputs import Fields, plan
    from csbm.batch.prefilter import may_have_claims
    from csbm.batch.run import Summary, run

__getattr__, __dir__ = exports(
    __name__,
    {
        "Dataset": "csbm.batch.dataset",
        "Fields": "csbm.batch.inputs",
        "plan": "csbm.batch.inputs",
        "may_have_claims": "csbm.batch.prefilter",
        "Summary": "csbm.batch.run",
        "run": "csbm.batch.run",
    },
)

__all__ = ["Dataset", "Fields", "Summary", "may_have_claims", "plan", "run"]

"""One partition, start to finish: read, prefilter, extract, write, mark finished.

`process_partition` is what a Dask worker runs. It returns only the partition's counts
(a small dict), never rows: the rows go straight to OUT from the worker, so the driver's
memory does not grow with the archive. A document that the extractor cannot read is a
failure in the errors table, with its file, line and reason; it never stops the partition.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow as pa  # type: ignore[import-untyped]

from csbm.batch.dataset import Dataset
from csbm.batch.inputs import BadRecord, Fields, Partition, read_partition
from csbm.batch.prefilter import may_have_claims
from csbm.batch.rows import CLAIMS, DOCUMENTS, ERRORS, error_row, extraction_rows, skipped_row
from csbm.extract import extract, to_dict
from csbm.extract.text import clean


def process_partition(
    partition: Partition, out: str, fields: Fields, size: int, prefilter: bool = True
) -> dict[str, Any]:
    """Extract one partition into OUT; return its counts (also written as its marker)."""
    dataset = Dataset(Path(out))
    if dataset.is_done(partition.pid):  # a retried or duplicated task: nothing to redo
        return dataset.done_stats(partition.pid)
    started = time.perf_counter()
    documents: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    failures: Counter[str] = Counter()
    skipped = with_claims = 0
    for record in read_partition(partition, fields, size):
        if isinstance(record, BadRecord):
            errors.append(error_row(record))
            failures[record.kind] += 1
            continue
        if prefilter and not may_have_claims(record.text):
            # The hash of the text as the extractor reads it, as in the extracted rows.
            digest = hashlib.sha256(clean(record.text).encode("utf-8")).hexdigest()
            documents.append(skipped_row(record, digest))
            skipped += 1
            continue
        try:
            x = extract(record.text, published=record.published, url=record.url)
            data = to_dict(x)
            mine = {id(f) for f in x.claims()}
            figures = [d for f, d in zip(x.figures, data["figures"], strict=True) if id(f) in mine]
            document, rows = extraction_rows(record, data, figures)
        except Exception as exc:  # one bad document must not stop the run
            kind = f"extraction failed: {type(exc).__name__}"
            errors.append(
                error_row(BadRecord(record.file, record.line, None, f"{kind}: {exc}", kind))
            )
            failures[kind] += 1
            continue
        documents.append(document)
        claims.extend(rows)
        with_claims += bool(rows)
    stats: dict[str, Any] = {
        "pid": partition.pid,
        "file": partition.label,
        "documents": len(documents) + len(errors),
        "skipped": skipped,
        "with_claims": with_claims,
        "claims": len(claims),
        "failed": len(errors),
        "failures": dict(sorted(failures.items())),
        "seconds": round(time.perf_counter() - started, 3),
    }
    tables = {
        "documents": pa.Table.from_pylist(documents, schema=DOCUMENTS),
        "claims": pa.Table.from_pylist(claims, schema=CLAIMS),
        "errors": pa.Table.from_pylist(errors, schema=ERRORS),
    }
    dataset.write_partition(partition.pid, tables, stats)
    return stats


__all__ = ["process_partition"]

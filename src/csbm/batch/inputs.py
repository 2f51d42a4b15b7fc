"""Reading an archive: documents from .txt files, JSON Lines and Parquet, in partitions.

The driver plans (`plan`): it lists the files, cuts each into partitions of about
`size` documents and checks the first record of every file, so that a wrong file or a
wrong ``--text-field`` stops the run before it starts (exit code 2, naming file, line and
field). Workers read (`read_partition`): each partition is streamed from its own byte
range or Parquet row group, so no process ever holds more than one partition of text.
A bad record inside a good file is yielded as a `BadRecord` (it goes to the errors
file), never raised.

Where a document comes from is its `file` (relative to the common root of the inputs,
so the same archive gives the same ids from any working directory) and its `line` (the
line of a JSON Lines file, the 1-based row of a Parquet file, 1 for a .txt file).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]

from csbm.errors import InputError, Problem, UsageError
from csbm.model.bounds import day_problem

Kind = Literal["jsonl", "parquet", "txt"]
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
PARQUET_SUFFIXES = (".parquet", ".pq")
TXT_SUFFIXES = (".txt",)
# A news article is a few kilobytes; a "document" far beyond that is a dump or a mistake,
# and would stall its partition (the extractor is linear, but 100 MB is still minutes).
MAX_CHARS = 2_000_000


@dataclass(frozen=True)
class Fields:
    """Which record fields hold the text and the publication date."""

    text: str = "text"
    published: str = "published"
    url: str = "url"
    published_given: bool = False  # named on the command line: then it must exist


@dataclass(frozen=True)
class Partition:
    """Part of one input file (or a run of .txt files), read by one task."""

    pid: str
    kind: Kind
    path: str  # absolute; for txt, unused (see files)
    label: str  # the file as shown in ids and errors
    start: int  # jsonl: byte offset; parquet: row group; txt: unused
    stop: int  # jsonl: byte offset; parquet: batch index within the row group
    first_line: int  # line (jsonl) or row (parquet) of the first record, 1-based
    count: int  # records expected (lines that are not blank, rows, files)
    files: tuple[tuple[str, str], ...] = ()  # txt: (absolute path, label)


@dataclass(frozen=True)
class Document:
    doc_id: str
    file: str
    line: int
    text: str
    url: str | None
    published: date | None


@dataclass(frozen=True)
class BadRecord:
    file: str
    line: int
    field: str | None
    reason: str
    kind: str = "record"  # what went wrong, for the summary's counts

    def message(self) -> str:
        return Problem(self.reason, field=self.field, line=self.line).render(self.file)


Record = Document | BadRecord


def _pid(kind: str, label: str, n: int) -> str:
    digest = hashlib.sha256(f"{kind}\0{label}".encode()).hexdigest()[:12]
    return f"{digest}-{n:06d}"


def _kind(path: Path) -> Kind | None:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in PARQUET_SUFFIXES:
        return "parquet"
    if suffix in TXT_SUFFIXES:
        return "txt"
    return None


def discover(inputs: Sequence[Path], exclude: Path | None = None) -> list[tuple[Path, str, Kind]]:
    """Every input file with its label and kind, in a fixed order; files under `exclude`
    (the output directory, when it lies inside an input) are not inputs."""
    skip = exclude.resolve() if exclude is not None else None
    if not inputs:
        raise UsageError("name at least one INPUT: a directory, .txt, .jsonl or .parquet file")
    found: list[Path] = []
    roots: list[Path] = []
    for given in inputs:
        path = given.resolve()
        if path.is_dir():
            roots.append(path)
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and _kind(p)
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and (skip is None or not p.is_relative_to(skip))
            )
        elif path.is_file():
            if _kind(path) is None:
                raise InputError(
                    given, [Problem("not a .txt, .jsonl/.ndjson/.json or .parquet file")]
                )
            roots.append(path.parent)
            found.append(path)
        else:
            raise InputError(given, [Problem("no such file or directory")])
    common = Path(os.path.commonpath([str(r) for r in roots]))
    seen: dict[Path, None] = dict.fromkeys(found)  # the same file named twice counts once
    out = []
    for path in seen:
        kind = _kind(path)
        assert kind is not None
        out.append((path, path.relative_to(common).as_posix(), kind))
    if not out:
        raise InputError(inputs[0], [Problem("no .txt, .jsonl or .parquet files found")])
    return out


def plan(
    inputs: Sequence[Path], fields: Fields, size: int, exclude: Path | None = None
) -> list[Partition]:
    """The partitions of the archive, after checking the first record of every file."""
    if size < 1:
        raise UsageError("--partition-size must be at least 1")
    files = discover(inputs, exclude)
    partitions: list[Partition] = []
    txt: list[tuple[Path, str]] = []
    for path, label, kind in files:
        if kind == "jsonl":
            partitions.extend(_plan_jsonl(path, label, fields, size))
        elif kind == "parquet":
            partitions.extend(_plan_parquet(path, label, fields, size))
        else:
            txt.append((path, label))
    if len(files) == 1 and txt:
        # The whole input is this one text: an undecodable one is an input error.
        _decode(txt[0][0].read_bytes(), txt[0][1])
    for i in range(0, len(txt), size):
        chunk = txt[i : i + size]
        partitions.append(
            Partition(
                pid=_pid("txt", chunk[0][1], i),
                kind="txt",
                path="",
                label=chunk[0][1],
                start=i,
                stop=i + len(chunk),
                first_line=1,
                count=len(chunk),
                files=tuple((str(p), lab) for p, lab in chunk),
            )
        )
    return partitions


# -------------------------------------------------------------------------------------
# JSON Lines


def _plan_jsonl(path: Path, label: str, fields: Fields, size: int) -> list[Partition]:
    out: list[Partition] = []
    offset = start = 0
    line_no = 0
    first_line = 1
    count = 0
    checked = False
    with path.open("rb") as f:
        for raw in f:
            line_no += 1
            if raw.strip():
                if not checked:
                    record = _parse_line(raw, label, line_no, fields)
                    if isinstance(record, BadRecord):
                        raise InputError(
                            label, [Problem(record.reason, field=record.field, line=line_no)]
                        )
                    checked = True
                if count == 0:
                    start, first_line = offset, line_no
                count += 1
            offset += len(raw)
            if count == size:
                out.append(_jsonl_part(path, label, start, offset, first_line, count))
                count = 0
    if count:
        out.append(_jsonl_part(path, label, start, offset, first_line, count))
    return out


def _jsonl_part(path: Path, label: str, start: int, stop: int, first: int, count: int) -> Partition:
    return Partition(
        pid=_pid("jsonl", label, first),
        kind="jsonl",
        path=str(path),
        label=label,
        start=start,
        stop=stop,
        first_line=first,
        count=count,
    )


def _published(value: Any, name: str) -> date | str | None:
    """A publication date from a record, or the reason it is not one."""
    if value is None:
        return None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif not isinstance(value, str):
        return f"{name} must be a date (YYYY-MM-DD), not {type(value).__name__}"
    else:
        text = value.strip()
        if not text:
            return None
        try:
            if len(text) > 10:
                day = datetime.fromisoformat(text.replace("Z", "+00:00")).date()
            else:
                day = date.fromisoformat(text)
        except ValueError:
            return f"{value!r} is not a date (YYYY-MM-DD or an ISO date-time)"
    return day_problem(day) or day


def _document(
    data: dict[str, Any], label: str, line: int, fields: Fields, missing_published: bool
) -> Record:
    if fields.text not in data:
        present = ", ".join(sorted(data)[:8]) or "none"
        return BadRecord(
            label, line, fields.text, f"no such field (fields: {present})", "missing field"
        )
    text = data[fields.text]
    if not isinstance(text, str):
        return BadRecord(
            label, line, fields.text, f"must be text, not {type(text).__name__}", "not text"
        )
    if len(text) > MAX_CHARS:
        return BadRecord(
            label, line, fields.text, f"longer than {MAX_CHARS:,} characters", "too long"
        )
    if missing_published and fields.published_given and fields.published not in data:
        return BadRecord(label, line, fields.published, "no such field", "missing field")
    published = _published(data.get(fields.published), fields.published)
    if isinstance(published, str):
        return BadRecord(label, line, fields.published, published, "bad date")
    url = data.get(fields.url)
    return Document(
        doc_id=f"{label}:{line}",
        file=label,
        line=line,
        text=text,
        url=url if isinstance(url, str) and url else None,
        published=published,
    )


def _parse_line(raw: bytes, label: str, line: int, fields: Fields) -> Record:
    try:
        # A byte-order mark (Windows editors write one) is not part of the first record.
        data = json.loads(raw.removeprefix(b"\xef\xbb\xbf") if line == 1 else raw)
    except UnicodeDecodeError as exc:
        return BadRecord(label, line, None, f"not UTF-8 at byte {exc.start}", "not UTF-8")
    except json.JSONDecodeError as exc:
        if line == 1 and raw.lstrip().startswith(b"["):
            return BadRecord(
                label, line, None, "a JSON array: one JSON object per line is needed", "not JSON"
            )
        return BadRecord(label, line, None, f"not JSON: {exc.msg} (column {exc.colno})", "not JSON")
    if not isinstance(data, dict):
        return BadRecord(
            label, line, None, f"a JSON object is needed, not {type(data).__name__}", "not JSON"
        )
    return _document(data, label, line, fields, missing_published=True)


def _read_jsonl(p: Partition, fields: Fields) -> Iterator[Record]:
    line = p.first_line
    with open(p.path, "rb") as f:
        f.seek(p.start)
        left = p.stop - p.start
        while left > 0:
            raw = f.readline(left)
            if not raw:
                break
            left -= len(raw)
            if raw.strip():
                yield _parse_line(raw, p.label, line, fields)
            line += 1


# -------------------------------------------------------------------------------------
# Parquet


def _parquet_columns(path: Path, label: str, fields: Fields) -> list[str]:
    try:
        schema = pq.read_schema(path)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(label, [Problem(f"not a readable Parquet file: {exc}")]) from None
    names = set(schema.names)
    if fields.text not in names:
        raise InputError(
            label,
            [Problem(f"no such column (columns: {', '.join(schema.names)})", field=fields.text)],
        )
    if fields.published_given and fields.published not in names:
        raise InputError(label, [Problem("no such column", field=fields.published)])
    return [c for c in (fields.text, fields.published, fields.url) if c in names]


def _plan_parquet(path: Path, label: str, fields: Fields, size: int) -> list[Partition]:
    _parquet_columns(path, label, fields)
    meta = pq.ParquetFile(path).metadata
    out: list[Partition] = []
    row = 1
    for group in range(meta.num_row_groups):
        rows = meta.row_group(group).num_rows
        for batch, first in enumerate(range(0, rows, size)):
            count = min(size, rows - first)
            out.append(
                Partition(
                    pid=_pid("parquet", label, row + first),
                    kind="parquet",
                    path=str(path),
                    label=label,
                    start=group,
                    stop=batch,
                    first_line=row + first,
                    count=count,
                )
            )
        row += rows
    if out:  # the first row is checked like the first line of a JSON Lines file
        first_record = next(_read_parquet(out[0], fields, size, limit=1))
        if isinstance(first_record, BadRecord):
            raise InputError(
                label,
                [Problem(first_record.reason, field=first_record.field, line=first_record.line)],
            )
    return out


def _read_parquet(
    p: Partition, fields: Fields, size: int, limit: int | None = None
) -> Iterator[Record]:
    columns = _parquet_columns(Path(p.path), p.label, fields)
    batches = pq.ParquetFile(p.path).iter_batches(
        batch_size=size, row_groups=[p.start], columns=columns
    )
    # Batches before this partition's are decoded and dropped: cheap next to extraction,
    # and it keeps memory to one batch whatever the row group's size.
    for index, batch in enumerate(batches):
        if index < p.stop:
            continue
        for offset, data in enumerate(batch.to_pylist()[:limit]):
            yield _document(data, p.label, p.first_line + offset, fields, missing_published=False)
        return


# -------------------------------------------------------------------------------------
# Text files


def _decode(data: bytes, label: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(label, [Problem(f"not UTF-8 at byte {exc.start}", line=1)]) from None


def _read_txt(p: Partition) -> Iterator[Record]:
    for path, label in p.files:
        data = Path(path).read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield BadRecord(label, 1, None, f"not UTF-8 at byte {exc.start}", "not UTF-8")
            continue
        if len(text) > MAX_CHARS:
            yield BadRecord(label, 1, None, f"longer than {MAX_CHARS:,} characters", "too long")
            continue
        yield Document(label, label, 1, text, None, None)


def read_partition(p: Partition, fields: Fields, size: int) -> Iterator[Record]:
    """The records of one partition, streamed, in file order."""
    if p.kind == "jsonl":
        return _read_jsonl(p, fields)
    if p.kind == "parquet":
        return _read_parquet(p, fields, size)
    return _read_txt(p)


__all__ = [
    "MAX_CHARS",
    "BadRecord",
    "Document",
    "Fields",
    "Partition",
    "Record",
    "discover",
    "plan",
    "read_partition",
]

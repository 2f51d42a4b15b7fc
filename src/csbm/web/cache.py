"""Responses made once and served many times: the bytes of a page or JSON twin, kept per
record snapshot (or, for the rules, for the process), with an ETag.

A reader's browser revalidates every time (`Cache-Control: no-cache`) and gets `304 Not
Modified` while the record is unchanged; a new snapshot starts an empty cache, so a change
to any dossier is seen on the next request. Only responses that are the same for everyone
are kept (no CSRF token, no sign-in state), and at most `LIMIT` per cache, least recently
used out first, so that a stream of distinct query strings cannot fill the memory.

Each body is also kept gzip-compressed, made once with it, for the readers whose browser
accepts gzip (all of them): the activity page's HTML is about 14 times smaller so, and
sending it, not making it, was what a cached page cost under many readers.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Request, Response

LIMIT = 512
CACHE_CONTROL = "no-cache"
# Below this a body is sent as it is: compressing it saves less than the header costs.
GZIP_FROM = 1024


def _gzip(body: bytes) -> bytes | None:
    if len(body) < GZIP_FROM:
        return None
    packed = gzip.compress(body, compresslevel=6, mtime=0)
    return packed if len(packed) < len(body) else None


@dataclass(frozen=True)
class Entry:
    body: bytes
    etag: str
    media_type: str
    gzipped: bytes | None = None

    @property
    def gzip_etag(self) -> str:
        # A strong ETag names one representation: the compressed one has its own.
        return self.etag[:-1] + '-gz"'


class ResponseCache:
    """A bounded map from a request's path and query to a made response."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self._entries: OrderedDict[tuple[str, str, str], Entry] = OrderedDict()
        self._lock = threading.Lock()
        self.made = 0  # how many responses were made rather than found (for tests)

    def get(self, request: Request, media_type: str, make: Callable[[], bytes]) -> Entry:
        key = (media_type, request.url.path, request.url.query)
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found
        # Made outside the lock: a slow page does not hold up the others. Two requests
        # that miss at once both make it, and the same bytes are kept.
        body = make()
        etag = f'"{hashlib.blake2b(body, digest_size=12).hexdigest()}"'
        entry = Entry(body, etag, media_type, _gzip(body))
        with self._lock:
            self.made += 1
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.limit:
                self._entries.popitem(last=False)
        return entry

    def __len__(self) -> int:
        return len(self._entries)


def not_modified(request: Request, *etags: str) -> bool:
    """Does the request's If-None-Match name one of these ETags (or `*`)?"""
    header = request.headers.get("if-none-match")
    if not header:
        return False
    tags = {t.strip().removeprefix("W/") for t in header.split(",")}
    return "*" in tags or any(etag in tags for etag in etags)


def accepts_gzip(request: Request) -> bool:
    """Does the request's Accept-Encoding admit gzip (not with q=0)?"""
    for part in request.headers.get("accept-encoding", "").split(","):
        coding, _, params = part.partition(";")
        if coding.strip().lower() not in ("gzip", "*"):
            continue
        q = params.strip().lower()
        if q.startswith("q="):
            try:
                return float(q[2:]) > 0
            except ValueError:
                return False
        return True
    return False


def respond(request: Request, entry: Entry) -> Response:
    packed = entry.gzipped is not None and accepts_gzip(request)
    etag = entry.gzip_etag if packed else entry.etag
    headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL, "Vary": "Accept-Encoding"}
    # Either representation's tag revalidates: the page behind both is the same.
    if not_modified(request, entry.etag, entry.gzip_etag):
        return Response(status_code=304, headers=headers)
    if packed:
        assert entry.gzipped is not None
        headers["Content-Encoding"] = "gzip"
        return Response(entry.gzipped, media_type=entry.media_type, headers=headers)
    return Response(entry.body, media_type=entry.media_type, headers=headers)


__all__ = ["LIMIT", "Entry", "ResponseCache", "accepts_gzip", "not_modified", "respond"]

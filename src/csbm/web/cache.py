"""Responses made once and served many times: the bytes of a page or JSON twin, kept per
record snapshot (or, for the rules, for the process), with an ETag.

A reader's browser revalidates every time (`Cache-Control: no-cache`) and gets `304 Not
Modified` while the record is unchanged; a new snapshot starts an empty cache, so a change
to any dossier is seen on the next request. Only responses that are the same for everyone
are kept (no CSRF token, no sign-in state), and at most `LIMIT` per cache, least recently
used out first, so that a stream of distinct query strings cannot fill the memory.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Request, Response

LIMIT = 512
CACHE_CONTROL = "no-cache"


@dataclass(frozen=True)
class Entry:
    body: bytes
    etag: str
    media_type: str


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
        entry = Entry(body, f'"{hashlib.blake2b(body, digest_size=12).hexdigest()}"', media_type)
        with self._lock:
            self.made += 1
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.limit:
                self._entries.popitem(last=False)
        return entry

    def __len__(self) -> int:
        return len(self._entries)


def not_modified(request: Request, etag: str) -> bool:
    """Does the request's If-None-Match name this ETag (or `*`)?"""
    header = request.headers.get("if-none-match")
    if not header:
        return False
    tags = {t.strip().removeprefix("W/") for t in header.split(",")}
    return etag in tags or "*" in tags


def respond(request: Request, entry: Entry) -> Response:
    headers = {"ETag": entry.etag, "Cache-Control": CACHE_CONTROL}
    if not_modified(request, entry.etag):
        return Response(status_code=304, headers=headers)
    return Response(entry.body, media_type=entry.media_type, headers=headers)


__all__ = ["LIMIT", "Entry", "ResponseCache", "not_modified", "respond"]

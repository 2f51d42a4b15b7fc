"""Escaping for hand-written SVG and XML: every text from a dossier passes through here."""

from __future__ import annotations

import re
from html import escape

# Characters XML 1.0 forbids even when escaped; a hostile dossier could carry them.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def text(value: object) -> str:
    """Element content: escaped, and without characters XML cannot hold."""
    return escape(_FORBIDDEN.sub("", str(value)), quote=False)


def attr(value: object) -> str:
    """An attribute value (to go between double quotes)."""
    return escape(_FORBIDDEN.sub("", str(value)), quote=True)


def shorten(value: str, limit: int) -> str:
    """At most `limit` characters, cut at a word with an ellipsis (SVG text does not wrap)."""
    if len(value) <= limit:
        return value
    cut = value[: max(limit - 1, 1)].rsplit(" ", 1)[0] if " " in value[:limit] else value[:limit]
    return cut.rstrip(" ,;:(") + "…"

"""The PDF report: the HTML report laid out by WeasyPrint, offline.

The HTML carries its own print rules (A4, page numbers, rows kept whole); this module only
turns it into PDF bytes and makes sure nothing is fetched on the way: the document has no
external references, and the fetcher refuses any that slipped in, whatever their scheme.
"""

from __future__ import annotations

import logging
from typing import Any

from csbm.errors import CsbmError


class OfflineFetchError(CsbmError):
    """The HTML asked for an outside resource; csbm reports never fetch one."""


def refuse_fetch(url: str, *_args: Any, **_kwargs: Any) -> dict[str, Any]:
    """WeasyPrint url_fetcher that serves data: URLs and refuses everything else."""
    if url.startswith("data:"):
        from weasyprint.urls import default_url_fetcher  # type: ignore[import-untyped]

        result: dict[str, Any] = default_url_fetcher(url)
        return result
    raise OfflineFetchError(f"refused to fetch {url!r}: reports are rendered offline")


def html_to_pdf(html: str) -> bytes:
    """A PDF of a self-contained HTML document."""
    # WeasyPrint and its font stack are slow to import; only the PDF path needs them.
    import weasyprint  # type: ignore[import-untyped]

    # WeasyPrint logs refused fetches and unsupported CSS as warnings; they are not for
    # the reader of a csbm command's output.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document = weasyprint.HTML(string=html, url_fetcher=refuse_fetch, base_url=None)
    pdf: bytes = document.write_pdf()
    return pdf


__all__ = ["OfflineFetchError", "html_to_pdf", "refuse_fetch"]

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


def refuse_fetch(url: str, *_args: Any, **_kwargs: Any) -> Any:
    """Serve a data: URL as WeasyPrint would; refuse every other address.

    WeasyPrint catches the refusal, leaves the resource out and goes on with the document.
    """
    if not url.startswith("data:"):
        raise OfflineFetchError(f"refused to fetch {url!r}: reports are rendered offline")
    # WeasyPrint 70 fetches through a URLFetcher object; earlier versions through a function.
    try:
        from weasyprint.urls import URLFetcher  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - WeasyPrint < 70
        from weasyprint.urls import default_url_fetcher  # type: ignore[import-untyped, unused-ignore]

        return default_url_fetcher(url)
    return URLFetcher(allowed_protocols={"data"}).fetch(url)


def _fetcher() -> Any:
    try:
        from weasyprint.urls import URLFetcher
    except ImportError:  # pragma: no cover - WeasyPrint < 70 takes a plain function
        return refuse_fetch

    class OfflineFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.startswith("data:"):
                raise OfflineFetchError(f"refused to fetch {url!r}: reports are rendered offline")
            return super().fetch(url, headers)

    return OfflineFetcher(allowed_protocols={"data"})


def html_to_pdf(html: str) -> bytes:
    """A PDF of a self-contained HTML document."""
    # WeasyPrint and its font stack are slow to import; only the PDF path needs them.
    import weasyprint  # type: ignore[import-untyped]

    # WeasyPrint logs refused fetches and unsupported CSS as warnings; they are not for
    # the reader of a csbm command's output.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document = weasyprint.HTML(string=html, url_fetcher=_fetcher(), base_url=None)
    pdf: bytes = document.write_pdf()
    return pdf


__all__ = ["OfflineFetchError", "html_to_pdf", "refuse_fetch"]

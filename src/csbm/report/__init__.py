"""Renderers of assessments: terminal (Rich), Markdown and JSON for people who know csbm;
the reader's document (HTML, PDF, Markdown) and ClaimReview JSON-LD for those who do not;
and the inline SVG map and timeline both the documents and the web pages draw."""

from __future__ import annotations

from typing import TYPE_CHECKING

from csbm._lazy import exports

if TYPE_CHECKING:
    from csbm.report.claimreview import claim_reviews, to_claimreview_json
    from csbm.report.document import render_html as to_html
    from csbm.report.json import to_json
    from csbm.report.markdown import render as to_markdown
    from csbm.report.pdf import html_to_pdf
    from csbm.report.reader_markdown import render_markdown as to_reader_markdown
    from csbm.report.svg_map import map_svg
    from csbm.report.svg_timeline import timeline_svg
    from csbm.report.terminal import render as to_terminal

__getattr__, __dir__ = exports(
    __name__,
    {
        "claim_reviews": "csbm.report.claimreview",
        "to_claimreview_json": "csbm.report.claimreview",
        "to_html": "csbm.report.document:render_html",
        "to_json": "csbm.report.json",
        "to_markdown": "csbm.report.markdown:render",
        "html_to_pdf": "csbm.report.pdf",
        "to_reader_markdown": "csbm.report.reader_markdown:render_markdown",
        "map_svg": "csbm.report.svg_map",
        "timeline_svg": "csbm.report.svg_timeline",
        "to_terminal": "csbm.report.terminal:render",
    },
)

__all__ = [
    "claim_reviews",
    "html_to_pdf",
    "map_svg",
    "timeline_svg",
    "to_claimreview_json",
    "to_html",
    "to_json",
    "to_markdown",
    "to_reader_markdown",
    "to_terminal",
]

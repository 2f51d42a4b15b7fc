"""Renderers of assessments: terminal (Rich), Markdown and JSON."""

from csbm.report.json import to_json
from csbm.report.markdown import render as to_markdown
from csbm.report.terminal import render as to_terminal

__all__ = ["to_json", "to_markdown", "to_terminal"]

"""The web app (`csbm serve`): pages and JSON twins over the store. See docs/web.md.

>>> from csbm.web import create_app
>>> app = create_app("record.sqlite")  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from csbm._lazy import exports

if TYPE_CHECKING:
    from csbm.web.app import create_app

__getattr__, __dir__ = exports(__name__, {"create_app": "csbm.web.app"})

__all__ = ["create_app"]

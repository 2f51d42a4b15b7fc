"""The web app (`csbm serve`): pages and JSON twins over the store. See docs/web.md.

>>> from csbm.web import create_app
>>> app = create_app("record.sqlite")  # doctest: +SKIP
"""

from csbm.web.app import create_app

__all__ = ["create_app"]

"""Text to claims: read exercises, States, dates and figures from news text.

``csbm extract`` turns a press report on a military exercise into the material of a dossier:
the exercises named and the one reported, the States and their roles (participant, host,
observer), the period, the figures with their qualifiers and speakers, the places, and the
Vienna Document thresholds the text cites (which are not claims). It is offline and
rule-based: regular expressions, token rules and small gazetteers, no statistical model.
Every item carries the words it was read from and the reason for each inference.

From Python::

    from datetime import date
    from csbm.extract import extract, to_json

    result = extract(text, published=date(2022, 2, 11), url="https://...")
    print(to_json(result))

Modules: ``text`` (decoding, sentences), ``numbers``, ``qualifiers``, ``dates``,
``gazetteer`` (bundled data), ``exercises``, ``states``, ``attribution``, ``figures``,
``thresholds``, ``pipeline``, ``output`` (JSON, table, dossier), ``gold`` (gold records and
scoring), ``cli`` (the command).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from csbm._lazy import exports

if TYPE_CHECKING:
    from csbm.extract.output import to_dict, to_dossier, to_json, to_terminal, to_yaml
    from csbm.extract.pipeline import extract
    from csbm.extract.result import Extraction, Figure
    from csbm.extract.version import EXTRACTOR_VERSION

__getattr__, __dir__ = exports(
    __name__,
    {
        "to_dict": "csbm.extract.output",
        "to_dossier": "csbm.extract.output",
        "to_json": "csbm.extract.output",
        "to_terminal": "csbm.extract.output",
        "to_yaml": "csbm.extract.output",
        "extract": "csbm.extract.pipeline",
        "Extraction": "csbm.extract.result",
        "Figure": "csbm.extract.result",
        "EXTRACTOR_VERSION": "csbm.extract.version",
    },
)

__all__ = [
    "EXTRACTOR_VERSION",
    "Extraction",
    "Figure",
    "extract",
    "to_dict",
    "to_dossier",
    "to_json",
    "to_terminal",
    "to_yaml",
]

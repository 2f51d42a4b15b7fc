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

from csbm.extract.output import to_dict, to_dossier, to_json, to_terminal, to_yaml
from csbm.extract.pipeline import extract
from csbm.extract.result import Extraction, Figure
from csbm.extract.version import EXTRACTOR_VERSION

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

"""Figures that are the Vienna Document's thresholds, not claims about the activity.

Reports explain the rules they measure an exercise against: "the Vienna Document requires
participants conducting exercises exceeding 13,000 troops, three hundred tanks ... to
notify". Those numbers must not become claims (an exercise "of 13,000 troops" would cross the
observation threshold). A figure is a threshold mention when

- it is named as one ("the 13,000-troop threshold", "a threshold of 9,000"), or
- its sentence speaks of the Document or of notification, observation or thresholds, *and*
  of an obligation ("must", "requires", "obliges", "subject to"), *and* either the value is
  one of the Document's thresholds for that quantity or the figure describes exercises in
  general ("an exercise involving 9,000 or more troops", "exercises exceeding 13,000").

The threshold values are read from csbm's own rule parameters (``csbm/rules/parameters``:
every dated value of every parameter counted in troops, tanks, ACV or artillery, for every
version of the Document), so the extractor and the rules cannot disagree about them.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

import yaml

from csbm.model.dossier import Quantity

_VD = re.compile(r"\bVienna\s+Document\b|\bVD\s?(?:19|20)?(?:90|92|94|99|11)\b|Венск\w+\s+документ")
_CUE = re.compile(
    r"\bVienna\s+Document\b|\bthresholds?\b|\bnotif\w*|\bobserv\w*|\bOSCE\b|\bCSBMs?\b"
    r"|confidence[-\s]building",
    re.I,
)
_NORM = re.compile(
    r"\b(?:must|required?|requires|requirement|obliged?|obliges|obligation|obligatory|have\s+to"
    r"|has\s+to|need\s+to|needs\s+to|shall|subject\s+to|notifiable|trigger(?:s|ed)?|thresholds?"
    r"|ceiling|allowed|permitted|mandatory|need\s+not|needn['’]t|exempt(?:ed)?"
    r"|do(?:es)?\s+not\s+have\s+to|(?:inform|notify|tell)\s+each\s+other|provides?\s+for)\b",
    re.I,
)
_GENERIC = re.compile(
    r"\b(?:exercises?|activities|activity|drills|manoeuvres)\s+(?:\w+\s+){0,2}?"
    r"(?:involving|with|of|exceeding|above|over|that\s+exceeds?|larger\s+than|reach(?:es|ing)?"
    r"|numbering|conducting)\b[^.;]{0,30}$",
    re.I,
)
_NAMED_AFTER = re.compile(
    r"^[\s-]*(?:[\w-]+\s+){0,2}?(?:notification\s+|observation\s+|reporting\s+)?"
    r"(?:threshold|ceiling|limit)\b",
    re.I,
)
_NAMED_BEFORE = re.compile(r"\b(?:threshold|ceiling|limit)\s+(?:of|at|is)\s+[^.;]{0,25}$", re.I)
_UNITS = {q.value: q for q in Quantity}


def mentions_document(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the Vienna Document is named in text[start:end]."""
    return [m.span() for m in _VD.finditer(text, start, end)]


def _parameter_files(root: Traversable) -> list[Traversable]:
    out: list[Traversable] = []
    for child in root.iterdir():
        if child.is_dir():
            out.extend(_parameter_files(child))
        elif child.name.endswith(".yaml"):
            out.append(child)
    return out


@cache
def threshold_values() -> dict[Quantity, frozenset[int]]:
    """Every value any version of the Document uses for troops, tanks, ACV and artillery."""
    values: dict[Quantity, set[int]] = {}
    root = resources.files("csbm.rules").joinpath("parameters")
    for path in _parameter_files(root):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            continue
        quantity = _UNITS.get(str(data.get("unit")))
        if quantity is None:
            continue
        for entry in (data.get("values") or {}).values():
            value = entry.get("value") if isinstance(entry, dict) else None
            if isinstance(value, int) and not isinstance(value, bool):
                values.setdefault(quantity, set()).add(value)
    return {q: frozenset(v) for q, v in values.items()}


def speaks_of_obligation(text: str, start: int, end: int) -> bool:
    """Whether a sentence speaks of the Document (or notification, observation, thresholds)
    and of an obligation: computed once per sentence, not once per figure."""
    return _CUE.search(text, start, end) is not None and _NORM.search(text, start, end) is not None


def is_threshold(
    text: str,
    sentence_start: int,
    sentence_end: int,
    fig_start: int,
    fig_end: int,
    quantity: Quantity,
    value: int | None,
    obligation: bool,
) -> str | None:
    """Why the figure at [fig_start, fig_end) is a threshold mention, or None if it is not.

    ``obligation`` is :func:`speaks_of_obligation` for the figure's sentence.
    """
    after = text[fig_end : min(sentence_end, fig_end + 40)]
    before = text[max(sentence_start, fig_start - 60) : fig_start]
    if _NAMED_AFTER.match(after) or (
        ("threshold" in before or "limit" in before or "ceiling" in before)
        and _NAMED_BEFORE.search(before)
    ):
        return "named as a threshold"
    if not obligation:
        return None
    if value is not None and value in threshold_values().get(quantity, frozenset()):
        return (
            f"{value:,} {quantity.value} is a Vienna Document threshold, in a sentence on "
            "what the Document requires"
        )
    if _GENERIC.search(before):
        return "describes exercises in general, in a sentence on what the Document requires"
    return None


__all__ = ["is_threshold", "mentions_document", "speaks_of_obligation", "threshold_values"]

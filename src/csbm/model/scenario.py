"""The scenarios a verdict is worked out under (a plain enum, apart from the pydantic
models, so that the command line can offer them without building the models)."""

from __future__ import annotations

from enum import StrEnum


class Scenario(StrEnum):
    """Which claims feed the estimates: the States' own word, everyone else's, or all."""

    DECLARED = "declared"
    INDEPENDENT = "independent"
    ALL = "all"


__all__ = ["Scenario"]

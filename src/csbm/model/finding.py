"""What the rules say about an activity: findings and the assessment that holds them."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator


class Outcome(StrEnum):
    COMPLIANT = "compliant"
    NON_COMPLIANT = "non_compliant"
    INDETERMINATE = "indeterminate"
    NOT_APPLICABLE = "not_applicable"
    CONFLICT = "conflict"


class Scenario(StrEnum):
    """Which claims feed the estimates: the States' own word, everyone else's, or all."""

    DECLARED = "declared"
    INDEPENDENT = "independent"
    ALL = "all"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Level(StrEnum):
    """What a citation (paragraph, and figure where it carries one) was checked against."""

    OFFICIAL_TEXT = "official_text"
    OFFICIAL_TRANSLATION = "official_translation"
    SECONDARY = "secondary"
    UNVERIFIED = "unverified"


class CheckSource(_Frozen):
    """One source a citation was checked against, and what of it that source states."""

    url: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    states_figure: bool = Field(description="The source states the figure (value).")
    states_paragraph: bool = Field(description="The source states the paragraph number.")
    note: str | None = None


class Citation(_Frozen):
    instrument: str = Field(description="Instrument id, e.g. vd2011.")
    symbol: str | None = Field(default=None, description="Document symbol, e.g. FSC.DOC/1/11.")
    paragraph: str = Field(description="Chapter and paragraph, e.g. 'V 40.1.1'.")
    level: Level = Field(
        default=Level.UNVERIFIED,
        description="official_text, official_translation (language named), secondary "
        "(independent sources, listed) or unverified.",
    )
    language: str | None = Field(
        default=None, description="The language of the official translation checked."
    )
    sources: list[CheckSource] = Field(
        default_factory=list, description="What the citation was checked against."
    )

    @model_validator(mode="before")
    @classmethod
    def _drop_derived(cls, data: object) -> object:
        # JSON written by csbm carries the derived `verified` flag; reading it back (or reading
        # JSON from before the levels) must not fail on it. It is recomputed from the level.
        if isinstance(data, dict) and "verified" in data:
            data = {k: v for k, v in data.items() if k != "verified"}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Citation:
        if (self.level is Level.OFFICIAL_TRANSLATION) != (self.language is not None):
            raise ValueError("name the language exactly when the level is official_translation")
        if self.level is not Level.UNVERIFIED and not self.sources:
            raise ValueError(f"level {self.level.value} needs the sources checked")
        return self

    @property
    def secondary_count(self) -> int:
        """Independent sources stating both the figure and the paragraph."""
        return sum(1 for s in self.sources if s.states_figure and s.states_paragraph)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def verified(self) -> bool:
        """Checked against a text: the official text or an official translation, or at
        least two independent secondary sources stating the same figure and paragraph."""
        if self.level in (Level.OFFICIAL_TEXT, Level.OFFICIAL_TRANSLATION):
            return True
        return self.level is Level.SECONDARY and self.secondary_count >= 2

    def level_label(self) -> str:
        if self.level is Level.OFFICIAL_TEXT:
            return "official text"
        if self.level is Level.OFFICIAL_TRANSLATION:
            return f"official {self.language} translation"
        if self.level is Level.SECONDARY:
            n = len(self.sources)
            both = self.secondary_count
            return (
                f"secondary: {n} source{'s' if n != 1 else ''}, {both} stating figure and paragraph"
            )
        return "unverified"

    def label(self) -> str:
        return f"{self.symbol or self.instrument} {self.paragraph} ({self.level_label()})"


class ParameterUse(_Frozen):
    path: str
    value: int | float | str | bool | None
    since: date = Field(description="The date this value took effect.")
    confidence: str
    citation: Citation


class Deadline(_Frozen):
    due: date | datetime | None
    met: bool | None
    done: date | datetime | None = Field(default=None, description="When the act was done.")


class Finding(_Frozen):
    rule: str
    subject: str | None = Field(
        default=None,
        description="What the finding is about when it is not the whole activity "
        "(a State, a State-year, a request).",
    )
    applies: bool | None
    outcome: Outcome
    reason: str
    citations: list[Citation]
    parameters: list[ParameterUse] = Field(default_factory=list)
    claims: list[str] = Field(default_factory=list)
    deadline: Deadline | None = None
    assumptions: list[str] = Field(
        default_factory=list,
        description="What the rule took as given because the encoding cannot check it.",
    )

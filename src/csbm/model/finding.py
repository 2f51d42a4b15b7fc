"""What the rules say about an activity: findings and the assessment that holds them."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

from csbm.model.dossier import DayOrMoment
from csbm.model.scenario import Scenario as Scenario


def _empty_list() -> list[Any]:
    """A new empty list. A Python function rather than the builtin ``list``: pydantic's
    ``model_construct`` inspects each default factory's signature on every call, and for a
    builtin that means parsing its text signature (60% of ``csbm record gaps``' time)."""
    return []


class Outcome(StrEnum):
    COMPLIANT = "compliant"
    NON_COMPLIANT = "non_compliant"
    INDETERMINATE = "indeterminate"
    NOT_APPLICABLE = "not_applicable"
    CONFLICT = "conflict"


class Lean(StrEnum):
    """The outcome the evidence favours when the rules alone cannot settle it."""

    COMPLIANT = "compliant"
    NON_COMPLIANT = "non_compliant"
    NOT_APPLICABLE = "not_applicable"
    NONE = "none"  # the evidence is balanced


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
        default_factory=_empty_list, description="What the citation was checked against."
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
    done: DayOrMoment | None = Field(
        default=None, description="When the act was done (a day, moment, month or year)."
    )


class Likelihood(_Frozen):
    """The probability behind a lean, as a number and in the words of ICD 203."""

    probability: float = Field(ge=0, le=1)
    words: str = Field(description="ICD 203 expression, e.g. 'likely', 'very unlikely'.")

    def text(self) -> str:
        return f"{self.words} ({self.probability:.0%})"


class Hinge(_Frozen):
    """An unknown (or presumed) fact that would change the outcome, and the value that would."""

    fact: str = Field(description="The fact, e.g. single_operational_command, tanks, notification.")
    label: str = Field(description="The fact in words, e.g. 'single operational command'.")
    flip: str = Field(description="The value that would change the outcome, e.g. 'false'.")
    effect: str = Field(description="What that value would make of it, e.g. 'not notifiable'.")
    presumed: bool = Field(
        default=False, description="The current reading of the fact rests on a presumption."
    )

    def text(self) -> str:
        mark = ", presumed" if self.presumed else ""
        return f"{self.label}{mark} ({self.flip} would make it {self.effect})"


class PresumptionUse(_Frozen):
    """A presumption a finding relied on (csbm/rules/presumptions.yaml), or its rebuttal."""

    id: str
    statement: str
    confidence: float = Field(ge=0, le=1)
    since: date
    citation: str
    rebutted_by: str | None = Field(
        default=None, description="The source that rebuts it; the presumption was then not used."
    )


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
    parameters: list[ParameterUse] = Field(default_factory=_empty_list)
    claims: list[str] = Field(default_factory=_empty_list)
    deadline: Deadline | None = None
    assumptions: list[str] = Field(
        default_factory=_empty_list,
        description="What the rule took as given because the encoding cannot check it.",
    )
    # Set only where the outcome is indeterminate or conflict (docs/lean.md).
    lean: Lean | None = Field(
        default=None, description="The outcome the evidence favours (never instead of outcome)."
    )
    likelihood: Likelihood | None = Field(
        default=None, description="The probability of the lean (or of the likeliest outcome)."
    )
    hinges_on: list[Hinge] = Field(
        default_factory=_empty_list, description="One to three facts that would change the outcome."
    )
    presumptions: list[PresumptionUse] = Field(
        default_factory=_empty_list, description="Presumptions used (or rebutted) by this finding."
    )
    conditional_on: list[str] = Field(
        default_factory=_empty_list,
        description="Facts taken as given by --assume (FACT=VALUE): the verdict is conditional.",
    )
    basis: list[str] = Field(
        default_factory=_empty_list,
        description="With `lean`: how the probability of each fact was worked out.",
    )
    summary: str | None = Field(
        default=None,
        description="Headline duties: the reasons in short, as the headline quotes them "
        "(facts, then what the finding hinges on).",
    )

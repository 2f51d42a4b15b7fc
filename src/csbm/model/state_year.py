"""A State-year record: the verification and exchange facts of one participating State in one
calendar year (Chapters I and IX), kept apart from activity dossiers.

Inspections and evaluation visits are recorded on the receiving State's record, since the
quotas are the receiving State's. Every fact names the source it comes from.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, StrictBool, model_validator

from csbm.model.dossier import Slug, Source, StateCode

__all__ = [
    "Answer",
    "Contact",
    "ContactKind",
    "IncidentRequest",
    "NewType",
    "StateYear",
    "Statement",
    "Submission",
    "Verification",
    "VerificationKind",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class VerificationKind(StrEnum):
    INSPECTION = "inspection"
    EVALUATION = "evaluation"


class Answer(StrEnum):
    ACCEPTED = "accepted"
    REFUSED = "refused"
    UNKNOWN = "unknown"


class Verification(_Model):
    """One request for an inspection or evaluation visit on the State's territory."""

    kind: VerificationKind
    by: StateCode | None = Field(
        description="The requesting (inspecting or evaluating) State; null where the source "
        "does not name it."
    )
    requested: dt.date | None = Field(default=None, description="Date of the request, if known.")
    answer: Answer
    answered: dt.date | None = None
    start: dt.date | None = Field(
        default=None, description="First day of the visit, if it took place."
    )
    not_after: dt.date | None = Field(
        default=None,
        description="Where neither the request nor the visit is dated: the latest day the "
        "request can have been made (e.g. the date of the report of it).",
    )
    end: dt.date | None = None
    counts_against_quota: StrictBool | None = Field(
        default=True,
        description="False where the Document does not count it (e.g. force majeure); "
        "null = unknown.",
    )
    grounds: str | None = Field(default=None, description="Grounds given for a refusal.")
    quota_cited: StrictBool | None = Field(
        default=None,
        description="For a refusal: the receiving State gave its quota for the year as the "
        "reason; null = not said.",
    )
    area: str | None = Field(default=None, description="Specified area or unit, in our words.")
    source: Slug
    note: str | None = None

    @model_validator(mode="after")
    def _dated(self) -> Verification:
        if self.requested is None and self.start is None and self.not_after is None:
            raise ValueError("give the request date, the first day of the visit, or not_after")
        if self.start and self.end and self.end < self.start:
            raise ValueError("the visit ends before it starts")
        return self

    @property
    def day(self) -> dt.date:
        """The date the request takes its place in the year: the request, else the visit."""
        found = self.requested or self.start or self.not_after
        assert found is not None
        return found

    @property
    def exact(self) -> bool:
        """False where only the latest possible date is known."""
        return self.requested is not None or self.start is not None


class Statement(_Model):
    """A State's or an observer's statement about the quota (e.g. 'quota exhausted')."""

    date: dt.date
    kind: VerificationKind
    says: str = Field(min_length=1, description="What was stated, in our words.")
    quota_exhausted: StrictBool | None = None
    source: Slug


class Submission(_Model):
    """An exchange owed once a year (the Chapter I annual exchange of military information)."""

    made: StrictBool
    date: dt.date | None = None
    source: Slug
    note: str | None = None

    @model_validator(mode="after")
    def _dated(self) -> Submission:
        if self.made and self.date is None:
            raise ValueError("a submission that was made needs its date (or say made: false)")
        return self


class ContactKind(StrEnum):
    AIR_BASE_VISIT = "air_base_visit"
    DEMONSTRATION = "demonstration"
    FACILITY_VISIT = "facility_visit"


class Contact(_Model):
    """A Chapter IV contact the State hosted for representatives of the other States."""

    kind: ContactKind
    date: dt.date
    what: str | None = Field(default=None, description="Air base, facility or type shown.")
    source: Slug


class NewType(_Model):
    """A new type of major weapon and equipment system the State deployed (Chapter IV)."""

    name: str = Field(min_length=1)
    first_deployed: dt.date
    source: Slug


class IncidentRequest(_Model):
    """A request to the State to clarify a hazardous incident of a military nature (Ch. III)."""

    by: StateCode
    date: dt.date
    answered: StrictBool | None = Field(description="Clarification given; null = unknown.")
    answer_date: dt.date | None = None
    source: Slug


class StateYear(_Model):
    csbm_state_year: int = Field(ge=1, le=1, description="Format version.")
    state: StateCode
    year: int = Field(ge=1991, le=2100)
    sources: list[Source] = Field(min_length=1)
    units_reported: int | None = Field(
        default=None,
        ge=0,
        description="Units the State reported in its annual exchange (for the evaluation "
        "quota); null = unknown.",
    )
    verifications: list[Verification] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    annual_exchange: Submission | None = Field(
        default=None,
        description="The Chapter I exchange of information valid for this year (due by 15 "
        "December of the year before).",
    )
    defence_planning: Submission | None = Field(
        default=None, description="The Chapter II defence planning information for this year."
    )
    budget_approved: dt.date | None = Field(
        default=None, description="The day this year's military budget was approved."
    )
    budget_source: Slug | None = None
    air_combat_units: StrictBool | None = Field(
        default=None, description="The State reports air combat units; null = unknown."
    )
    contacts: list[Contact] = Field(default_factory=list)
    new_types: list[NewType] = Field(default_factory=list)
    incident_requests: list[IncidentRequest] = Field(default_factory=list)
    note: str | None = None

    @model_validator(mode="after")
    def _sources_known(self) -> StateYear:
        ids = {s.id for s in self.sources}
        cited = [v.source for v in self.verifications] + [s.source for s in self.statements]
        cited += [c.source for c in self.contacts] + [n.source for n in self.new_types]
        cited += [r.source for r in self.incident_requests]
        for sub in (self.annual_exchange, self.defence_planning):
            if sub:
                cited.append(sub.source)
        if self.budget_source:
            cited.append(self.budget_source)
        missing = sorted(set(cited) - ids)
        if missing:
            raise ValueError(f"unknown source id(s): {', '.join(missing)}")
        for v in self.verifications:
            if v.by == self.state:
                raise ValueError(f"{self.state} cannot request a visit of itself")
            if v.day.year not in (self.year, self.year - 1):
                raise ValueError(f"a {v.kind.value} dated {v.day} is not in {self.year}")
        return self

    @property
    def id(self) -> str:
        return f"{self.state}-{self.year}"

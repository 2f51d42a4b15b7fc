"""The one exception hierarchy of csbm.

Every error csbm raises on purpose derives from :class:`CsbmError`, so a caller
(and the CLI, which maps them to exit code 2) can catch them in one place::

    CsbmError
    ├── InputError              bad input from a person: names file, line and field
    │   ├── DossierError        a dossier that cannot be read or does not validate
    │   ├── CaseError           a YAML rule case that cannot be read
    │   ├── OverlayError        a what-if overlay that cannot be read (csbm.rules.overlay)
    │   └── ExtractDossierError extracted claims that cannot make or join a dossier
    │                           (csbm.extract.output.dossier)
    ├── RulesetError            the bundled rules or parameters are broken or unknown
    │   ├── ParameterError      a parameter file is malformed, or has no value for a date
    │   └── UnknownRuleError    a rule id that is not registered
    ├── UsageError              a command-line request that makes no sense (bad option value)
    ├── StoreError              the database cannot do what was asked (not initialised,
    │   │                       unreachable, unknown activity, schema from another version)
    │   └── ConflictError       a write based on a version that is no longer current (the
    │                           web answers 409)
    ├── BatchError              a batch run left partitions unprocessed (a failed task, not
    │                           a bad document; csbm.batch.run): exit code 1, rerun to finish
    ├── OfflineFetchError       a report asked for an outside resource while making a PDF
    │                           (csbm.report.pdf); reports never fetch one
    └── AuthError               a web write without valid credentials (401) or CSRF token
                                (403) (csbm.web.security); the app answers with the status

The subclasses defined elsewhere live beside the code that raises them; this tree is the
one place that lists them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class CsbmError(Exception):
    """Base class for every error csbm raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is and what is wrong."""

    message: str
    field: str | None = None
    line: int | None = None

    def render(self, path: Path | str | None) -> str:
        where = str(path) if path is not None else ""
        if self.line is not None:
            where = f"{where or '<input>'}:{self.line}"
        parts = [p for p in (where, self.field, self.message) if p]
        return ": ".join(parts)


class InputError(CsbmError):
    """Input from a person (a file, an option) is malformed; the message says where."""

    def __init__(self, path: Path | str | None, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(p.render(path) for p in problems))


class DossierError(InputError):
    """A dossier file cannot be parsed or does not validate."""


class CaseError(InputError):
    """A YAML rule case file cannot be parsed or does not validate."""


class RulesetError(CsbmError):
    """The bundled rules, instruments or parameters are broken, or a ruleset is unknown."""


class ParameterError(RulesetError):
    """A parameter file is malformed, or has no value in force on a date."""


class UnknownRuleError(RulesetError):
    """A rule id that is not registered."""


class UsageError(CsbmError):
    """A request that makes no sense, such as an unknown scenario name."""


class StoreError(CsbmError):
    """The database cannot do what was asked: not initialised, unreachable, an unknown
    activity id, a schema from another csbm version, or a write that failed."""


class ConflictError(StoreError):
    """A write prepared against a version of the record that is no longer current;
    nothing was written (the web answers 409)."""


__all__ = [
    "CaseError",
    "ConflictError",
    "CsbmError",
    "DossierError",
    "InputError",
    "ParameterError",
    "Problem",
    "RulesetError",
    "StoreError",
    "UnknownRuleError",
    "UsageError",
]

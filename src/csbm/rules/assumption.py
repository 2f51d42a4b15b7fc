"""Facts taken as given for one assessment (`--assume FACT=VALUE`): what-ifs on the record,
not on the law (that is what overlays are for). Every finding of such an assessment lists
them in `conditional_on` (docs/lean.md#assuming-a-fact)."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from csbm.errors import UsageError
from csbm.model.dossier import ActType, Quantity

if TYPE_CHECKING:
    from csbm.evidence.estimate import Estimates
    from csbm.model.dossier import Dossier

BOOLEAN_FACTS = ("single_operational_command", "alert")
FIGURE_FACTS = {
    q.value: q for q in (Quantity.TROOPS, Quantity.TANKS, Quantity.ACV, Quantity.ARTILLERY)
}
ACT_FACTS = {
    t.value: t
    for t in (
        ActType.NOTIFICATION,
        ActType.OBSERVATION_INVITATION,
        ActType.CALENDAR_ENTRY,
        ActType.LARGE_ACTIVITY_COMMUNICATION,
    )
}
# Acts the host State owes; the others each conducting State owes.
_BY_HOSTS = {ActType.NOTIFICATION, ActType.OBSERVATION_INVITATION}
KNOWN = (*BOOLEAN_FACTS, *FIGURE_FACTS, *ACT_FACTS)
ASSUMED_SOURCE = "assumed"


@dataclass(frozen=True)
class Assumptions:
    flags: dict[str, bool] = field(default_factory=dict)
    figures: dict[Quantity, int] = field(default_factory=dict)
    # act type -> (made, date or None)
    acts: dict[ActType, tuple[bool, date | None]] = field(default_factory=dict)

    def apply(self, dossier: Dossier) -> Dossier:
        """The dossier with the assumed facts written in (acts of an assumed type replaced);
        figures are applied to the estimates (`apply_to_estimates`)."""
        from csbm.model.dossier import Dossier as DossierModel

        if not self.flags and not self.acts:
            return dossier
        data: dict[str, Any] = dossier.model_dump(mode="json", exclude_none=True)
        data["activity"].update(self.flags)
        if self.acts:
            a = dossier.activity
            data["sources"].append(
                {
                    "id": ASSUMED_SOURCE,
                    "kind": "other",
                    "publisher": "csbm --assume",
                    "symbol": "csbm --assume",
                }
            )
            data["acts"] = [
                x for x in data.get("acts", []) if x["type"] not in {t.value for t in self.acts}
            ]
            for act_type, (made, when) in self.acts.items():
                by = a.host_states if act_type in _BY_HOSTS else a.conducting_states
                act: dict[str, Any] = {
                    "type": act_type.value,
                    "by": list(by),
                    "made": made,
                    "source": ASSUMED_SOURCE,
                }
                if when is not None:
                    act["date"] = when.isoformat()
                data["acts"].append(act)
        return DossierModel.model_validate(data)

    def apply_to_estimates(self, estimates: Estimates) -> None:
        """An assumed figure replaces what the claims give, in every scenario."""
        from csbm.evidence.estimate import Estimate
        from csbm.evidence.interval import Interval

        for quantity, n in self.figures.items():
            estimates.by_quantity[quantity] = Estimate(quantity, Interval(n, n), ())
            estimates.weighing.pop(quantity, None)


def _bool(fact: str, text: str) -> bool:
    if text.lower() in ("true", "yes"):
        return True
    if text.lower() in ("false", "no"):
        return False
    raise UsageError(f"--assume {fact}={text}: give true or false")


def parse_assumptions(items: Sequence[str]) -> Assumptions:
    """FACT=VALUE pairs, each checked, with a did-you-mean for an unknown fact."""
    out = Assumptions()
    for item in items:
        fact, sep, value = item.partition("=")
        fact, value = fact.strip(), value.strip()
        if not sep or not fact or not value:
            raise UsageError(
                f"--assume {item!r}: write FACT=VALUE, e.g. single_operational_command=true"
            )
        if fact in BOOLEAN_FACTS:
            out.flags[fact] = _bool(fact, value)
        elif fact in FIGURE_FACTS:
            try:
                n = int(value.replace(",", "").replace("_", ""))
            except ValueError:
                raise UsageError(f"--assume {fact}={value}: give a whole number") from None
            if n < 0:
                raise UsageError(f"--assume {fact}={value}: a count cannot be negative")
            out.figures[FIGURE_FACTS[fact]] = n
        elif fact in ACT_FACTS:
            out.acts[ACT_FACTS[fact]] = _act(fact, value)
        else:
            near = difflib.get_close_matches(fact, KNOWN, n=1)
            hint = f"; did you mean {near[0]}?" if near else ""
            raise UsageError(
                f"--assume: unknown fact {fact!r}{hint} Known facts: {', '.join(KNOWN)}"
            )
    return out


def _act(fact: str, value: str) -> tuple[bool, date | None]:
    if value == "not_made":
        return False, None
    if value == "made":
        return True, None
    head, _, when = value.partition(":")
    if head == "made" and when:
        try:
            return True, date.fromisoformat(when)
        except ValueError:
            raise UsageError(
                f"--assume {fact}={value}: {when!r} is not a date (YYYY-MM-DD)"
            ) from None
    raise UsageError(f"--assume {fact}={value}: give made, made:YYYY-MM-DD or not_made")


__all__ = ["KNOWN", "Assumptions", "parse_assumptions"]

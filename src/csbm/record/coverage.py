"""How much of the record is on file: dossiers, years, and the shares carrying acts.

Issue 13 measures the record by these counts: the number of dossiers and the years they
cover, the share of dossiers with any act, and the share of top-level activities (no
parent) with a notification act, made or not made.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from csbm.model.dossier import Dossier


@dataclass(frozen=True)
class Coverage:
    dossiers: int
    with_act: int
    top_level: int
    top_level_with_notification: int
    years: tuple[int, ...]

    @property
    def missing_years(self) -> list[int]:
        if not self.years:
            return []
        return sorted(set(range(self.years[0], self.years[-1] + 1)) - set(self.years))

    def lines(self) -> list[str]:
        def pct(n: int, of: int) -> str:
            return f"{n}/{of} ({100 * n / of:.0f}%)" if of else "0/0"

        span = f"{self.years[0]}-{self.years[-1]}" if self.years else "none"
        missing = self.missing_years
        return [
            f"dossiers: {self.dossiers}",
            f"dossiers with an act: {pct(self.with_act, self.dossiers)}",
            "top-level activities with a notification act: "
            f"{pct(self.top_level_with_notification, self.top_level)}",
            f"years: {span}" + (f" (no activity in {missing})" if missing else ""),
        ]

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["years"] = list(self.years)
        data["missing_years"] = self.missing_years
        return data


def coverage(dossiers: Iterable[Dossier]) -> Coverage:
    from csbm.model.dossier import ActType

    all_ = list(dossiers)
    top = [d for d in all_ if d.activity.parent is None]
    return Coverage(
        dossiers=len(all_),
        with_act=sum(1 for d in all_ if d.acts),
        top_level=len(top),
        top_level_with_notification=sum(
            1 for d in top if any(a.type is ActType.NOTIFICATION for a in d.acts)
        ),
        years=tuple(sorted({d.activity.start.year for d in all_})),
    )

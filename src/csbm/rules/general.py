"""Who the Document binds: the participating States on the activity's dates."""

from __future__ import annotations

from csbm.data.states import participating_on
from csbm.model.finding import Finding, Outcome
from csbm.rules.engine import Context, rule


@rule(
    "general.participating_states",
    title="The States named were participating States",
    cites=[("vd2011", "Preamble (participating States)")],
    since="1991-01-01",
    reads=[],
)
def participating_states(ctx: Context) -> list[Finding]:
    """The Document's commitments bind the participating States of the CSCE/OSCE; a State
    that had not joined (or had left) on the activity's start date was not bound by them."""
    activity = ctx.dossier.activity
    named = list(dict.fromkeys([*activity.conducting_states, *activity.host_states]))
    day = activity.start
    # The States file lists every seat the CSCE/OSCE ever had: a code not in it never took part.
    outside = [s for s in named if not participating_on(s, day)]
    if outside:
        return [
            ctx.finding(
                Outcome.NOT_APPLICABLE,
                f"{', '.join(outside)} {'was' if len(outside) == 1 else 'were'} not a "
                f"participating State on {day}, so the Document did not bind "
                f"{'it' if len(outside) == 1 else 'them'} for this activity (see csbm states "
                "list).",
                applies=False,
            )
        ]
    return [
        ctx.finding(
            Outcome.COMPLIANT,
            f"All the States named ({', '.join(named)}) were participating States on {day}.",
            applies=True,
        )
    ]

"""schema.org ClaimReview JSON-LD for an activity's verdicts (docs/reports.md explains it).

One ClaimReview per obligation the Vienna Document puts on the activity (the rules of
Chapters III, V, VI, VII and VIII): the claim reviewed is "<activity> broke no rule of the
<Document> on <topic>", the claim a State makes when it says its exercise kept the rules.
The rating is csbm's outcome for that rule on all the evidence (the ``all`` scenario; the
first scenario judged when ``all`` was not), mapped by ``RATING``. Pure: the view in,
plain data out.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from csbm import __version__
from csbm.data.states import participating_states
from csbm.report.document import web_url

# The truth of "X broke no rule of … on …" for each csbm outcome: (ratingValue, alternateName).
# Compliant and not applicable (no obligation arose) both make the claim true; indeterminate
# and conflict leave it unproven; non-compliant makes it false.
BEST_RATING, WORST_RATING = 5, 1
RATING: dict[str, tuple[int, str]] = {
    "compliant": (5, "True: compliant"),
    "not_applicable": (5, "True: no obligation arose"),
    "indeterminate": (3, "Unproven: the evidence cannot decide"),
    "conflict": (3, "Unproven: the rules conflict"),
    "non_compliant": (1, "False: not compliant"),
}

# What each obligation is about, in the words of the claim.
TOPIC = {
    "ch03.unusual_activity_reply": "replying to a request about unusual military activity",
    "ch03.meeting": "meetings on unusual military activity",
    "ch05.prior_notification": "prior notification",
    "ch06.observation_invitation": "inviting observers",
    "ch07.annual_calendar": "the annual calendar",
    "ch08.large_activity_communication": "announcing large activities two years ahead",
}

CSBM_AUTHOR: dict[str, Any] = {
    "@type": "Organization",
    "name": "csbm",
    "description": "csbm applies the OSCE Vienna Document on confidence- and security-building "
    "measures to military activities and cites every verdict.",
}

# The rules that put an obligation on the activity's States (not the signals, the zone or
# the check that the States took part).
_OBLIGATION_PREFIXES = ("ch03.", "ch05.", "ch06.", "ch07.", "ch08.", "ch09.")


def document_name(view: Mapping[str, Any]) -> str:
    """ "Vienna Document 2011" from the ruleset's title; a plain name without one."""
    ruleset = view.get("ruleset")
    if not ruleset:
        return "Vienna Document"
    return str(ruleset.get("title") or ruleset.get("id")).split(" on ")[0]


def _topic(rule: str, title: str) -> str:
    if rule in TOPIC:
        return TOPIC[rule]
    if rule.startswith("ch08.constraint_"):
        return f"Chapter VIII constraint {rule.removeprefix('ch08.constraint_')}"
    return title[:1].lower() + title[1:]


def _rated_scenario(view: Mapping[str, Any]) -> Mapping[str, Any] | None:
    verdicts: Sequence[Mapping[str, Any]] = view.get("verdicts") or []
    for v in verdicts:
        if v.get("scenario") == "all":
            return v
    return verdicts[0] if verdicts else None


def _state_name(code: str) -> str:
    state = participating_states().get(code)
    return state.name if state is not None else code


def _appearances(view: Mapping[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Sources that speak for a conducting State, and those States as the claim's authors.

    A State's own public account of its activity is taken as its claim to have kept the
    rules; csbm does not read the text, so each appearance should be checked by a person.
    """
    conducting = set(view["activity"].get("conducting_states") or [])
    authors: dict[str, dict[str, Any]] = {}
    works = []
    for s in view.get("sources") or []:
        if s.get("state") not in conducting:
            continue
        authors.setdefault(
            s["state"],
            {"@type": "Organization", "name": f"{_state_name(s['state'])} (government)"},
        )
        work: dict[str, Any] = {"@type": "CreativeWork", "publisher": s.get("publisher")}
        if s.get("title"):
            work["headline"] = s["title"]
        if web_url(s.get("url")):
            work["url"] = web_url(s.get("url"))
        if s.get("published"):
            work["datePublished"] = s["published"]
        if s.get("symbol"):
            work["identifier"] = s["symbol"]
        works.append(work)
    return works, list(authors.values())


def claim_reviews(view: Mapping[str, Any], *, url: str, published: date) -> list[dict[str, Any]]:
    """One ClaimReview per obligation judged, as JSON-ready dicts.

    ``url`` is where the review is (or will be) published; each ClaimReview's url is it
    plus ``#`` and the rule id. ``published`` is the date the review was made.
    """
    rated = _rated_scenario(view)
    if rated is None:
        return []
    act = view["activity"]
    name = act["name"]
    doc = document_name(view)
    works, authors = _appearances(view)
    others = [v for v in view.get("verdicts") or [] if v is not rated]
    findings: Sequence[Mapping[str, Any]] = view.get("findings") or []
    out = []
    for rule, outcome in rated.get("outcomes", {}).items():
        if not rule.startswith(_OBLIGATION_PREFIXES):
            continue
        mine = [f for f in findings if f["rule"] == rule and f["scenario"] == rated["scenario"]]
        # The finding shown is the one that gave the rule its (worst) outcome.
        shown = next((f for f in mine if f["outcome"] == outcome), mine[0] if mine else None)
        title = shown["title"] if shown else rule
        value, word = RATING[outcome]
        explanation = f"csbm {__version__} outcome: {outcome}"
        body = [f"Rule: {title}.", shown["reason"]] if shown else []
        lean = shown.get("lean") if shown else None
        if shown and lean and lean != "none" and shown.get("likelihood"):
            # The lean beside the outcome, never instead of it: the rating stays the outcome's.
            p = shown["likelihood"]
            truth = {"non_compliant": "false", "compliant": "true", "not_applicable": "true"}
            word += f"; the evidence leans {truth[lean]} ({p['words']}, {p['probability']:.0%})"
            explanation += f"; lean: {lean} ({p['words']}, {p['probability']:.0%})"
        if shown and shown.get("lean_text"):
            body.append(shown["lean_text"])
        if shown and shown["citations"]:
            body.append("Cites " + "; ".join(c["label"] for c in shown["citations"]) + ".")
        elsewhere = [
            f"{v['label']}: {v['outcomes'][rule].replace('_', ' ')}"
            for v in others
            if rule in v.get("outcomes", {})
        ]
        if elsewhere:
            body.append("Other scenarios: " + "; ".join(elsewhere) + ".")
        claim: dict[str, Any] = {
            "@type": "Claim",
            "about": {
                "@type": "Event",
                "name": name,
                "startDate": act["start"],
                "endDate": act["end"],
            },
        }
        if authors:
            claim["author"] = authors
        if works:
            claim["appearance"] = works
        out.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "url": f"{url}#{rule}",
                "claimReviewed": f"{name} broke no rule of the {doc} on {_topic(rule, title)}",
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": value,
                    "bestRating": BEST_RATING,
                    "worstRating": WORST_RATING,
                    "alternateName": word,
                    "ratingExplanation": explanation,
                },
                "reviewBody": " ".join(body),
                "itemReviewed": claim,
                "author": CSBM_AUTHOR,
                "datePublished": published.isoformat(),
            }
        )
    return out


def to_claimreview_json(view: Mapping[str, Any], *, url: str, published: date) -> str:
    """The ClaimReviews as one JSON-LD document (an array of top-level ClaimReviews)."""
    return (
        json.dumps(claim_reviews(view, url=url, published=published), indent=2, ensure_ascii=False)
        + "\n"
    )


__all__ = ["RATING", "TOPIC", "claim_reviews", "document_name", "to_claimreview_json"]

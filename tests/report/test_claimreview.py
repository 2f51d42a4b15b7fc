"""ClaimReview JSON-LD: the properties schema.org and Google's fact-check guide ask for."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from csbm.model.finding import Outcome
from csbm.report.claimreview import RATING, claim_reviews, to_claimreview_json
from tests.report.conftest import ACTIVITIES

View = Callable[[str], dict[str, Any]]
DAY = date(2026, 11, 27)


def check_claim_review(item: dict[str, Any]) -> None:
    """Required: claimReviewed, reviewRating (alternateName), url; recommended: author,
    datePublished, itemReviewed (a Claim), ratingValue, bestRating, worstRating."""
    assert item["@context"] == "https://schema.org"
    assert item["@type"] == "ClaimReview"
    assert isinstance(item["claimReviewed"], str) and item["claimReviewed"]
    rating = item["reviewRating"]
    assert rating["@type"] == "Rating"
    assert isinstance(rating["alternateName"], str) and rating["alternateName"]
    for key in ("ratingValue", "bestRating", "worstRating"):
        assert isinstance(rating[key], int)
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert isinstance(item["url"], str) and "#" in item["url"]
    assert item["author"]["@type"] == "Organization" and item["author"]["name"] == "csbm"
    date.fromisoformat(item["datePublished"])
    claim = item["itemReviewed"]
    assert claim["@type"] == "Claim"
    for author in claim.get("author", []):
        assert author["@type"] in ("Organization", "Person") and author["name"]
    for work in claim.get("appearance", []):
        assert work["@type"] == "CreativeWork"


def test_every_outcome_has_a_rating() -> None:
    assert set(RATING) == {o.value for o in Outcome}
    for value, word in RATING.values():
        assert 1 <= value <= 5 and word


@pytest.mark.parametrize("activity", ACTIVITIES)
def test_structure_for_bundled_dossiers(bundled_view: View, activity: str) -> None:
    view = bundled_view(activity)
    text = to_claimreview_json(view, url="https://example.org/r", published=DAY)
    items = json.loads(text)
    assert isinstance(items, list) and items
    for item in items:
        check_claim_review(item)
        assert item["datePublished"] == "2026-11-27"
        assert item["claimReviewed"].startswith(view["activity"]["name"])
    urls = [i["url"] for i in items]
    assert len(set(urls)) == len(urls)
    # Only obligations are reviewed: no signal, zone or participation rule.
    assert all(u.split("#")[1].startswith("ch") for u in urls)


def test_union_resolve_ratings_and_who_claims_it(bundled_view: View) -> None:
    view = bundled_view("union-resolve-2022")
    items = {i["url"].split("#")[1]: i for i in claim_reviews(view, url="u", published=DAY)}
    notify = items["ch05.prior_notification"]
    assert notify["claimReviewed"] == (
        "Union Resolve 2022 broke no rule of the Vienna Document 2011 on prior notification"
    )
    assert notify["reviewRating"]["ratingValue"] == 3
    assert notify["reviewRating"]["alternateName"].startswith("Unproven")
    # The lean stands beside the outcome's rating, never in its place.
    assert "leans false (very likely, 85%)" in notify["reviewRating"]["alternateName"]
    assert "lean: non_compliant" in notify["reviewRating"]["ratingExplanation"]
    reply = items["ch03.unusual_activity_reply"]
    # Belarus replied in time but, on the requesting States' word, did not answer.
    assert reply["reviewRating"]["ratingValue"] == 1
    assert reply["reviewRating"]["alternateName"] == "False: not compliant"
    # Moscow and Minsk said the exercise kept within the Document: their statements are
    # the claim's appearances, and the two governments its authors.
    claim = notify["itemReviewed"]
    assert {a["name"] for a in claim["author"]} == {
        "Russian Federation (government)",
        "Belarus (government)",
    }
    urls = {w.get("url") for w in claim["appearance"]}
    assert any("russia-claims-its-military-drills-dont-violate" in (u or "") for u in urls)
    assert "FSC.DOC/1/11 V 38 (secondary: 1 source" in notify["reviewBody"]


def test_the_rating_follows_the_all_evidence_scenario(bundled_view: View) -> None:
    view = bundled_view("zapad-2017")
    rated = next(v for v in view["verdicts"] if v["scenario"] == "all")
    for item in claim_reviews(view, url="u", published=DAY):
        rule = item["url"].split("#")[1]
        value, word = RATING[rated["outcomes"][rule]]
        assert item["reviewRating"]["ratingValue"] == value
        assert item["reviewRating"]["alternateName"].startswith(word)

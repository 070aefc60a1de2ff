"""The two seed dumps the project began with must come out exactly clean.

Each is checked three ways: must-keep and must-drop expectations that say what a
person wants, the metadata, and a syrupy snapshot of the whole JSON result."""

from __future__ import annotations

import pytest
from syrupy.assertion import SnapshotAssertion

from cleaner import clean
from tests.conftest import read_fixture

KYIV = "text/seed_kyiv_independent.txt"
NEWSWEEK = "text/seed_newsweek_via_aggregator.txt"


def _removed_reasons(result, needle: str) -> set[str]:
    return {r.reason for r in result.removed if needle in r.text}


def test_newsweek_body_is_exactly_the_article() -> None:
    result = clean(read_fixture(NEWSWEEK))
    body = result.text
    assert body.startswith("A video shared by a Ukrainian official purportedly shows")
    assert body.endswith("if no agreement is reached soon.")
    for heading in (
        "Why It Matters",
        "What To Know",
        "What People Are Saying",
        "What Happens Next",
    ):
        assert f"\n\n{heading}\n\n" in body
    for quote in ('"There has been destruction.', '"Unfortunately, there is significant'):
        assert quote in body
    assert body.count("Kyiv last night during a combined Russian attack.") == 1


@pytest.mark.parametrize(
    ("needle", "reason"),
    [
        ("Based on facts, either observed", "disclaimer_line"),
        ("Newsweek AI is in beta", "disclaimer_line"),
        ("pic.twitter.com", "embedded_social_post"),
        ("Ukrainian rescuers operate at the site", "duplicate_caption"),
        ("GENYA SAVILOV/AFP/Getty Images", "photo_credit"),
        ("Hashtags", "tag_list"),
        ("Try Our AI Features", "promo_line"),
        ("No comments yet", "comments_widget"),
        ("Related Articles", "related_content"),
        ("Map Shows Cities Where Dogs Bite", "after_article_end"),
        ("NICOSIA, Cyprus (AP)", "after_article_end"),
        ("Turkey hopes that Ukraine and Russia", "after_article_end"),
    ],
)
def test_newsweek_furniture_is_dropped_with_its_reason(needle: str, reason: str) -> None:
    result = clean(read_fixture(NEWSWEEK))
    assert needle not in result.text
    assert reason in _removed_reasons(result, needle)


def test_newsweek_metadata() -> None:
    result = clean(read_fixture(NEWSWEEK))
    assert (
        result.title == "Video Shows Alleged North Korean KN-23 Missile Causing Massive Explosion"
    )
    assert result.title not in result.text


def test_kyiv_body_is_exactly_the_article() -> None:
    result = clean(read_fixture(KYIV))
    body = result.text
    assert body.startswith("The ballistic missile that struck a residential building in Kyiv")
    assert body.endswith("likely to be used in new assaults, Ukrainian intelligence said.")
    assert body.count("\n\n") == 11  # twelve paragraphs, nothing between them


@pytest.mark.parametrize(
    ("needle", "reason"),
    [
        ("Be among the first to get it", "promo_line"),
        ("Skip to content", "navigation_menu"),
        ("North Korea, North Korean missiles, Missile attack", "tag_list"),
        ("Edit post", "share_widget"),
        ("Debris surrounds a residential building", "photo_caption"),
        ("This audio is created with AI assistance", "disclaimer_line"),
        ("Kyiv doesn’t rule out North Korean participation", "inline_related_link"),
        ("The Kyiv IndependentTim Zadorozhnyy", "photo_credit"),
        ("is a news editor at the Kyiv Independent", "author_bio"),
        ("Most popular", "related_content"),
        ("Trump says 'nobody is asking'", "after_article_end"),
        ("Editors' Picks", "related_content"),
        ("Enter your email to subscribe", "newsletter_prompt"),
        ("* indicates required", "form_residue"),
        ("Thank you for signing up for this newsletter", "newsletter_prompt"),
    ],
)
def test_kyiv_furniture_is_dropped_with_its_reason(needle: str, reason: str) -> None:
    result = clean(read_fixture(KYIV))
    assert needle not in result.text
    assert reason in _removed_reasons(result, needle)


def test_kyiv_metadata() -> None:
    result = clean(read_fixture(KYIV))
    assert (
        result.title == "North Korean missile used in deadly Russian strike on Kyiv, Zelensky says"
    )
    assert result.author == "Anna Fratsyvir"
    assert result.date == "2025-04-24"
    assert result.site == "The Kyiv Independent"
    assert "Anna Fratsyvir" not in result.text


def test_removals_replay_to_the_input() -> None:
    """Kept blocks plus removal records account for every input block, in order."""
    for name in (KYIV, NEWSWEEK):
        result = clean(read_fixture(name))
        removed = {r.block for r in result.removed}
        kept = [b for b in result.blocks if b.kept]
        assert removed.isdisjoint(b.block for b in kept)
        assert len(removed) + len(kept) == len(result.blocks)
        assert "\n\n".join(b.text for b in kept) == result.text


@pytest.mark.parametrize("name", [KYIV, NEWSWEEK])
def test_seed_snapshot(name: str, snapshot: SnapshotAssertion) -> None:
    assert clean(read_fixture(name)).to_dict() == snapshot

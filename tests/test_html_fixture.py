"""A whole HTML page through trafilatura and the block rules: what a person keeps and
drops, the metadata from the markup, and a snapshot of the JSON result."""

from __future__ import annotations

from syrupy.assertion import SnapshotAssertion

from cleaner import clean
from tests.conftest import read_fixture

PAGE = "html/synthetic_news.html"


def test_html_page_keeps_the_article_and_its_subheading() -> None:
    result = clean(read_fixture(PAGE))
    assert result.kind == "html"
    assert result.text.startswith("The town council voted on Monday evening")
    assert "A long argument over cost" in result.text
    assert result.text.endswith("is planned for April.")


def test_html_page_drops_furniture() -> None:
    result = clean(read_fixture(PAGE))
    for needle in ("Skip to content", "We use cookies", "Read also:", "Share this article",
                   "weekly newsletter", "Related articles", "All rights reserved"):  # fmt: skip
        assert needle not in result.text
    assert "Harbour town votes" not in result.text  # the headline is metadata
    assert any(r.reason == "inline_related_link" for r in result.removed)


def test_html_page_metadata() -> None:
    result = clean(read_fixture(PAGE))
    assert result.title == "Harbour town votes to rebuild its old sea wall"
    assert result.author == "Maria Lindqvist"
    assert result.date == "2024-03-18"
    assert result.site == "The Coastal Courier"


def test_html_page_snapshot(snapshot: SnapshotAssertion) -> None:
    assert clean(read_fixture(PAGE)).to_dict() == snapshot

"""Title and author come from the article's own headline and byline: never the site's
name, a menu, a heading label or a date (HTML pages and their text dumps)."""

from __future__ import annotations

import html_text
import pytest

from cleaner import clean
from cleaner.bylines import clean_author
from cleaner.htmlmeta import dice, is_site_name, strip_site_name
from tests.conftest import read_fixture

RECIPE = "metadata/recipe_author_box.html"
NEWSLETTER = "metadata/newsletter_post.html"
BANNER = "metadata/travel_guide_banner.html"


def _dump(name: str) -> str:
    return str(html_text.extract_text(read_fixture(name), guess_layout=True))


@pytest.mark.parametrize(
    ("title", "sites", "host", "expected"),
    [
        ("Ten Towns to Visit | Northbound Travel", ["Northbound Travel"], "", "Ten Towns to Visit"),
        ("Northbound Travel - Ten Towns to Visit", ["Northbound Travel"], "", "Ten Towns to Visit"),
        ("Best Movers of 2026 | Move.org", [], "www.move.org", "Best Movers of 2026"),
        ("Best Movers of 2026 - movers", [], "movers.example.com", "Best Movers of 2026"),
        ("How meditation changes the brain | Opinion", [], "", "How meditation changes the brain"),
        # No part names the site: a dash inside a headline stays.
        ("Fast, cheap - and wrong", ["Daily Post"], "dailypost.com", "Fast, cheap - and wrong"),
        ("Rust 2.0 | Notes", [], "", "Rust 2.0 | Notes"),  # too little left before the pipe
    ],
)
def test_strip_site_name(title: str, sites: list[str], host: str, expected: str) -> None:
    assert strip_site_name(title, sites, host) == expected


def test_is_site_name() -> None:
    assert is_site_name("THE COASTAL COURIER", ["The Coastal Courier"], "")
    assert is_site_name("Move.org", [], "move.org")
    assert is_site_name("Tarkett", [], "www.tarkett.com")
    assert not is_site_name("Ten towns to visit", ["The Coastal Courier"], "towns.com")


def test_dice() -> None:
    assert dice("Ten quiet towns", "ten QUIET towns") == 1.0
    assert dice("Northbound Travel", "Ten quiet towns") == 0.0


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("About the Author", None),
        ("The Author", None),
        ("Written By", None),
        ("Updated January", None),
        ("By Jane Doe", "Jane Doe"),
        ("Recipe by Ingrid Sollie", "Ingrid Sollie"),
        ("Author Isaiah Shelton", "Isaiah Shelton"),
        ("Korin Miller Published", "Korin Miller"),
        ("Cazzy Magennis Last Updated August 1", "Cazzy Magennis"),
        ("Haley Hoekstra \u2022 March", "Haley Hoekstra"),
        ("Rachel MacDonald Staff Writer", "Rachel MacDonald"),
        ("Tomas Ferreira; Senior Editor", "Tomas Ferreira"),
        ("Name; Maya Perez", "Maya Perez"),
        # Names that look like months or roles are still names.
        ("May Smith", "May Smith"),
        ("April Johnson; Jane Author", "April Johnson; Jane Author"),
    ],
)
def test_clean_author(author: str, expected: str | None) -> None:
    assert clean_author(author) == expected


def test_clean_author_drops_the_site_beside_a_person_only() -> None:
    def is_site(name: str) -> bool:
        return name == "Greenhouse Studio"

    assert clean_author("Tina Huffman; Greenhouse Studio", is_site) == "Tina Huffman"
    assert clean_author("Greenhouse Studio", is_site) == "Greenhouse Studio"


def test_recipe_author_box_heading_is_not_the_author() -> None:
    for document, kind in ((read_fixture(RECIPE), "html"), (_dump(RECIPE), "text")):
        result = clean(document, kind=kind)
        assert result.author != "About the Author"
        assert result.title == "Buttermilk Rye Bread with Caraway"
        assert result.date == "2024-02-09"


def test_headline_h1_not_site_banner_or_title_suffix() -> None:
    result = clean(read_fixture(BANNER), kind="html")
    assert result.title == "Ten quiet towns worth a winter visit"
    assert result.author == "Tomas Ferreira"
    assert result.text.startswith("Winter empties the coast")


def test_newsletter_post_metadata_in_html_mode() -> None:
    result = clean(read_fixture(NEWSLETTER), kind="html")
    assert result.title == "Why the river town kept its ferry"
    assert result.author == "Maren Holt"
    assert result.date == "2025-10-14"


def test_newsletter_dump_title_is_the_headline_not_the_site_name() -> None:
    result = clean(read_fixture("metadata/newsletter_post_dump.txt"), kind="text")
    assert result.title is not None
    assert result.title.startswith("Why the river town kept its ferry when the engineers")
    assert result.date == "2025-10-14"
    assert "For forty years the ferry" in result.text
    assert "Subscribe Sign in" not in result.text

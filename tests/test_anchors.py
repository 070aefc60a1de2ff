"""Headline anchors: from the dump's title line, or from the URL's slug."""

from __future__ import annotations

from cleaner import clean
from cleaner.anchors import slug_anchors, slug_words, title_anchors
from tests.helpers import PROSE, page_of

URL = "https://news.example.com/2024/05/14/harbour-sea-wall-to-be-rebuilt-after-storms.html"
HEADLINE = "Harbour Sea Wall To Be Rebuilt After Winter Storms"
TEASERS = [
    "Residents of the old town queued for hours on Saturday to see the restored clock tower, "
    "which had been closed to visitors since a fire damaged its roof two years ago.",
    "The ferry company said on Friday that it would add three evening crossings to the "
    "islands this summer, after record numbers of passengers used the service last year.",
]
MENU = ["News", "Sport", "Weather", "Advertisement"]


def weights_for(n: int, prose: set[int]) -> list[float]:
    return [300.0 if i in prose else -40.0 for i in range(n)]


def test_slug_words_are_the_wordiest_path_segment_without_numbers() -> None:
    assert slug_words(URL) == ["harbour", "sea", "wall", "to", "be", "rebuilt", "after", "storms"]
    assert slug_words("https://example.com/news/world/") == ["news"]
    assert slug_words("https://example.com/") == []


def test_the_headline_repeating_the_slug_is_an_anchor() -> None:
    page = page_of(*TEASERS, *MENU, HEADLINE, *PROSE)
    page.url = URL
    assert slug_anchors(page, weights_for(len(page), {0, 1, 7, 8, 9})) == [6]
    assert title_anchors(page) == []  # no title line: the dump starts with a teaser


def test_a_slug_match_under_prose_is_a_subheading() -> None:
    page = page_of(PROSE[0], HEADLINE, PROSE[1])
    page.url = URL
    assert slug_anchors(page, weights_for(3, {0, 2})) == []


def test_a_bulleted_teaser_above_the_headline_is_not_its_prose() -> None:
    page = page_of(*(f"* {teaser}" for teaser in TEASERS), HEADLINE, *PROSE)
    page.url = URL
    assert slug_anchors(page, weights_for(len(page), {0, 1, 3, 4, 5})) == [2]


def test_list_items_and_topic_slugs_are_no_anchor() -> None:
    toc = page_of("News", f"* {HEADLINE}", f"3. {HEADLINE}", *PROSE)
    toc.url = URL
    assert slug_anchors(toc, weights_for(len(toc), {3, 4, 5})) == []
    echoed = page_of("News", HEADLINE, "Menu", HEADLINE, "Menu", HEADLINE, *PROSE)
    echoed.url = URL  # three echoes: the slug names the page's topic, not its headline
    assert slug_anchors(echoed, weights_for(len(echoed), {6, 7, 8})) == []


def test_short_slugs_and_long_lines_are_no_anchor() -> None:
    page = page_of("News", HEADLINE, *PROSE)
    page.url = "https://news.example.com/sea-wall"
    assert slug_anchors(page, weights_for(len(page), {2, 3, 4})) == []
    teaser = page_of("News", f"{HEADLINE}: what the council, the engineers and the town said")
    teaser.url = URL
    assert slug_anchors(teaser, [-40.0, 0.0]) == []


def test_text_mode_starts_the_body_under_the_slug_headline() -> None:
    dump = "\n\n".join([*TEASERS, *MENU, HEADLINE, *PROSE])
    result = clean(dump, URL, kind="text", block_model=False)
    assert result.title == HEADLINE
    anchored = result.text
    for paragraph in PROSE:
        assert paragraph in anchored
    for teaser in TEASERS:
        assert teaser not in anchored
    unanchored = clean(dump, kind="text", block_model=False).text
    assert TEASERS[1] in unanchored  # without the URL the teasers read as the article's start

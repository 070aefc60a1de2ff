"""Headline anchors: from the dump's title line, a markdown headline, or the URL's slug.
The core finds them with the extent (`rust/src/anchors.rs` has their unit tests); these
tests go through `extent.find_body` on measured pages."""

from __future__ import annotations

from cleaner import clean
from cleaner.anchors import slug_words
from cleaner.classify import label_page
from cleaner.extent import find_body
from cleaner.page import Page
from cleaner.results import Mark, Reason
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


def page_with(*lines: str, url: str | None = URL) -> Page:
    """A page whose menu lines a rule marked, as the phrase lists do."""
    page = page_of(*lines)
    page.url = url
    menu = {
        i: Mark("test.menu", Reason.NAVIGATION) for i, b in enumerate(page.blocks) if b.text in MENU
    }
    page.add_marks(menu)
    return page


def body(page: Page, headline: str | None = None) -> tuple[int, int] | None:
    free, labels = label_page(page)
    found = find_body(page, free, labels, [], headline=headline)
    return (found.start, found.end) if found is not None else None


def test_slug_words_are_the_wordiest_path_segment_without_numbers() -> None:
    assert slug_words(URL) == ["harbour", "sea", "wall", "to", "be", "rebuilt", "after", "storms"]
    assert slug_words("https://example.com/news/world/") == ["news"]
    assert slug_words("https://example.com/") == []
    assert slug_words("http://[broken") == []


def test_the_headline_repeating_the_slug_is_an_anchor() -> None:
    lines = (*TEASERS, *MENU, HEADLINE, *PROSE)
    assert body(page_with(*lines)) == (7, 9)
    assert body(page_with(*lines, url=None)) == (0, 9)  # without it the teasers lead


def test_the_title_lines_repeat_is_an_anchor() -> None:
    lines = (f"{HEADLINE} - The Harbour Times", *TEASERS, "News", HEADLINE, *PROSE)
    assert body(page_with(*lines, url=None)) == (5, 7)
    assert body(page_with(*lines[1:], url=None)) == (0, 6)  # no title line, no anchor


def test_a_markdown_headline_is_an_anchor() -> None:
    page = page_with(*TEASERS, *MENU, HEADLINE, *PROSE, url=None)
    assert body(page, headline=HEADLINE) == (7, 9)


def test_a_slug_match_under_prose_is_a_subheading() -> None:
    assert body(page_with(PROSE[0], HEADLINE, PROSE[1])) == (0, 2)
    marked = page_with(PROSE[0], HEADLINE, PROSE[1], url=None)
    assert body(marked, headline=HEADLINE) == (2, 2)  # a headline the dump marked moves it


def test_a_bulleted_teaser_above_the_headline_is_not_its_prose() -> None:
    lines = (*(f"* {teaser}" for teaser in TEASERS), HEADLINE, *PROSE)
    assert body(page_with(*lines)) == (3, 5)
    assert body(page_with(*lines, url=None)) == (0, 5)


def test_list_items_and_topic_slugs_are_no_anchor() -> None:
    assert body(page_with(*TEASERS, f"* {HEADLINE}", *PROSE)) == (0, 5)
    assert body(page_with(*TEASERS, f"3. {HEADLINE}", *PROSE)) == (0, 5)
    assert body(page_with(*TEASERS, "News", HEADLINE, *PROSE)) == (4, 6)
    twice = (*TEASERS, "News", "News", HEADLINE, "News", HEADLINE, *PROSE)
    assert body(page_with(*twice)) == (7, 9)
    echoed = (*TEASERS, HEADLINE, "News", HEADLINE, "News", HEADLINE, *PROSE)
    assert body(page_with(*echoed)) == (0, 9)  # three echoes: the slug names the topic


def test_short_slugs_are_no_anchor() -> None:
    lines = (*TEASERS, *MENU, HEADLINE, *PROSE)
    assert body(page_with(*lines, url="https://news.example.com/sea-wall")) == (0, 9)


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

"""jusText labels and the article extent on small, measured pages. The core labels a
page and finds its extent in one call each; `rust/src/labels.rs` and
`rust/src/extent.rs` test the same on hand-built label and weight sequences."""

from __future__ import annotations

from cleaner.classify import label_page, uses_stopwords
from cleaner.extent import find_body
from cleaner.page import Page
from cleaner.results import Label, Mark, Reason
from tests.helpers import PROSE, page_of

G, N, S, B = Label.GOOD, Label.NEAR_GOOD, Label.SHORT, Label.BAD
LINKS = (
    "Follow us: https://x.example.com/harbour https://y.example.com/harbour https://z.example.com/h"
)
MENU = "War Analysis Russia's War National Human Story Field Report Company News Sections"


def body(page: Page, ends: list[int], thread: int | None = None) -> tuple[int, int] | None:
    free, labels = label_page(page)
    found = find_body(page, free, labels, ends, thread=thread)
    return (found.start, found.end) if found is not None else None


def test_context_free_labels() -> None:
    page = page_of(PROSE[0] + " " + PROSE[1], "Why It Matters", MENU, LINKS)
    free, _ = label_page(page)
    assert free == [G, S, S, B]  # the menu bar is judged by its neighbours


def test_short_blocks_take_their_neighbours_side() -> None:
    _, labels = label_page(page_of(PROSE[0], "Why It Matters", PROSE[1]))
    assert labels == [G, G, G]
    _, labels = label_page(page_of(LINKS, "Why It Matters", LINKS, PROSE[1]))
    assert labels == [B, B, B, G]


def test_marked_blocks_are_bad_and_no_context() -> None:
    page = page_of(PROSE[0], "Why It Matters", LINKS, PROSE[1])
    assert label_page(page)[1] == [G, B, B, G]
    page.add_marks({2: Mark("test.rule", Reason.NAVIGATION)})
    assert label_page(page)[1] == [G, G, B, G]


def test_a_page_its_stoplist_does_not_fit_is_judged_by_length() -> None:
    page = page_of("東京の天気は晴れです今日は暖かい日になりそうです" * 4, "短い")
    assert not uses_stopwords(page)
    assert label_page(page)[0] == [N, S]  # no stopwords, yet not bad
    assert uses_stopwords(page_of(*PROSE))


def test_the_extent_stops_at_the_first_end_marker() -> None:
    page = page_of(PROSE[0], PROSE[1], "Related Articles", PROSE[2])
    assert body(page, [2]) == (0, 1)
    assert body(page, []) == (0, 3)


def test_a_short_article_above_a_long_comment_thread_is_the_article() -> None:
    page = page_of(LINKS, PROSE[0], "Jane Doe", *PROSE, *PROSE)
    assert body(page, [2]) == (3, 8)  # the comments outweigh the article
    assert body(page, [2], thread=2) == (1, 1)


def test_no_article_when_nothing_scores() -> None:
    assert body(page_of(LINKS, "Why It Matters", LINKS), []) is None
    assert body(page_of(""), []) is None

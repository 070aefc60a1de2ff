"""jusText labels and the article extent on small, hand-built sequences."""

from __future__ import annotations

from cleaner.classify import context_free, revise
from cleaner.extent import best_run, find_extent, weight
from cleaner.features import measure
from cleaner.language import core_stoplist
from cleaner.results import Label
from tests.helpers import PROSE

G, N, S, B = Label.GOOD, Label.NEAR_GOOD, Label.SHORT, Label.BAD


def test_context_free_labels() -> None:
    stop = core_stoplist("en")
    assert context_free(measure(PROSE[0] + " " + PROSE[1], stop)) is G
    assert context_free(measure("Why It Matters", stop)) is S
    menu = "War Analysis Russia's War National Human Story Field Report Company News Sections"
    assert context_free(measure(menu, stop)) is S  # judged by its neighbours


def test_revise_short_between_good_becomes_good() -> None:
    assert revise([G, S, G]) == [G, G, G]
    assert revise([B, S, B]) == [B, B, B]
    assert revise([G, S, B]) == [G, B, B]
    assert revise([B, N, B]) == [B, B, B]
    assert revise([G, N, B]) == [G, G, B]


def test_best_run_is_the_maximum_sum() -> None:
    run = best_run([-5, 10, -3, 20, -50, 40], 0, 6)
    assert run is not None and (run.start, run.end, run.score) == (5, 5, 40)
    run = best_run([-5, 10, -3, 20, -5], 0, 5)
    assert run is not None and (run.start, run.end) == (1, 3)


def test_extent_stops_at_the_first_end_marker() -> None:
    weights = [-40, 300, 200, -40, 0, 500, 600]  # 4 is "Related Articles"
    extent = find_extent(weights, [4])
    assert extent is not None and (extent.start, extent.end) == (1, 2)


def test_extent_skips_a_teaser_box_above_the_article() -> None:
    weights = [80, -40, 0, 400, 300, 200]  # a short teaser, then "Trending" at 2
    extent = find_extent(weights, [2])
    assert extent is not None and (extent.start, extent.end) == (3, 5)


def test_the_body_follows_its_headline_anchor() -> None:
    weights = [-40, 300, 200, 0, -40, 500, 400]  # teasers right above the headline at 3
    extent = find_extent(weights, [], anchors=[3])
    assert extent is not None and (extent.start, extent.end) == (5, 6)


def test_a_long_lead_in_right_above_an_anchor_is_the_article() -> None:
    weights = [-40, 900, 800, 700, 0, -40, 300, 200]  # a post, then its recipe card at 4
    extent = find_extent(weights, [], anchors=[4])
    assert extent is not None and (extent.start, extent.end) == (1, 7)
    gap = [-40, 900, 800, 700, -40, 0, -40, 300, 200]  # a menu line between: no lead-in
    extent = find_extent(gap, [], anchors=[5])
    assert extent is not None and (extent.start, extent.end) == (7, 8)


def test_a_short_article_above_a_long_comment_thread_is_the_article() -> None:
    weights = [-40, 300, -40, 0, 900, 800, -40, 700]  # the thread's first commenter at 3
    extent = find_extent(weights, [3])
    assert extent is not None and extent.start == 4  # the comments outweigh the article
    extent = find_extent(weights, [3], thread=3)
    assert extent is not None and (extent.start, extent.end) == (1, 1)
    assert find_extent([-40, 50, 0, 900], [2], thread=2) == find_extent([-40, 50, 0, 900], [2])


def test_no_article_when_nothing_scores() -> None:
    assert find_extent([-40, -40, 30], []) is None


def test_an_unfinished_near_good_line_weighs_nothing() -> None:
    stop = core_stoplist("en")
    line = "Fishermen fear that a second bad season could follow as the storms go on"
    teaser, sentence = measure(line, stop), measure(line + ".", stop)
    assert context_free(teaser) is N and context_free(sentence) is N
    assert weight(N, G, teaser, marked=False) == 0.0  # a teaser headline or a list item
    assert weight(N, G, sentence, marked=False) > 0  # prose, half as sure as a good block

"""An article printed twice in its body loses the second copy; a paragraph the article
itself repeats (a meal plan's recurring meal) stays."""

from __future__ import annotations

from cleaner import clean
from cleaner.results import Reason
from cleaner.rules import repeats
from tests.helpers import PROSE, page_of

MORE = [
    "Residents who live on the quay said they were relieved, although several asked "
    "why the work could not begin before the next winter's storms arrive.",
    "The harbour master said boats would be moved to the northern basin while the "
    "foundations are repaired, a move that should take about a week.",
]
ARTICLE = [*PROSE, *MORE]


def test_a_second_copy_of_the_article_is_marked() -> None:
    page = page_of(*ARTICLE, "Share", *ARTICLE)
    marks = repeats.repeated_copy(page, range(len(page)))
    assert set(marks) == set(range(len(ARTICLE) + 1, 2 * len(ARTICLE) + 1))
    assert all(m.reason is Reason.DUPLICATE for m in marks.values())


def test_the_copy_is_dropped_and_the_article_kept_once() -> None:
    text = clean("\n\n".join([*ARTICLE, *ARTICLE]), kind="text").text
    for paragraph in ARTICLE:
        assert text.count(paragraph) == 1


def test_a_meal_plans_recurring_paragraphs_stay() -> None:
    breakfast = "Two soft-boiled eggs with a cup of asparagus and half a cup of sweet potato."
    day_two = "Greek yogurt with berries, a handful of almonds and a spoon of honey for lunch."
    lines = ["Day 1", breakfast, PROSE[0], "Day 2", breakfast, day_two, PROSE[0], PROSE[1]]
    assert repeats.repeated_copy(page_of(*lines), range(len(lines))) == {}


def test_repeats_out_of_order_are_not_a_copy() -> None:
    lines = [*ARTICLE, ARTICLE[3], ARTICLE[1], ARTICLE[4], ARTICLE[0]]
    assert repeats.repeated_copy(page_of(*lines), range(len(lines))) == {}


def test_the_body_glued_into_one_block_is_marked() -> None:
    glued = " ".join(ARTICLE[:4])
    marks = repeats.glued_copies(page_of(*ARTICLE, "Share", glued))
    assert list(marks) == [len(ARTICLE) + 1]
    assert marks[len(ARTICLE) + 1].reason is Reason.DUPLICATE


def test_a_block_quoting_two_paragraphs_is_no_glued_copy() -> None:
    summary = " ".join([PROSE[0], PROSE[2], "Officials will report again in the spring."])
    assert repeats.glued_copies(page_of(summary, *ARTICLE)) == {}


def test_the_glued_copy_is_dropped_and_each_paragraph_kept_once() -> None:
    glued = " ".join(ARTICLE)
    text = clean("\n\n".join([*ARTICLE, glued]), kind="text").text
    assert glued not in text
    for paragraph in ARTICLE:
        assert text.count(paragraph) == 1

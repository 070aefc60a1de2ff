"""Learning repeated site furniture from many pages of a host (cleaner.furniture)."""

from __future__ import annotations

from cleaner import Config, Reason, clean
from cleaner import furniture as fu
from cleaner.segment import fold
from tests.helpers import PROSE

MENU = ["Home", "News", "Sport", "Sign up for our daily newsletter", "© 2025 Harbour Media"]

ARTICLES = [
    [
        "Fishermen in the bay reported the largest catch of herring in a decade this week, "
        "and the cooperative said prices at the morning auction fell by almost a third.",
        "The harbour master said boats had been queueing since dawn to unload, something "
        "nobody in the town could remember seeing since the early nineteen-nineties.",
    ],
    [
        "The library will stay open until ten in the evening during the exam season, the "
        "council said, after students complained that there was nowhere quiet to work.",
        "Extra staff will be paid from the events budget, which had money left over after "
        "the summer festival was cancelled because of the storms in July.",
    ],
    [
        "A new ferry timetable starts on Monday, adding two crossings a day to the island "
        "and moving the first departure forward by half an hour for commuters.",
        "The operator said the change followed a survey in which most passengers asked for "
        "an earlier boat, especially in the winter months when the roads are slow.",
    ],
    PROSE,
]


def page(article: list[str], extra: tuple[str, ...] = ()) -> str:
    return "\n\n".join([*MENU[:3], *article, *extra, *MENU[3:]])


def test_profile_keeps_short_lines_as_keys_and_fingerprints_prose() -> None:
    found = fu.profile(page(ARTICLES[0]))
    assert fold("Sign up for our daily newsletter") in found.keys
    assert fu.profile(" ".join(ARTICLES[0])).keys == frozenset(), "long prose is no candidate"
    assert fu.profile(page(ARTICLES[0], ("Advertisement",))).fingerprint == found.fingerprint
    assert fu.profile(page(ARTICLES[1])).fingerprint != found.fingerprint


def test_profile_of_a_page_without_prose_fingerprints_its_lines() -> None:
    assert fu.profile("Home\nNews").fingerprint != fu.profile("Home\nSport").fingerprint


def test_recurring_needs_min_pages_and_share() -> None:
    counts = {"menu": 10, "teaser": 3, "once": 1}
    assert fu.recurring(counts, 10, min_pages=2, min_share=0.5) == {"menu"}
    assert fu.recurring(counts, 4, min_pages=2, min_share=0.5) == {"menu", "teaser"}
    assert fu.recurring({"menu": 1}, 1, min_pages=2, min_share=0.5) == frozenset()


def test_learn_finds_lines_shared_by_the_host_pages() -> None:
    learned = fu.learn(("news.example", page(a)) for a in ARTICLES)
    assert learned["news.example"] == {fold(line) for line in MENU}


def test_learn_counts_a_duplicated_page_once() -> None:
    """Two copies of one article must not make its headline look like furniture."""
    headline = "Record herring catch"
    copies = [page([headline, *ARTICLES[0]]), page([headline, *ARTICLES[0]], ("Advertisement",))]
    assert fu.learn(("news.example", text) for text in copies) == {}


def test_learn_keeps_hosts_apart_and_skips_pages_without_group() -> None:
    pages = [("a.example", page(ARTICLES[0])), ("b.example", page(ARTICLES[1])), (None, "x")]
    assert fu.learn(pages) == {}


def test_learner_stops_counting_after_max_pages() -> None:
    learner = fu.FurnitureLearner(max_pages=2)
    for article in ARTICLES[:2]:
        learner.add("h", fu.profile(page(article)))
    for article in ARTICLES[2:]:  # without the menu: would halve the menu's share
        learner.add("h", fu.profile("\n\n".join(article)))
    assert fold("Home") in learner.learned()["h"]


def test_group_of_uses_the_host_then_the_folder() -> None:
    assert fu.group_of("https://www.News.example/a?b=1") == "news.example"
    assert fu.group_of(None, "/data/site") == "dir:/data/site"
    assert fu.group_of(None) is None


def test_learned_furniture_is_dropped_with_its_reason() -> None:
    learned = fu.learn(("news.example", page(a)) for a in ARTICLES)
    text = page(ARTICLES[3])
    result = clean(text, "https://news.example/x", config=Config(kind="text"), **{})
    with_learned = clean(
        text, "https://news.example/x", kind="text", furniture=learned["news.example"]
    )
    dropped = {r.text for r in with_learned.removed if r.reason == Reason.REPEATED_FURNITURE}
    assert "Sign up for our daily newsletter" not in with_learned.text
    assert dropped, "the learned lines fire"
    assert all(p in with_learned.text for p in PROSE), "the article prose stays"
    assert all(p in result.text for p in PROSE)

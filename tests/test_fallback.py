"""HTML mode's text reading: taken where trafilatura saw a fragment of the article,
never where its body stands."""

from __future__ import annotations

import pytest

from cleaner import clean, fallback, htmlmode, settle
from cleaner.config import Config
from cleaner.results import Metadata
from cleaner.segment import blocks_of
from tests.helpers import PROSE

STEPS = [
    f"{PROSE[n % 3]} Step {n} of the plan was approved by the harbour board after a debate."
    for n in range(1, 7)
]
CARDS = "".join(f'<div class="card"><h2>Step {n}</h2><p>{s}</p></div>' for n, s in enumerate(STEPS))
PAGE = (
    "<html><head><title>The harbour plan</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
    f"<article><h1>The harbour plan</h1><p>{PROSE[0]}</p></article>{CARDS}"
    "<footer>Contact us</footer></body></html>"
)


def settled(*paragraphs: str) -> settle.Settled:
    blocks = blocks_of("\n\n".join(paragraphs))
    return settle.clean_blocks(blocks, None, Config(), trusted=True)


def test_reading_taken_where_trafilatura_kept_a_fragment() -> None:
    reading = fallback.text_reading(PAGE, settled(PROSE[0]), None, Config())
    assert reading is not None
    assert PROSE[0] in reading.kept
    assert all(step in reading.kept for step in STEPS)


def test_reading_not_taken_where_trafilatura_kept_the_article() -> None:
    assert fallback.text_reading(PAGE, settled(PROSE[0], *STEPS), None, Config()) is None


def test_reading_not_taken_where_it_lost_trafilatura_body() -> None:
    elsewhere = "A different story about the airport, which the page does not hold at all."
    assert fallback.text_reading(PAGE, settled(elsewhere), None, Config()) is None


def test_no_reading_where_trafilatura_found_nothing() -> None:
    empty = settle.Settled(settled(PROSE[0]).state, [], [], [])
    assert fallback.text_reading(PAGE, empty, None, Config()) is None


def test_contained_share_counts_characters() -> None:
    assert fallback.contained_share(["a b c", "d"], ["A  B C", "e"]) == pytest.approx(5 / 6)
    assert fallback.contained_share([], ["x"]) == 1.0


def test_html_mode_uses_the_reading_when_trafilatura_sees_a_fragment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fragment = htmlmode.Extracted(PROSE[0], Metadata(title="The harbour plan"))
    monkeypatch.setattr(htmlmode, "extract", lambda html, url, config: fragment)
    assert all(step in clean(PAGE).text for step in STEPS)
    assert STEPS[0] not in clean(PAGE, html_fallback=False).text
    assert clean(PAGE).metadata.title == "The harbour plan"  # the markup's metadata stays


def test_reading_not_taken_where_it_mostly_precedes_trafilatura_body() -> None:
    teasers = [f"{p} Read the whole story on our site today." for p in PROSE]
    reading = [*teasers, *teasers, STEPS[0]]
    assert fallback.lead_share([STEPS[0]], reading) > fallback.MAX_LEAD_SHARE
    assert fallback.lead_share([STEPS[0]], [STEPS[0], *teasers]) == 0.0


def test_reading_taken_where_it_fills_holes_in_trafilatura_body() -> None:
    # trafilatura kept the introduction and three steps and dropped the three between
    # them (sections in a card or a box it distrusts): the reading adds them inside,
    # under the three-fold length a fragment's reading needs.
    kept = [PROSE[0], STEPS[0], STEPS[3], STEPS[-1]]
    reading = fallback.text_reading(PAGE, settled(*kept), None, Config())
    assert reading is not None
    assert all(step in reading.kept for step in STEPS)
    assert fallback.around_share(kept, reading.kept) == 0.0


def test_reading_not_taken_where_it_adds_less_than_half_again_or_around_the_body() -> None:
    assert fallback.text_reading(PAGE, settled(*STEPS[:5]), None, Config()) is None
    teasers = [f"{p} Read the whole story on our site today." for p in PROSE]
    assert fallback.around_share([STEPS[0]], [STEPS[0], *teasers]) > fallback.MAX_AROUND_SHARE
    assert fallback.around_share(STEPS[:2], [STEPS[0], *teasers, STEPS[1]]) == 0.0


def test_no_text_pass_where_the_dump_cannot_hold_more_of_the_article(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Menus around a whole article: the dump has nearly twice its words, but none
    # between its first and last paragraph, so no reading could fill a hole in it.
    menu = "".join(f"<li><a href='/{n}'>Section {n} of the harbour</a></li>" for n in range(15))
    page = f"<html><body><ul>{menu}</ul><article>{CARDS}</article><ul>{menu}</ul></body></html>"
    body = settled(*STEPS)
    dump_words = len(htmlmode.text_dump(page).split())
    body_words = sum(len(step.split()) for step in STEPS)
    assert fallback.GAP_RATIO * body_words < dump_words < fallback.FALLBACK_RATIO * body_words

    def no_pass(*args: object, **kwargs: object) -> settle.Settled:
        raise AssertionError("the text-mode pass ran")

    monkeypatch.setattr(fallback.settle, "clean_blocks", no_pass)
    assert fallback.text_reading(page, body, None, Config()) is None

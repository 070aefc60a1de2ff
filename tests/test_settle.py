"""Cleaning that stays clean (cleaner.settle): a text with no furniture a rule can name
comes back whole, a body that still shows furniture after one pass is cleaned again,
and cleaning the cleaner's own output changes nothing, on the seeds and on HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean, settle, textmode
from cleaner.config import Config
from cleaner.segment import blocks_of
from tests.helpers import PROSE

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CAPTION = "Workers inspect the cracked harbour wall after the storm in January"


def test_text_without_nameable_furniture_comes_back_whole() -> None:
    # Short list items at a body's end are what the extent and the block model cut
    # from a raw page; with no furniture on the page there is nothing to justify it.
    body = [*PROSE, "Opening hours", "Monday to Friday", "Harbour office, Quay Street"]
    result = clean("\n\n".join(body), kind="text")
    assert result.text == "\n\n".join(body)
    assert result.removed == ()
    assert result.problem is None


def test_furniture_on_the_page_lets_every_step_cut() -> None:
    document = "\n".join(["Home", "News", "Sign in", *PROSE, "Subscribe to our newsletter"])
    result = clean(document, kind="text")
    assert result.text == "\n\n".join(PROSE)
    assert {r.reason for r in result.removed} >= {"navigation_menu", "newsletter_prompt"}


def test_caption_twins_brought_together_by_the_first_pass_go_in_the_next() -> None:
    # Three furniture lines sit between the caption's copies, past the duplicate
    # window; once they are gone the copies are neighbours and both go.
    lines = ["Home", "Sign in", PROSE[0], CAPTION, "Share", "Tweet", "Photo: Jane Doe/AFP"]
    lines += [CAPTION, PROSE[1], PROSE[2], "Subscribe to our newsletter"]
    result = clean("\n".join(lines), kind="text")
    assert CAPTION not in result.text
    assert all(p in result.text for p in PROSE)
    twins = [r.block for r in result.removed if r.reason == "duplicate_caption"]
    assert twins == [3, 7]  # indices of the page as given, not of the later pass
    explained = {b.block: b for b in result.blocks}
    assert not explained[3].kept and explained[3].rule == "generic.captions"


def test_one_pass_alone_would_leave_the_caption_twins() -> None:
    # What the test above relies on: the first pass keeps both copies.
    lines = ["Home", "Sign in", PROSE[0], CAPTION, "Share", "Tweet", "Photo: Jane Doe/AFP"]
    lines += [CAPTION, PROSE[1], PROSE[2], "Subscribe to our newsletter"]
    state = textmode.run_steps(
        textmode.new_state(blocks_of("\n".join(lines)), None, Config(), trusted=False)
    )
    kept, _, _ = textmode.decide(state)
    assert kept.count(CAPTION) == 2


def test_a_page_of_furniture_still_has_no_article() -> None:
    result = clean("Home\nNews\nSport\nSign in\nSubscribe\nPrivacy policy\n", kind="text")
    assert result.text == ""
    assert result.problem == "no_article_found"


def test_already_clean_needs_no_rule_marks_and_no_end_markers() -> None:
    config = Config()

    def first_pass(text: str) -> textmode.TextState:
        state = textmode.new_state(blocks_of(text), None, config, trusted=False)
        return textmode.run_steps(state, textmode.HEURISTIC_STEPS)

    assert settle.already_clean(first_pass("\n".join(PROSE)))
    assert not settle.already_clean(first_pass("\n".join([*PROSE, "Sign in"])))
    assert not settle.already_clean(first_pass("\n".join([*PROSE, "Related Articles", "x y z"])))


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("text/seed_*.txt")), ids=lambda p: p.stem)
def test_cleaning_a_seed_twice_changes_nothing(path: Path) -> None:
    once = clean(path.read_text("utf-8"), kind="text")
    assert once.text
    assert clean(once.text, kind="text").text == once.text


def test_cleaning_an_html_body_again_changes_nothing() -> None:
    html = (FIXTURES / "html" / "synthetic_news.html").read_text("utf-8")
    once = clean(html, kind="html")
    assert once.text
    assert clean(once.text).text == once.text


def test_an_html_body_the_extractor_left_whole_is_still_checked_as_text() -> None:
    # The HTML pass removes nothing here; read as text, the body shows its byline,
    # which cleaning the body again would drop, so it goes now.
    paragraphs = "".join(f"<p>{p}</p>" for p in PROSE)
    html = f"<html><body><article><p>By Jane Doe</p>{paragraphs}</article></body></html>"
    result = clean(html, kind="html")
    assert "By Jane Doe" not in result.text
    assert all(p in result.text for p in PROSE)
    assert [(r.rule, r.reason) for r in result.removed] == [("generic.author", "byline")]
    assert clean(result.text).text == result.text

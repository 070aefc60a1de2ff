"""`kind="auto"` decides from the whole document whether markup is its structure: a text
dump with a few stray tags (tracking pixels, quoted elements) is cleaned as text, a
page or a fragment whose tags run through it as HTML."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from cleaner import clean
from cleaner.inputkind import looks_like_html, markup_of
from tests.conftest import FIXTURES
from tests.test_robustness import HANG_SECONDS

STRAY = FIXTURES / "text" / "stray_tags"
EXPECTATIONS = json.loads((STRAY / "expectations.json").read_text("utf-8"))

PROSE = (
    "The harbour board met on Tuesday to approve the new ferry timetable, which adds two "
    "crossings on weekdays and one on Sunday mornings from the first of May."
)


@pytest.mark.parametrize("name", sorted(EXPECTATIONS))
def test_a_dump_with_stray_tags_is_cleaned_as_text(name: str) -> None:
    expected = EXPECTATIONS[name]
    result = clean((STRAY / name).read_text("utf-8"))
    assert result.kind == "text"
    missing = [s for s in expected["with"] if s not in result.text]
    kept = [s for s in expected["without"] if s in result.text]
    assert (missing, kept) == ([], [])


@pytest.mark.parametrize("name", sorted(EXPECTATIONS))
def test_the_stray_tag_fixtures_hold_enough_tags_to_matter(name: str) -> None:
    # Five tags or more: the count at which a fragment is considered at all.
    assert markup_of((STRAY / name).read_text("utf-8")).tags >= 5


@pytest.mark.parametrize(
    "document",
    [
        "<!DOCTYPE html><html><head><title>T</title></head><body><p>"
        + PROSE
        + "</p></body></html>",
        "<html><body><p>Hi</p></body></html>",
        "<!-- saved page -->\n<!doctype html>\n<html lang='en'>\n<body>\n<p>" + PROSE + "</p>",
        "\n".join(f"<p>{PROSE}</p>" for _ in range(6)),  # an article body fragment
        "<div class='post'>"
        + "".join(f"<p>{PROSE}<br><a href='/x'>more</a></p>" for _ in range(5)),
        "\n".join(["<section>", "<h2>Ferries</h2>", f"<p>{PROSE}</p>", "</section>"] * 4),
        "<footer-component :data='{}'></footer-component>\n<amp-img src=x></amp-img>\n" * 4,
    ],
    ids=["page", "tiny-page", "comment-then-page", "paragraphs", "one-line", "sections", "custom"],
)
def test_pages_and_fragments_are_html(document: str) -> None:
    assert looks_like_html(document)


@pytest.mark.parametrize(
    "document",
    [
        "<!DOCTYPE html> is the first line of every page.\n" + (PROSE + "\n\n") * 20,
        (PROSE + "\n") * 30 + "<p> <div> <span> <a> <li> <ul>\n" + (PROSE + "\n") * 30,
        "Press <Enter> to go on, then <Tab>, <Esc>, <Ctrl> and <Alt>.\n" * 10,
        "<!--a-->" * 30 + "x",
        "template <typename T> class Box<T>; vector<int> v; map<string, int> m;\n" * 10,
        "",
    ],
    ids=["quoted-doctype", "a-line-of-tags", "key-names", "comments", "cpp", "empty"],
)
def test_text_with_tag_shaped_words_is_text(document: str) -> None:
    assert not looks_like_html(document)


def test_the_whole_document_decides_not_its_start() -> None:
    tags_first = "<p>a</p><div>b</div><span>c</span>\n" + (PROSE + "\n\n") * 100
    assert not looks_like_html(tags_first)
    tags_late = (PROSE + "\n") * 3 + "\n".join(f"<p>{PROSE}</p>" for _ in range(60))
    assert looks_like_html(tags_late)


def test_scripts_and_comments_count_as_neither_tags_nor_text() -> None:
    script = "<script>" + "var x = '<div>';\n" * 500 + "</script>"
    with_script, alone = markup_of(script + "<p>a</p>"), markup_of("<p>a</p>")
    assert (with_script.tags, with_script.tag_chars, with_script.lines) == (2, 7, 1)
    assert (alone.tags, alone.tag_chars, alone.lines) == (2, 7, 1)
    assert markup_of("<!-- <div><div><div> -->").tags == 0


def test_kind_html_still_forces_html(fixtures: Path) -> None:
    text = (STRAY / "quoted_markup.txt").read_text("utf-8")
    assert clean(text, kind="html").kind == "html"


@pytest.mark.parametrize(
    "document",
    ["<" * 1_000_000, "<a-" * 300_000, "<p\n" * 300_000, "<script>" * 100_000, "<!--" * 250_000],
    ids=["angles", "custom-names", "open-tags-lines", "open-scripts", "open-comments"],
)
def test_the_whole_document_is_read_in_linear_time(document: str) -> None:
    start = time.process_time()
    looks_like_html(document)
    assert time.process_time() - start < HANG_SECONDS

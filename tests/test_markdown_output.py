"""`Result.markdown` of whole documents: snapshots of both seeds and of HTML pages,
each with explicit must-keep and must-drop expectations."""

from __future__ import annotations

import re

import pytest
from syrupy.assertion import SnapshotAssertion

from cleaner import clean
from cleaner.results import BlockKind
from tests.conftest import read_fixture

SEEDS = ("text/seed_kyiv_independent.txt", "text/seed_newsweek_via_aggregator.txt")
GUIDE = "html/structure_guide.html"

_MARKS = re.compile(r"^(?:#{1,6} |> |\s*(?:[-*]|\d+\.) |\\)|```|\|---(?:\|---)*\|")


def _words(text: str) -> list[str]:
    """The words of a body, markdown's block marks and table pipes left out."""
    lines = (_MARKS.sub("", line) for line in text.splitlines())
    return " ".join(lines).replace("|", " ").replace("\\", "").split()


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_markdown_is_the_body_with_its_structure(
    seed: str, snapshot: SnapshotAssertion
) -> None:
    result = clean(read_fixture(seed))
    assert result.markdown
    assert _words(result.markdown) == _words(result.text)  # the same body, nothing more
    for block in result.kept_blocks:
        assert block.text.rstrip(".")[-40:] in result.markdown.replace("\\", "")
    lines = result.markdown.splitlines()
    for removed in result.removed:
        assert removed.text not in lines
    assert result.markdown == snapshot


def test_newsweek_seed_markdown_keeps_its_section_heads_on_their_own_lines() -> None:
    markdown = clean(read_fixture(SEEDS[1])).markdown
    for heading in ("Why It Matters", "What To Know", "What Happens Next"):
        assert re.search(rf"^(?:#+ )?{heading}$", markdown, re.M)
    assert "Kyiv last night during a combined Russian attack." in markdown


def test_html_guide_markdown_keeps_headings_lists_table_code_and_quote(
    snapshot: SnapshotAssertion,
) -> None:
    result = clean(read_fixture(GUIDE))
    markdown = result.markdown
    lines = markdown.splitlines()
    for heading in ("## What you need", "## The method, step by step", "### Ratios that work"):
        assert heading in lines
    assert "- A paper filter and a cone that holds it" in lines
    assert "  - Rinse the paper with hot water before use" in lines
    assert "1. Heat the water to just off the boil, about ninety-four degrees" in lines
    assert "3. Pour the rest of the water in slow circles over three minutes" in lines
    table = "| Cups | Coffee (g) | Water (g) |\n|---|---|---|\n| One | 15 | 250 |"
    assert table in markdown
    assert "| Four \\| large pot | 60 | 1000 |" in lines
    code = '    for left in range(seconds, 0, -30):\n        print(f"{left} seconds left")'
    assert "```\nimport time\n\ndef pour(seconds):\n" + code in markdown
    assert "> Good coffee is mostly patience and clean equipment, not expensive machines." in lines
    for furniture in ("Home", "Recipes", "Copyright", "newsletter", "# How to brew"):
        assert furniture not in markdown
    assert markdown == snapshot


def test_html_guide_blocks_carry_kinds_and_levels() -> None:
    result = clean(read_fixture(GUIDE))
    kinds = {b.text: (b.kind, b.level) for b in result.kept_blocks}
    assert kinds["Ratios that work"] == (BlockKind.HEADING, 3)
    assert kinds["- Throw away the rinse water"] == (BlockKind.LIST_ITEM, 2)
    assert kinds["| Two | 30 | 500 |"] == (BlockKind.TABLE, 0)
    assert kinds['print("Stop pouring")'] == (BlockKind.CODE, 0)
    assert result.title == "How to brew filter coffee at home"


def test_links_and_images_appear_in_markdown_only_when_asked_for() -> None:
    page = (
        "<html><body><article><h2>Notes from the field</h2>"
        "<p>The survey team walked the whole valley in three days and wrote up "
        '<a href="https://example.org/report">the full report</a> for the council, '
        "which meets next week to decide on the new path.</p>"
        '<img src="https://example.org/valley.jpg" alt="The valley at dawn">'
        "<p>Volunteers are welcome to join the next walk, which starts from the old "
        "mill at nine in the morning and ends at the lake by the afternoon.</p>"
        "</article></body></html>"
    )
    plain = clean(page)
    rich = clean(page, links=True, images=True)
    assert rich.text == plain.text  # the plain text is the same words either way
    assert "[the full report](https://example.org/report)" in rich.markdown
    assert "![The valley at dawn](https://example.org/valley.jpg)" in rich.markdown
    assert "](" not in plain.markdown
    assert "the full report for the council" in plain.markdown


@pytest.mark.parametrize(
    ("page", "must_keep", "must_drop"),
    [
        (
            "html/code_blog_post.html",
            ['```\nfn main() {\n    let a = 123;\n    println!("{}", a);\n}\n```', "$ ./main"],
            ["Archive", "Share this post", "# Printing a number in Rust"],
        ),
        (
            "html/layout_table_news.html",
            ["| Night | 42 | 34 |", "\n\nThe owners said the mill had lost three large"],
            ["| Front page", "Copyright 2004", "Advertisement"],
        ),
    ],
)
def test_html_fixture_markdown(
    page: str, must_keep: list[str], must_drop: list[str], snapshot: SnapshotAssertion
) -> None:
    markdown = clean(read_fixture(page)).markdown
    for needle in must_keep:
        assert needle in markdown
    for needle in must_drop:
        assert needle not in markdown
    assert markdown == snapshot

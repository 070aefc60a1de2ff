"""What the lines of a text dump show of the article's structure (`cleaner.textshape`):
each inference, and the lines it must leave alone."""

from __future__ import annotations

import pytest

from cleaner import clean, textshape
from cleaner.decision import whole_runs
from cleaner.results import Block, BlockKind
from cleaner.segment import blocks_of
from cleaner.textshape import Shape
from tests.conftest import read_fixture

PROSE = (
    "The council voted on Monday to rebuild the sea wall that has protected the harbour "
    "since the nineteenth century."
)
MORE_PROSE = (
    "Work will start in the spring, and the harbour master expects the road along the "
    "quay to stay open for most of it."
)


def kinds(text: str) -> list[tuple[str, int, str]]:
    """(kind, level, text) of every block of a plain dump."""
    blocks = textshape.shape_dump(blocks_of(text), text, None)
    return [(b.kind.value, b.level, b.text) for b in blocks]


def kinds_of_lines(*lines: str) -> list[str]:
    return [kind for kind, _, _ in kinds("\n".join(lines))]


# Lists


def test_a_bulleted_run_is_a_list_with_depth_from_indentation() -> None:
    assert kinds("* Apples\n  * Green ones\n  * Red ones\n* Pears\n") == [
        ("list_item", 1, "* Apples"),
        ("list_item", 2, "* Green ones"),
        ("list_item", 2, "* Red ones"),
        ("list_item", 1, "* Pears"),
    ]


def test_a_numbered_run_counting_up_is_a_list() -> None:
    assert kinds_of_lines("1. Preheat the oven", "2. Mix the flour", "3) Not this style") == [
        "list_item",
        "list_item",
        "paragraph",
    ]


@pytest.mark.parametrize(
    "lines",
    [
        # A prose line with a number at its start.
        ("3 people were hurt in the crash on Monday.", "4 of them were taken to hospital."),
        # One numbered line is not a list.
        ("1. Prose that happens to start with a number and a full stop.", PROSE),
        # Numbers that do not count up by one are a date, a score, a ranking's excerpt.
        ("12. June was the hottest day.", "3. The heat broke the record."),
        # Dialogue dashes open speech in prose, they are not bullets.
        ("– Are you coming? she asked.", "– Not today, he said."),
        # A single bullet.
        ("* Only one", PROSE),
    ],
)
def test_lines_that_are_not_a_list(lines: tuple[str, str]) -> None:
    assert "list_item" not in kinds_of_lines(*lines)


# Tables


def test_tab_separated_rows_are_a_table() -> None:
    assert kinds_of_lines("Name\tAge\tCity", "Ana\t34\tLisbon", "Bo\t29\tOslo", PROSE) == [
        "table",
        "table",
        "table",
        "paragraph",
    ]


def test_aligned_columns_are_a_table() -> None:
    rows = (
        "Motivation        Share    Rank",
        "Energy and focus  61.59%   1",
        "Gut health        45.61%   2",
    )
    assert kinds_of_lines(*rows) == ["table"] * 3


@pytest.mark.parametrize(
    "lines",
    [
        # A one-line "table".
        ("Name\tAge\tCity", PROSE),
        # Two rows whose cells do not line up.
        ("Motivation        Share    Rank", "Energy  61.59%       1"),
        # Different numbers of cells.
        ("Name\tAge\tCity", "Ana\t34"),
        # Prose with a double space after a full stop.
        ("It rained.  Then it stopped.", "We left.  Nobody followed."),
    ],
)
def test_lines_that_are_not_a_table(lines: tuple[str, str]) -> None:
    assert "table" not in kinds_of_lines(*lines)


# Subheadings


def test_a_title_like_line_between_paragraphs_is_a_heading() -> None:
    assert kinds_of_lines(PROSE, "What happens next", MORE_PROSE) == [
        "paragraph",
        "heading",
        "paragraph",
    ]
    assert kinds(f"{PROSE}\nWhat happens next\n{MORE_PROSE}")[1][1] == 2


@pytest.mark.parametrize(
    "lines",
    [
        # A short sentence between paragraphs.
        (PROSE, "Nobody knows yet.", MORE_PROSE),
        # Lower case: a fragment, not a title.
        (PROSE, "and then it rained", MORE_PROSE),
        # Too long to be a subheading.
        (PROSE, " ".join(["Word"] * 14), MORE_PROSE),
        # Not between paragraphs: a menu's item, a page's title above a menu.
        ("Home", "What happens next", MORE_PROSE),
        (PROSE, "What happens next", "Sport"),
    ],
)
def test_lines_that_are_not_a_heading(lines: tuple[str, str, str]) -> None:
    assert "heading" not in kinds_of_lines(*lines)


# Code


RUST = ("fn main() {", "    let a = 123;", '    println!("{}", a);', "}")


def test_a_run_of_code_lines_is_code_with_its_indentation() -> None:
    found = kinds("\n".join((PROSE, *RUST, MORE_PROSE)))
    assert [(kind, level) for kind, level, _ in found] == [
        ("paragraph", 0),
        ("code", 0),
        ("code", 4),
        ("code", 4),
        ("code", 0),
        ("paragraph", 0),
    ]


def test_lines_that_are_not_code_shaped_stay_in_a_run_between_code_lines() -> None:
    lines = ("subprocess.run([", '"osascript", "-e",', "activate", "end tell", "])")
    assert kinds_of_lines(*lines) == ["code"] * 5
    # Three such lines are too many: the run ends, and the last line alone is none.
    lines = ('"osascript", "-e",', "x = 1", "activate", "end tell", "tell", "])")
    assert kinds_of_lines(*lines) == ["code", "code"] + ["paragraph"] * 4


@pytest.mark.parametrize(
    "lines",
    [
        # Prose that starts with a keyword, in capitals as sentences are.
        ("Let me explain why.", "For example: the harbour.", "Return to the menu."),
        # One line shaped like code is not a run.
        (PROSE, "main()", MORE_PROSE),
        # A sentence between two code-like lines ends the run.
        ("x = 1", PROSE, "y = 2"),
        # Menus, prices and headlines.
        ("Home", "News (12)", "Sport", "Price: $12.99", "Weather"),
    ],
)
def test_lines_that_are_not_code(lines: tuple[str, ...]) -> None:
    assert "code" not in kinds_of_lines(*lines)


def test_a_wrapped_paragraph_joined_into_one_block_takes_its_first_line_s_shape() -> None:
    text = (
        "* A list item long enough to be wrapped by the dump at this column and\n"
        "continued on the next line in lower case\n* A second item\n"
    )
    assert kinds(text) == [
        ("list_item", 1, " ".join(text.splitlines()[:2])),
        ("list_item", 1, "* A second item"),
    ]


def test_lines_that_do_not_line_up_with_the_blocks_stay_paragraphs() -> None:
    blocks = blocks_of("one\ntwo\n")
    assert textshape.shaped(blocks, "one\ntwo\n", [Shape(BlockKind.CODE)]) == blocks


# One decision per code run


def test_a_code_run_is_kept_whole_when_half_its_lines_are_kept() -> None:
    # The reported case: `fn main() {` and `let a = 123;` dropped, `println!` and `}` kept.
    keep = [True, False, False, True, True, True]
    assert whole_runs(keep, [range(1, 5)]) == [True] * 6


def test_a_code_run_is_dropped_whole_when_most_of_its_lines_are_dropped() -> None:
    keep = [True, True, False, False, False]
    assert whole_runs(keep, [range(1, 5)]) == [True, False, False, False, False]


def test_blocks_outside_code_runs_keep_their_own_decision() -> None:
    keep = [True, False, True, False]
    assert whole_runs(keep, []) == keep
    assert whole_runs(keep, [range(1, 3)]) == [True, True, True, False]


def test_runs_of_code_blocks() -> None:
    code, para = BlockKind.CODE, BlockKind.PARAGRAPH
    blocks = [Block(i, "x", kind=k) for i, k in enumerate((code, para, code, code, para))]
    assert textshape.runs_of(blocks) == [range(0, 1), range(2, 4)]


def test_kinds_carry_over_to_a_later_pass_one_for_one() -> None:
    first = [Block(0, "a", kind=BlockKind.CODE, level=2), Block(1, "b")]
    again = [Block(0, "a"), Block(1, "b")]
    assert textshape.carried(again, first) == first
    assert textshape.carried(again[:1], first) == again[:1]


# A whole dump: a blog post with two code blocks inside menus, share buttons and
# related links (written for this test).

BLOG = "text/blog_code_runs.txt"
CODE_LINES = (
    "fn main() {",
    'let greeting = "héllo";',
    "let a = greeting.len();",
    "let b = greeting.chars().count();",
    'println!("{} bytes, {} chars", a, b);',
    "}",
    "def sizes(text):",
    'encoded = text.encode("utf-8")',
    "return len(text), len(encoded)",
    'print(sizes("héllo"))',
)
MUST_DROP = (
    "Skip to content",
    "Subscribe",
    "Share this:",
    "Related posts",
    "Why my iterator was slower than a for loop",
    "© 2026 Ferris Notes. All rights reserved.",
)


@pytest.mark.parametrize("block_model", [True, False])
def test_every_code_line_of_a_dump_is_kept_in_order(block_model: bool) -> None:
    text = clean(read_fixture(BLOG), kind="text", block_model=block_model).text
    lines = text.split("\n\n")
    assert [line for line in lines if line in CODE_LINES] == list(CODE_LINES)
    for furniture in MUST_DROP:
        assert furniture not in lines
    assert lines[0].startswith("Every new Rust programmer")
    assert lines[-1].startswith("Both programs agree")


def test_a_cleaned_dump_with_code_cleans_to_itself() -> None:
    once = clean(read_fixture(BLOG), kind="text").text
    assert clean(once, kind="text").text == once


def test_the_blocks_of_a_dump_say_which_lines_are_code() -> None:
    text = read_fixture(BLOG)
    blocks = textshape.shape_dump(blocks_of(text), text, None)
    code = [b.text for b in blocks if b.kind is BlockKind.CODE]
    assert code == list(CODE_LINES)
    assert [b.level for b in blocks if b.kind is BlockKind.CODE][:3] == [0, 4, 4]

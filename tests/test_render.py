"""The markdown renderer: each kind of block in its markdown form."""

from __future__ import annotations

from cleaner.render import Piece, Shape, escape_block_start, pieces_of, render
from cleaner.results import BlockDecision, BlockKind


def _piece(text: str, kind: BlockKind = BlockKind.PARAGRAPH, level: int = 0, **more) -> Piece:
    return Piece(text, Shape(kind, level, **more))


def test_headings_take_their_level_and_paragraphs_a_blank_line() -> None:
    out = render(
        [
            _piece("Section", BlockKind.HEADING, 2),
            _piece("Text of it."),
            _piece("Deep", BlockKind.HEADING, 9),
        ]
    )
    assert out == "## Section\n\nText of it.\n\n###### Deep"


def test_nested_and_numbered_list_items_indent_under_their_parent() -> None:
    out = render(
        [
            _piece("- Tools", BlockKind.LIST_ITEM, 1, group=1),
            _piece("- Kettle", BlockKind.LIST_ITEM, 2, group=2),
            _piece("Boil", BlockKind.LIST_ITEM, 1, markdown="Boil", number=1, group=3),
            _piece("Pour", BlockKind.LIST_ITEM, 2, markdown="Pour", number=1, group=4),
        ]
    )
    assert out == "- Tools\n  - Kettle\n\n1. Boil\n   1. Pour"


def test_a_data_table_is_a_pipe_table_with_a_head_rule_and_escaped_pipes() -> None:
    rows = [
        _piece("| A | B |", BlockKind.TABLE, cells=("A", "B"), header=True, group=1),
        _piece("|---|---|", BlockKind.TABLE, separator=True, group=1),
        _piece("| x|y | 1 |", BlockKind.TABLE, cells=("x|y", "1"), group=1),
        _piece("| z |", BlockKind.TABLE, cells=("z",), group=1),
    ]
    assert render(rows) == "| A | B |\n|---|---|\n| x\\|y | 1 |\n| z |  |"


def test_table_rows_without_cells_are_split_from_their_text() -> None:
    rows = [_piece("| a | b\\|c |", BlockKind.TABLE), _piece("d\te", BlockKind.TABLE)]
    assert render(rows) == "| a | b\\|c |\n|---|---|\n| d | e |"


def test_two_tables_stay_apart() -> None:
    rows = [
        _piece("| a |", BlockKind.TABLE, cells=("a",), group=1),
        _piece("| b |", BlockKind.TABLE, cells=("b",), group=2),
    ]
    assert render(rows) == "| a |\n|---|\n\n| b |\n|---|"


def test_code_keeps_indentation_and_outgrows_backtick_runs() -> None:
    lines = [
        _piece("fn main() {", BlockKind.CODE, markdown="fn main() {", group=1),
        _piece("let a = ```;", BlockKind.CODE, markdown="\n    let a = ```;", group=1),
        _piece("}", BlockKind.CODE, markdown="}", group=1),
    ]
    assert render(lines) == "````\nfn main() {\n\n    let a = ```;\n}\n````"


def test_quotes_and_images_around_a_block() -> None:
    out = render(
        [
            _piece("Said so.", BlockKind.QUOTE, before=("![a](p.jpg)",)),
            _piece("End.", after=("![b](q.jpg)",)),
        ]
    )
    assert out == "![a](p.jpg)\n\n> Said so.\n\nEnd.\n\n![b](q.jpg)"


def test_a_paragraph_that_reads_as_markup_is_escaped() -> None:
    assert escape_block_start("# 1 seller") == "\\# 1 seller"
    assert escape_block_start("- not a list") == "\\- not a list"
    assert escape_block_start("2024. A year") == "2024\\. A year"
    assert escape_block_start("-3 degrees") == "-3 degrees"
    assert escape_block_start("Plain words") == "Plain words"


def test_pieces_follow_the_kept_decisions_and_their_shapes() -> None:
    decisions = [
        BlockDecision(0, "Menu", False, "bad", "r", "navigation_menu"),
        BlockDecision(1, "Title", True, "good", "", "", "", BlockKind.HEADING, 2),
        BlockDecision(2, "Body.", True, "good", "", ""),
    ]
    shapes = [Shape(), Shape(BlockKind.HEADING, 3), Shape(markdown="[Body](u).")]
    pieces = pieces_of(decisions, ["Title", "Body."], shapes)
    assert render(pieces) == "### Title\n\n[Body](u)."
    assert render(pieces_of(decisions, ["Title", "Body."], None)) == "## Title\n\nBody."
    # kept texts the decisions do not spell: rendered as they are, never lost
    assert render(pieces_of(decisions, ["Other"], shapes)) == "Other"

"""The walk of trafilatura's extracted tree: each line's kind, level and markdown
form, and how lines are matched to the blocks the block steps read."""

from __future__ import annotations

from lxml import etree

from cleaner.htmlshape import heading_level, walk
from cleaner.linematch import match, shaped
from cleaner.render import Shape
from cleaner.results import Block, BlockKind
from cleaner.segment import blocks_of

TREE = etree.fromstring(
    "<body>"
    '<head rend="h2">Section</head>'
    '<p>Read <ref target="https://x.org">the report</ref> now.<lb/>Second line</p>'
    '<list rend="ul"><item>One</item><item>Two<list rend="ol"><item>Deep</item></list>'
    "</item></list>"
    '<table><row><cell role="head">K</cell><cell role="head">V</cell></row>'
    "<row><cell>a</cell><cell>1</cell></row></table>"
    "<code>def f():\n\n    return 1</code>"
    '<quote><p>Said.</p></quote><graphic src="p.jpg" alt="A pic"/>'
    "</body>"
)


def _shapes(**flags: bool) -> list[tuple[str, BlockKind, int]]:
    return [(line.plain, line.shape.kind, line.shape.level) for line in walk(TREE, **flags)]


def test_every_line_gets_its_kind_and_level() -> None:
    assert _shapes() == [
        ("Section", BlockKind.HEADING, 2),
        ("Read the report now.", BlockKind.PARAGRAPH, 0),
        ("Second line", BlockKind.PARAGRAPH, 0),
        ("- One", BlockKind.LIST_ITEM, 1),
        ("- Two", BlockKind.LIST_ITEM, 1),
        ("- Deep", BlockKind.LIST_ITEM, 2),
        ("| K | V |", BlockKind.TABLE, 0),
        ("|---|---|", BlockKind.TABLE, 0),
        ("| a | 1 |", BlockKind.TABLE, 0),
        ("def f():", BlockKind.CODE, 0),
        ("return 1", BlockKind.CODE, 0),
        ("Said.", BlockKind.QUOTE, 0),
    ]


def test_markdown_forms_keep_links_images_cells_numbers_and_indentation() -> None:
    lines = walk(TREE, links=True, images=True)
    assert lines[1].shape.markdown == "Read [the report](https://x.org) now."
    assert lines[5].shape.number == 1 and lines[4].shape.number is None
    assert lines[6].shape.cells == ("K", "V") and lines[6].shape.header
    assert lines[7].shape.separator
    assert lines[10].shape.markdown == "\n    return 1"
    assert lines[11].shape.after == ("![A pic](p.jpg)",)
    plain = walk(TREE)
    assert plain[1].shape.markdown == "Read the report now."
    assert plain[11].shape.after == ()


def test_heading_levels_come_from_rend() -> None:
    for rend, level in (("h1", 1), ("h4", 4), ("H6", 6), (None, 2), ("h9", 2)):
        head = etree.Element("head")
        if rend:
            head.set("rend", rend)
        assert heading_level(head) == level


def test_blocks_match_lines_in_order_even_where_they_differ() -> None:
    lines = walk(TREE)
    blocks = [
        Block(0, "Section"),
        Block(1, "Something the walk never saw"),
        Block(2, "Read the report now. Second line"),  # two lines joined by the segmenter
        Block(3, "- One"),
        Block(4, "}"),
    ]
    shapes = match(blocks, lines)
    assert shapes[0].kind is BlockKind.HEADING
    assert shapes[1] == Shape()
    assert shapes[2].kind is BlockKind.PARAGRAPH and shapes[2].markdown is None
    assert shapes[3].kind is BlockKind.LIST_ITEM
    assert shapes[4] == Shape()


def test_shaped_blocks_of_trafilaturas_own_text() -> None:
    from trafilatura.xml import xmltotxt

    blocks, shapes = shaped(blocks_of(xmltotxt(TREE, include_formatting=False)), walk(TREE))
    assert [b.kind for b in blocks] == [s.kind for s in shapes]
    kinds = {b.text: (b.kind, b.level) for b in blocks}
    assert kinds["Section"] == (BlockKind.HEADING, 2)
    assert kinds["- Deep"] == (BlockKind.LIST_ITEM, 2)
    assert kinds["return 1"] == (BlockKind.CODE, 0)
    assert kinds["Said."] == (BlockKind.QUOTE, 0)


def test_line_breaks_inside_text_and_emphasis_split_lines_as_the_text_output_does() -> None:
    from trafilatura.xml import xmltotxt

    tree = etree.fromstring(
        "<body><p>Experts at Reviewed\nhave you covered.</p>"
        '<p><hi rend="#b">Bold start<lb/>bold end</hi> and more</p></body>'
    )
    plain = [line.plain for line in walk(tree)]
    assert plain == ["Experts at Reviewed", "have you covered.", "Bold start", "bold end and more"]
    assert plain == xmltotxt(tree, include_formatting=False).splitlines()

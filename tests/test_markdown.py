"""Markdown dumps (html2text): read as the text they show, then cleaned like any dump."""

from __future__ import annotations

import html2text

from cleaner import clean
from cleaner.markdown import MIN_LINKS, looks_like_markdown, read
from tests.conftest import read_fixture
from tests.helpers import PROSE

PAGE = "html/synthetic_news.html"
MENU = "".join(f"  * [Section {n}](/section/{n})\n" for n in range(MIN_LINKS))


def plain_text(dump: str) -> str:
    return read(dump).text


def html2text_dump(html: str) -> str:
    return str(html2text.HTML2Text().handle(html))


def test_links_become_their_text_and_images_go() -> None:
    text = plain_text(
        'See [the report](https://example.org/report "Report") and ![a chart](/c.png)'
        " the **figures** in _table 2_."
    )
    assert text == "See the report and  the figures in table 2."


def test_a_link_wrapped_inside_its_url_is_still_one_link() -> None:
    dump = (
        "[ ![Logo](http://example.org/wp-content/themes/child-\n"
        "theme/logo.png) ](http://example.org)\n\n"
        "Read [the full-\nlength interview](http://example.org/a-long-\nslug/) here.\n"
    )
    assert plain_text(dump) == "Read the full-length interview here."


def test_wrapped_paragraphs_join_and_list_items_stay_apart() -> None:
    dump = (
        "# A headline\n\n"
        "The council voted on Monday to rebuild the sea wall that has protected\n"
        "the harbour since the nineteenth century.\n\n"
        "  * [Home](/)\n  * [News](/news)\n\n"
        "First line of an address  \nSecond line after a break\n"
    )
    assert plain_text(dump).split("\n") == [
        "A headline",
        "",
        "The council voted on Monday to rebuild the sea wall that has protected the "
        "harbour since the nineteenth century.",
        "",
        "  * Home",
        "  * News",
        "",
        "First line of an address",
        "Second line after a break",
    ]


def test_escapes_rules_and_link_definitions_go() -> None:
    dump = "1\\. Not a list \\*really\\*\n\n* * *\n\n[1]: http://example.org/note\n"
    assert plain_text(dump) == "1. Not a list *really*"


def test_only_dumps_full_of_markdown_links_are_read_as_markdown() -> None:
    assert looks_like_markdown(MENU)
    assert not looks_like_markdown("One [link](/a) in a plain dump.\n" * (MIN_LINKS - 1))
    assert not looks_like_markdown("**Bold** lines\n## and hashes\n" * 20)
    quoted = "A guide cites it. Retrieved from [example.org](https://example.org).\n"
    assert not looks_like_markdown(quoted * 10)  # links quoted in prose, none starts a line
    assert looks_like_markdown(quoted * 10 + "[Home](/)\n\n  * [News](/news)\n")


def test_an_html2text_dump_is_cleaned_to_the_article_in_plain_text() -> None:
    dump = html2text_dump(read_fixture(PAGE))
    assert looks_like_markdown(dump + MENU)
    result = clean(dump + MENU, kind="text")
    paragraphs = result.text.split("\n\n")
    assert paragraphs[0].startswith("The town council voted on Monday evening")
    assert (  # one paragraph again, though html2text wrapped it over three lines
        "that has protected the harbour since the nineteenth century, ending a debate"
        in paragraphs[0]
    )
    assert "A long argument over cost" in paragraphs
    assert result.text.endswith("is planned for April.")
    for furniture in ("Skip to content", "We use cookies", "Read also:", "Share this",
                      "weekly newsletter", "Related articles", "Storm damage bill",
                      "All rights reserved", "Section 1", "](", "**", "#"):  # fmt: skip
        assert furniture not in result.text


def test_markdown_reading_can_be_turned_off() -> None:
    linked = PROSE[1].replace("two winter storms", "[two winter storms](/storms)")
    dump = MENU + "\n" + "\n\n".join([PROSE[0], linked, PROSE[2]]) + "\n"
    assert "two winter storms had opened" in clean(dump, kind="text").text
    assert (
        "[two winter storms](/storms) had opened" in clean(dump, kind="text", markdown=False).text
    )


TEASERS = [
    "[Ferry operators warn that the winter timetable will be cut back again as fuel "
    "prices climb and fewer passengers travel](/news/ferry) between the islands.",
    "[The regional museum will reopen its maritime hall after a renovation that took "
    "two years and cost more than planned](/news/museum), the director said.",
]


def test_a_markdown_headline_anchors_the_story_under_teasers() -> None:
    """html2text writes no <title> line, so the teasers above the story would start
    the body; its "# " headline says where the story is."""
    story = "\n\n".join(PROSE)
    dump = (
        f"Skip to content\n\n{MENU}\n"
        + "\n\n".join(TEASERS)
        + f"\n\n# Harbour town votes to rebuild its sea wall\n\n{story}\n\n"
        + "Share this article\n\n[Facebook](/fb) [Twitter](/tw) [Email](/mail)\n"
    )
    result = clean(dump, kind="text", block_model=False)
    assert result.text.startswith(PROSE[0][:40])
    assert "Ferry operators" not in result.text
    assert "maritime hall" not in result.text
    assert result.title == "Harbour town votes to rebuild its sea wall"


def test_read_finds_the_first_top_level_headline_of_four_words_or_more() -> None:
    assert read("# Menu\n\n## A section of the site\n\n# The story's own headline\n").headline == (
        "The story's own headline"
    )
    assert read("## Not a top-level heading at all\n").headline is None


def test_heading_marks_inside_a_list_item_go() -> None:
    assert plain_text("  * #### Major land uses\n\n# Title ##\n") == "  * Major land uses\n\nTitle"


def shapes_of(dump: str) -> list[tuple[str, int, str]]:
    reading = read(dump)
    assert reading.shapes is not None
    lines = [line for line in reading.text.split("\n") if line]
    return [(s.kind.value, s.level, line) for s, line in zip(reading.shapes, lines, strict=True)]


def test_a_markdown_dump_keeps_what_each_line_was() -> None:
    dump = (
        "# The headline\n\nAn opening paragraph.\n\n## A section\n\n"
        "  * First\n    * Nested\n  * Second\n\n"
        "> A quotation that\n> runs on.\n\n"
        "Name | Age\n---|---\nAna | 34\nBo | 29\n"
    )
    assert shapes_of(dump) == [
        ("heading", 1, "The headline"),
        ("paragraph", 0, "An opening paragraph."),
        ("heading", 2, "A section"),
        ("list_item", 1, "  * First"),
        ("list_item", 2, "    * Nested"),
        ("list_item", 1, "  * Second"),
        ("quote", 0, "A quotation that runs on."),
        ("table", 0, "Name | Age"),
        ("table", 0, "Ana | 34"),
        ("table", 0, "Bo | 29"),
    ]


def test_a_lone_pipe_line_is_not_a_table() -> None:
    assert [kind for kind, _, _ in shapes_of("Home | About\n\nSome prose here.\n")] == [
        "paragraph",
        "paragraph",
    ]


def test_indented_code_is_found_by_its_shape() -> None:
    # html2text writes a <pre> indented, as it writes nested lists; its lines are read
    # as any other (the comment's "#" and the "**" go, as before), and the run of
    # lines shaped like code is code.
    dump = (
        "Run this:\n\n    def main():  \n        # say hello  \n"
        "        print(*args, **kwargs)  \n\n    main()\n\nThat is all.\n"
    )
    assert [(kind, level) for kind, level, _ in shapes_of(dump)] == [
        ("paragraph", 0),
        ("code", 0),
        ("code", 4),
        ("code", 4),
        ("code", 0),
        ("paragraph", 0),
    ]


def test_fenced_code_is_kept_without_its_fences() -> None:
    dump = "Example:\n\n```rust\nfn main() {\n    let a = 123;\n}\n```\n\nDone.\n"
    assert shapes_of(dump) == [
        ("paragraph", 0, "Example:"),
        ("code", 0, "fn main() {"),
        ("code", 4, "    let a = 123;"),
        ("code", 0, "}"),
        ("paragraph", 0, "Done."),
    ]


def test_a_list_item_s_indented_paragraph_is_not_code() -> None:
    dump = "  * An item\n\n    Its second paragraph, indented under it.\n"
    assert "code" not in [kind for kind, _, _ in shapes_of(dump)]

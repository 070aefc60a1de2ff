"""Markup that hides an article from trafilatura: a body split over two containers of
the same class (an ad between them) keeps both halves, and a small box sharing the
class is not joined; an article swallowed by an unclosed <aside> is still found."""

from __future__ import annotations

from cleaner import clean
from cleaner.repair import repaired, swallowing_wrappers, twins

FIRST = [
    "The harbour board met on Tuesday to decide the future of the old ferry pier, "
    "which has stood on the east bank of the river for more than a hundred years.",
    "Engineers told the board that the pier's timber piles had rotted below the "
    "waterline and that the structure could not carry vehicles for much longer.",
    "Several members asked whether the pier could be repaired in stages, so that the "
    "morning ferry to the islands would keep running while the work was done.",
    "The chief engineer answered that a staged repair would take twice as long and "
    "cost nearly as much as a new pier, because the old deck would have to be lifted.",
    "A survey commissioned last year had already found cracks in the stone abutments, "
    "and the insurers had warned the board that cover would lapse after the winter.",
]
SECOND = [
    "After two hours of debate the board voted to rebuild the pier in concrete, at a "
    "cost the treasurer put at four million over the next three years of the plan.",
    "The islanders' association welcomed the decision but said it would watch the "
    "timetable closely, since any gap in the ferry service would cut off its members.",
    "Work on the new piles is expected to begin in the spring, once the river is low "
    "enough for the divers who must cut the old timbers away from the riverbed.",
    "Until then the ferry will run from a temporary landing stage beside the boatyard, "
    "and passengers are asked to allow ten extra minutes for the walk from the bus stop.",
]


def _page(second_half: list[str]) -> str:
    def body(paragraphs: list[str]) -> str:
        inner = "".join(f"<p>{p}</p>" for p in paragraphs)
        return f'<div class="article-body story">{inner}</div>'

    return (
        "<html><head><title>Board votes to rebuild the ferry pier</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<article><h1>Board votes to rebuild the ferry pier</h1>"
        f"{body(FIRST)}"
        "<div class='advert'><a href='/ad'>Advertisement</a></div>"
        f"{body(second_half)}"
        "</article><footer>All rights reserved.</footer></body></html>"
    )


def test_both_halves_of_a_split_body_are_kept() -> None:
    text = clean(_page(SECOND), kind="html").text
    for paragraph in FIRST + SECOND:
        assert paragraph in text
    assert "Advertisement" not in text
    assert "All rights reserved" not in text


def test_the_halves_are_found_as_twins() -> None:
    from trafilatura.utils import load_html

    tree = load_html(_page(SECOND))
    assert len(twins(tree)) == 2
    assert repaired(tree) is not None


def test_a_small_container_sharing_the_class_is_not_repaired() -> None:
    from trafilatura.utils import load_html

    teaser = ["Read our guide to the river's other piers."]
    assert twins(load_html(_page(teaser))) == []
    assert repaired(load_html(_page(teaser))) is None


def _swallowed_page() -> str:
    """A newsletter popup whose <aside> is never closed: the parser nests the whole page,
    article included, inside it (as browsers do)."""
    paragraphs = "".join(f"<p>{p}</p>" for p in FIRST + SECOND)
    return (
        "<html><head><title>Board votes to rebuild the ferry pier</title></head><body>"
        "<aside class='popup'><div class='popup-inner'><p>Join our newsletter.</p></div>"
        "<div id='wrapper'><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Board votes to rebuild the ferry pier</h1>{paragraphs}</article>"
        "</div></body></html>"
    )


def test_an_article_swallowed_by_an_unclosed_aside_is_kept() -> None:
    text = clean(_swallowed_page(), kind="html").text
    for paragraph in FIRST + SECOND:
        assert paragraph in text


def test_the_swallowing_wrapper_is_found_and_only_it() -> None:
    from trafilatura.utils import load_html

    assert [e.tag for e in swallowing_wrappers(load_html(_swallowed_page()))] == ["aside"]
    assert swallowing_wrappers(load_html(_page(SECOND))) == []


def _page_with_box(box: str, after: list[str]) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in FIRST)
    rest = "".join(f"<p>{p}</p>" for p in after)
    return (
        "<html><head><title>Board votes to rebuild the ferry pier</title></head><body>"
        f"<article><h1>Board votes to rebuild the ferry pier</h1>{paragraphs}"
        f"{box}{rest}</article></body></html>"
    )


LATER = [
    "The harbour's fishing co-operative asked for a share of the contracts, saying its "
    "members know the river bed better than any contractor brought in from the city.",
    "The board agreed to publish the tender documents in March and to hold a public "
    "meeting on the design before any contract is signed, as the islanders had asked.",
]


def test_an_inline_related_box_does_not_end_an_extracted_body() -> None:
    """More prose after "Related" than before it: the label marked a box."""
    box = "<p>RELATED</p><p><a href='/other'>Ferry fares to rise in May</a></p>"
    text = clean(_page_with_box(box, SECOND + LATER), kind="html").text
    for paragraph in SECOND + LATER:
        assert paragraph in text


def test_a_closing_related_list_still_ends_an_extracted_body() -> None:
    box = "<h2>Related articles</h2>"
    teasers = ["Ferry fares to rise in May", "New bridge opens to cyclists", "Pier museum"]
    text = clean(_page_with_box(box, teasers), kind="html").text
    assert FIRST[-1] in text
    assert "Related articles" not in text
    assert "New bridge opens" not in text


def test_a_stub_first_choice_container_is_unmarked() -> None:
    """A breadcrumb trail whose class reads "page-content" was trafilatura's first
    choice; on the repaired copy the article's container is."""
    from trafilatura.utils import load_html
    from trafilatura.xpaths import BODY_XPATH

    from cleaner.repair import repaired

    paragraphs = "".join(f"<p>{p}</p>" for p in FIRST + SECOND)
    page = (
        "<html><body><div class='page-content-breadcrumbs'><ol><li><a href='/'>Home</a></li>"
        "<li><a href='/news'>News</a></li></ol></div>"
        f"<div id='content'><h1>Board votes to rebuild the ferry pier</h1>{paragraphs}</div>"
        "</body></html>"
    )

    def first_choice(tree: object) -> object:
        return next(found[0] for expression in BODY_XPATH if (found := expression(tree)))

    assert "breadcrumbs" in first_choice(load_html(page)).get("class")
    assert first_choice(repaired(load_html(page))).get("id") == "content"


def test_text_between_the_halves_stays_where_it_was() -> None:
    """Moving a twin moves it alone: the words after it (its tail in lxml) stay."""
    from trafilatura.utils import load_html

    page = _page(SECOND).replace("</div></article>", "</div>Filed from the quay.</article>")
    fixed = repaired(load_html(page))
    article = fixed.find(".//article")
    assert "Filed from the quay." in "".join(article.itertext())
    assert (article[-1].tail or "").strip() == "Filed from the quay."

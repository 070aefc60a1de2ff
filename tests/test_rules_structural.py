"""Structural rules (captions, credits, social embeds, author bios, tag lines): each
fires on its furniture and leaves real prose alone."""

from __future__ import annotations

from cleaner import clean
from cleaner.phrases import match_phrases
from cleaner.results import Reason
from cleaner.rules import bio, captions, social, tags
from tests.helpers import PROSE, page_of

CAPTION = "Rescuers work at the site of a missile attack in the capital on Thursday morning."


def test_duplicate_caption_drops_both_copies() -> None:
    page = page_of(PROSE[0], CAPTION, CAPTION, PROSE[1])
    marks = captions.duplicate_captions(page)
    assert set(marks) == {1, 2}
    assert marks[1].reason is Reason.CAPTION_DUPLICATE


def test_duplicate_caption_ignores_distant_repeats_and_prose() -> None:
    page = page_of(CAPTION, *PROSE, CAPTION)
    assert captions.duplicate_captions(page) == {}
    assert captions.duplicate_captions(page_of(*PROSE)) == {}


def test_credit_lines_fire() -> None:
    lines = ["GENYA SAVILOV/AFP/Getty Images", "Photo: Jonas Berg", "Reuters/Getty Images",
             "(Photo by Jane Doe)"]  # fmt: skip
    marks = captions.credit_lines(page_of(*lines))
    assert set(marks) == {0, 1, 2, 3}
    assert all(m.reason is Reason.PHOTO_CREDIT for m in marks.values())


def test_credit_lines_leave_prose_alone() -> None:
    lines = [*PROSE, "Photographs of the wall were shown to the council on Monday.",
             "The AFP news agency reported the attack."]  # fmt: skip
    assert captions.credit_lines(page_of(*lines)) == {}


def test_credited_caption_fires_on_a_parenthesised_credit() -> None:
    line = "Debris surrounds a building after the strike on April 24. (Jane Doe/Telegram)"
    assert captions.credited_captions(page_of(line))[0].reason is Reason.CAPTION


def test_credited_caption_leaves_parentheses_in_prose_alone() -> None:
    line = "The institute (KIDA) said the figures were preliminary (and could change)."
    assert captions.credited_captions(page_of(line, *PROSE)) == {}


TWEET_TEXT = "Rescue teams are still working at the site of the attack in the city centre."
SIGNATURE = (
    "The building was hit at 4am. https://t.co/abc123 pic.twitter.com/xyz — "
    "Jane Doe (@janedoe) April 24, 2025"
)
QUOTE = (
    '"Rescue teams are still working at the site of the attack in the city centre. '
    'The building was hit at 4am," Doe wrote on X.'
)


def test_embedded_post_repeated_by_the_body_is_dropped() -> None:
    page = page_of(PROSE[0], TWEET_TEXT, SIGNATURE, QUOTE, PROSE[1])
    marks = social.embedded_posts(page)
    assert set(marks) == {1, 2}
    assert marks[2].reason is Reason.SOCIAL_EMBED


def test_embedded_post_not_repeated_is_kept() -> None:
    page = page_of(PROSE[0], TWEET_TEXT, SIGNATURE, PROSE[1])
    assert social.embedded_posts(page) == {}


BIO = (
    "Jane Doe is a news editor at the Courier, with a background in broadcast journalism. "
    "She previously worked as a TV reporter.Read more"
)


def test_author_name_lines_and_bio_are_dropped() -> None:
    page = page_of(PROSE[0], "Jane Doe", "Jane Doe", BIO, author="Jane Doe")
    marks = bio.author_furniture(page)
    assert marks[1].reason is Reason.BYLINE
    assert marks[2].reason is Reason.BYLINE
    assert marks[3].reason is Reason.AUTHOR_BIO


def test_bio_found_after_a_name_line_without_a_known_author() -> None:
    page = page_of(PROSE[0], "Jane Doe", BIO)
    assert bio.author_furniture(page)[2].reason is Reason.AUTHOR_BIO


def test_prose_about_a_person_is_not_a_bio() -> None:
    line = "Jane Doe is a resident of the harbour who has campaigned for the wall for years."
    page = page_of(PROSE[0], line, PROSE[1], author="Jane Doe")
    assert bio.author_furniture(page) == {}


ABOUT_BIO = (
    "Jane Doe writes about the sea and the towns that live from it. Her first book, on "
    "the harbour's fishing families, came out in 2019."
)


def test_about_box_naming_its_person_is_found() -> None:
    page = page_of(PROSE[0], PROSE[1], "About Jane Doe", ABOUT_BIO)
    assert bio.about_boxes(page) == [2]
    company = "Acme Marine is a global provider of harbour engineering, with staff in 15 countries."
    assert bio.about_boxes(page_of(PROSE[0], "Über Acme Marine", company)) == [1]


def test_about_headings_that_are_no_profile_box() -> None:
    footer = page_of(PROSE[0], "About Us", "Contact Us", "About Jane Doe", "Jane Doe")
    assert bio.about_boxes(footer) == []  # menu items, no paragraph under them
    section = page_of(PROSE[0], "About the Atlas Pack", PROSE[1])
    assert bio.about_boxes(section) == []  # "about the <thing>": a section of the article
    unrelated = page_of("About Jane Doe", PROSE[1])
    assert bio.about_boxes(unrelated) == []  # the paragraph does not name her


def test_about_box_ends_the_article_in_text_mode() -> None:
    text = "\n\n".join([*PROSE, "About Jane Doe", ABOUT_BIO])
    body = clean(text, kind="text").text
    assert all(p in body for p in PROSE)
    assert "About Jane Doe" not in body
    assert "first book" not in body


def test_byline_lines_are_dropped() -> None:
    page = page_of(
        "By Jane Doe | Harbour Courier",
        "Posted by Jane Doe on November 18, 2019, 6:21 AM EST",
        PROSE[0],
        "By taking the ferry instead, residents saved an hour on each trip to the city",
        "By the end of the year the wall will be finished.",
        "Di Maio said nothing",
    )
    marks = bio.byline_lines(page)
    assert sorted(marks) == [0, 1]
    assert marks[0].reason is Reason.BYLINE


def test_bios_that_introduce_a_writer_are_dropped() -> None:
    page = page_of(
        PROSE[0],
        "Jane Doe is a freelance writer based in Toronto. Her work has appeared in Harbour Life.",
        "Mary Ann Smith is a reporter for the Harbour Courier.",
        "Jane Doe is a harbour pilot who has guided ships into the port for thirty years.",
        "The Courier is a newspaper for the whole coast.",
        "Jane Doe is a writer. " * 20,  # a paragraph about a writer: the article's subject
    )
    marks = bio.introduced_authors(page)
    assert sorted(marks) == [1, 2]
    assert marks[1].reason is Reason.AUTHOR_BIO


def test_tag_line_fires() -> None:
    page = page_of("North Korea, North Korean missiles, Missile attack, Volodymyr Zelensky")
    assert tags.tag_lines(page)[0].reason is Reason.TAG_LIST


def test_tag_line_leaves_a_table_row_alone() -> None:
    from dataclasses import replace

    from cleaner.results import BlockKind

    row = "| Cups | Coffee (g) | Water (g) |"
    assert tags.tag_lines(page_of(row))  # as a bare line it reads as tags
    page = page_of(row)
    page.blocks[0] = replace(page.blocks[0], kind=BlockKind.TABLE)
    assert tags.tag_lines(page) == {}


def test_tag_line_leaves_lists_in_prose_alone() -> None:
    line = "Visitors came from Paris, London, Berlin and Rome to see the new harbour."
    assert tags.tag_lines(page_of(line, *PROSE)) == {}


def test_comment_thread_starts_at_its_first_commenter() -> None:
    from cleaner.rules import comments

    thread = []
    for name in ("jo", "sam", "kim"):
        thread += [f"{name} says:", "November 19, 2019 at 6:34 am", "I agree with the article."]
    page = page_of(*PROSE, *thread)
    assert comments.thread_starts(page) == [3]
    marks = comments.comment_furniture(page)
    assert {i for i, m in marks.items() if m.reason is Reason.COMMENTS_WIDGET} == {3, 6, 9}


def test_dated_commenter_lines_make_a_thread_even_as_bullets() -> None:
    from cleaner.rules import comments

    thread = []
    for name in ("Gary M", "Catherine (Harbour Trust)", "Mohammad"):
        thread += [f"* {name} on September 17, 2018 at 8:50 pm said:", "I agree with it."]
    page = page_of(*PROSE, *thread)
    assert comments.thread_starts(page) == [3]
    assert set(comments.comment_furniture(page)) == {3, 5, 7}


def test_news_feed_with_relative_times_is_not_a_thread() -> None:
    from cleaner.rules import comments

    feed = []
    for n in range(3):
        feed += ["Newsweek", f"{n + 1} hours ago", "Some other headline about the news"]
    page = page_of(*PROSE, *feed)
    assert comments.thread_starts(page) == []
    assert comments.comment_furniture(page_of(*PROSE)) == {}


def test_a_form_ends_the_article_unless_the_article_goes_on_below_it() -> None:
    from cleaner.rules import forms

    form = ["First Name *", "Last Name *", "Business Email *", "Company *"]
    page = page_of(*PROSE[:2], *form, "Baltimore, MD")
    page.add_marks(match_phrases(page))
    assert forms.form_start(page) == 2
    scattered = page_of(PROSE[0], "Email *", *PROSE[1:3], "Company *", *PROSE, "Phone *")
    scattered.add_marks(match_phrases(scattered))
    assert forms.form_start(scattered) is None  # three labels, but no cluster

    article = "\n\n".join([*PROSE[:2], *form, "Baltimore, MD", "11311 McCormick Rd."])
    kept = clean(article, kind="text").text
    assert PROSE[1] in kept and "Baltimore" not in kept
    gated = "\n\n".join([PROSE[0], *form, *PROSE[1:]])  # a download form mid-article
    assert PROSE[-1] in clean(gated, kind="text").text


RESUMED = [
    "Divers who inspected the foundations last month found that the oldest section had "
    "shifted by several centimetres since the last survey was carried out in 2009.",
    "The council said the harbour would stay open to fishing boats throughout the work, "
    "although the ferry to the islands will leave from the northern pier until June.",
]
TEASERS = [
    "Storm damage bill tops two million",
    "Ferry timetable changes for the winter",
    "Fishermen fear a second bad season",
]


def test_a_related_box_inside_the_article_is_dropped_and_the_article_goes_on() -> None:
    from cleaner.rules import boxes

    page = page_of(*PROSE, "Related articles", *TEASERS, *RESUMED)
    heading = len(PROSE)
    good = [f.chars if f.words >= 12 else 0 for f in page.features]
    marks = boxes.inline_boxes(page, [heading], good, {heading})
    assert sorted(marks) == list(range(heading, heading + 1 + len(TEASERS)))
    assert all(m.reason is Reason.RELATED for m in marks.values())

    text = clean("\n\n".join([*PROSE, "Related articles", *TEASERS, *RESUMED]), kind="text").text
    assert all(p in text for p in [*PROSE, *RESUMED])
    assert "Related articles" not in text
    assert not any(t in text for t in TEASERS)


def test_a_related_feed_after_the_article_still_ends_it() -> None:
    from cleaner.rules import boxes

    summaries = [
        "Engineers say the repairs will take most of the year and cost more than planned.",
        "The operator says the new timetable will add two sailings on summer weekends.",
    ]
    feed = [TEASERS[0], summaries[0], TEASERS[1], summaries[1]]
    page = page_of(*PROSE, "Related articles", *feed)
    good = [f.chars if f.words >= 12 else 0 for f in page.features]
    assert boxes.inline_boxes(page, [len(PROSE)], good, {len(PROSE)}) == {}

    text = clean("\n\n".join([*PROSE, "Related articles", *feed]), kind="text").text
    assert PROSE[-1] in text
    assert not any(s in text for s in summaries)


def test_a_short_post_above_a_long_comment_thread_is_kept_and_the_thread_dropped() -> None:
    comments = [
        "I have lived by the harbour for thirty years and I have never seen the wall in "
        f"such a state; the council should have acted after storm number {n}, not now. "
        "The engineers warned them about the cracks more than once, and nobody listened."
        for n in range(8)
    ]
    thread = []
    for n, name in enumerate(["Jo Smith", "Sam Lee", "Ann Brown", "Tom Hill"]):
        thread += [
            f"{name} on November {n + 10}, 2019 at 6:34 am said:",
            *comments[2 * n : 2 * n + 2],
        ]
    text = clean("\n\n".join([PROSE[0], "Comments", *thread]), kind="text").text
    assert PROSE[0] in text
    assert not any(c in text for c in comments)


def test_another_article_glued_after_related_is_no_inline_box() -> None:
    from cleaner.rules import boxes

    other = ["Ferry timetable changes for the winter", "By Jane Doe", "November 19, 2019", *RESUMED]
    page = page_of(*PROSE, "Related articles", *other)
    good = [f.chars if f.words >= 12 else 0 for f in page.features]
    assert boxes.inline_boxes(page, [len(PROSE)], good, {len(PROSE)}) == {}


def test_stamps_with_the_commenters_name_make_a_thread() -> None:
    """TypePad's comment footer and Disqus's header carry the name before the stamp."""
    from cleaner.rules import comments

    typepad = []
    for name in ("Tom Fisher", "Marta K.", "jo"):
        typepad += ["I agree with the article.", f"Posted by: {name} | March 03, 2026 at 09:14 AM"]
    assert comments.thread_starts(page_of(*PROSE, *typepad)) == [4]
    disqus = []
    for name in ("Tom Fisher", "Marta K.", "jo"):
        disqus += [f"* {name} • 2 years ago", "I agree with the article.", "Reply • Share ›"]
    page = page_of(*PROSE, *disqus)
    assert comments.thread_starts(page) == [3]
    assert set(comments.comment_furniture(page)) == {5, 8, 11}  # the buttons


def test_relative_stamps_without_reply_buttons_are_a_feed() -> None:
    from cleaner.rules import comments

    feed = []
    for source in ("Reuters", "AP", "Harbour Courier"):
        feed += [f"{source} • 3 hours ago", "Another headline about the storm on the coast"]
    assert comments.thread_starts(page_of(*PROSE, *feed)) == []


def test_the_dateline_above_a_comments_heading_does_not_start_the_thread() -> None:
    from cleaner.phrases import match_phrases
    from cleaner.rules import comments

    thread = []
    for name in ("Tom Fisher", "Marta K.", "jo"):
        thread += [f"{name} • 2 years ago", "I agree with the article.", "Reply"]
    page = page_of("March 3, 2026", *PROSE, "3 Comments", *thread)
    page.add_marks(match_phrases(page))
    assert comments.thread_starts(page) == [4]  # the heading, not the dateline at 0


def test_blogger_said_lines_are_commenters_only_when_short() -> None:
    from cleaner.rules import comments

    assert comments.line_kind("Ann Lee said...", 3) == comments.COMMENTER
    line = "The harbour master, who has seen many storms, said..."
    assert comments.line_kind(line, len(line.split())) is None

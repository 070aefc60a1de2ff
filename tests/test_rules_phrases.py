"""The generic phrase lists: each category fires on its furniture and leaves prose alone."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from cleaner.phrases import end_marker, match_phrases
from tests.helpers import PROSE, page_of

FIRES = [
    ("Skip to content", "navigation_menu"),
    ("Log in", "navigation_menu"),
    ("All Newsletters Arrow right", "navigation_menu"),
    ("Sign up for our weekly newsletter", "newsletter_prompt"),
    ("Enter your email address", "newsletter_prompt"),
    ("Successfully subscribed", "newsletter_prompt"),
    ("* indicates required", "form_residue"),
    ("Please, enter correct email address", "form_residue"),
    ("Share this article", "share_widget"),
    ("Facebook Twitter Email", "share_widget"),
    ("Edit post", "share_widget"),
    ("3 min read", "share_widget"),
    ("No comments yet...", "comments_widget"),
    ("Leave a comment", "comments_widget"),
    ("We use cookies to improve your experience on our site.", "cookie_notice"),
    ("Subscribe to continue reading", "paywall_notice"),
    ("Already a subscriber?", "paywall_notice"),
    ("Advertisement", "promo_line"),
    ("Pre-order now", "promo_line"),
    ("Be among the first to get it.", "promo_line"),
    ("This audio is created with AI assistance", "disclaimer_line"),
    ("This article contains affiliate links.", "disclaimer_line"),
    ("© 2024 The Coastal Courier. All rights reserved.", "disclaimer_line"),
    ("36 minutes ago", "relative_timestamp"),
    ("an hour ago", "relative_timestamp"),
    ("Read also: Fishermen fear a second bad season in a row", "inline_related_link"),
    ("RELATED: Storm damage bill tops two million", "inline_related_link"),
    ("About the author", "author_bio"),
    ("Startseite", "navigation_menu"),
    ("Se connecter", "navigation_menu"),
    ("Главная", "navigation_menu"),
    ("ログイン", "navigation_menu"),
    ("회원가입", "navigation_menu"),
    ("Anzeige", "promo_line"),
    ("スポンサードリンク", "promo_line"),
    ("Leggi anche: Il porto riapre a maggio", "inline_related_link"),
    ("Lire aussi", "inline_related_link"),
    ("Image 1 of 5", "photo_caption"),
    ("Foto 3/12", "photo_caption"),
    ("Copyright ⓒ Harbour Courier. All use is subject to our terms", "disclaimer_line"),
    ("저작권자 ⓒ 하버신문 무단전재 및 재배포 금지", "disclaimer_line"),
    ("Thanks for signing up!", "newsletter_prompt"),
    ("See All Newsletters", "newsletter_prompt"),
    ("There was an error processing your subscription.", "newsletter_prompt"),
    ("No spam, we promise. You can unsubscribe at any time.", "newsletter_prompt"),
    ("5H ago", "relative_timestamp"),
    ("updated 15M ago", "relative_timestamp"),
    ("2019-11-19T08:57:40+01:00", "relative_timestamp"),
    ("Email *", "form_residue"),
    ("Company name*", "form_residue"),
    ("This field is for validation purposes and should be left unchanged.", "form_residue"),
    ("Published Monday, November 18, 2019 8:22AM EST", "dateline"),
    ("Last updated: Sep 4, 2025", "dateline"),
    ("Aktualisiert am 12.05.2024", "dateline"),
    ("Stay up to date with Harbour Courier.", "newsletter_prompt"),
    ("Want more stories like this?", "newsletter_prompt"),
    ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod", "placeholder_text"),
    ("- Lorem ipsum 2", "placeholder_text"),
    ("Subscribe  No thanks", "newsletter_prompt"),
    ("You have succesfully subscribed. Thank you!", "newsletter_prompt"),
    ("An email with an activation link has just been sent to you.", "newsletter_prompt"),
    # Platforms' and templates' furniture, the same on every site that uses them.
    ("Table of Contents", "table_of_contents"),
    ("Written by:", "byline"),
    ("Contributing Writer", "byline"),
    ("On this page", "table_of_contents"),
    ("Quick Links", "navigation_menu"),
    ("Post navigation", "navigation_menu"),
    ("Back to Blog", "navigation_menu"),
    ("Oops! Something went wrong while submitting the form.", "form_residue"),
    ("Thank you! Your submission has been received!", "form_residue"),
    ("Was this page helpful?", "form_residue"),
    ("Expand full comment", "comments_widget"),
    ("Like Loading...", "comments_widget"),
    (
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "comments_widget",
    ),
    ("Do Not Sell or Share My Personal Information", "cookie_notice"),
    ("We and our partners process data to provide:", "cookie_notice"),
    (
        "Necessary cookies are absolutely essential for the website to function properly.",
        "cookie_notice",
    ),
    ("Start free trial", "promo_line"),
    ("Book a demo", "promo_line"),
    (
        "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of "
        "Service apply.",
        "disclaimer_line",
    ),
    ("An official website of the United States government", "disclaimer_line"),
    ("Here's how you know", "disclaimer_line"),
    ("Secure .gov websites use HTTPS", "disclaimer_line"),
    (
        "Federal government websites often end in .gov or .mil. Before sharing sensitive "
        "information, make sure you're on a federal government site.",
        "disclaimer_line",
    ),
    # Footers and closed threads, in several languages.
    ("Abonnez-vous à partir de 1 €", "paywall_notice"),
    ("Jetzt abonnieren", "paywall_notice"),
    ("Suscríbete desde 1 €", "paywall_notice"),
    ("Subscribe from $1 a week", "paywall_notice"),
    ("Inscrivez-vous à notre newsletter", "newsletter_prompt"),
    ("Newsletter abonnieren", "newsletter_prompt"),
    ("› Coffret dvd", "navigation_menu"),
    ("« Ferry fares rise again | Main | The bridge reopens »", "navigation_menu"),
    ("© Le Courrier.fr | Mentions légales | Aide", "disclaimer_line"),
    ("The comments to this entry are closed.", "comments_widget"),
    ("Les commentaires sont fermés.", "comments_widget"),
    ("Kommentare sind geschlossen.", "comments_widget"),
]


@pytest.mark.parametrize(("line", "reason"), FIRES)
def test_category_fires(line: str, reason: str) -> None:
    marks = match_phrases(page_of(line))
    assert marks[0].reason == reason


NOT_FURNITURE = [
    *PROSE,
    "Residents who want to subscribe to the new flood alerts can do so at the library, "
    "the council said, and the service will be free of charge for everyone.",
    "The company said it uses cookies in its bakery recipes, not on its website.",
    "He shared the video with reporters an hour ago and declined to comment further on it.",
    "More than 200 missiles and drones were launched overnight, officials said.",
    "Why It Matters",
    "What Happens Next",
    "Der Kontakt zur Hafenverwaltung brach nach dem Sturm ab, sagte der Bürgermeister.",
    "Leggi anche il rapporto degli ingegneri, ha detto il sindaco ai giornalisti.",
    "Image 1 of the survey shows the cracks along the northern quay.",
    "Copyright lawyers said the council's use of the photographs was fair.",
    "The storm reached the coast at 5 am, two hours earlier than forecast.",
    "The report was published in 2019 and updated in 2020 by the harbour council.",
    "player.setav stamina *",  # a console command in a game guide, not a form label
    "Stay tuned for the harbour council's decision on the quay next week.",
    "Stay informed: check the tide tables before you take the boat out.",
    "The contents of the harbour master's report were published on Tuesday.",
    "Table of contents of the council's report",
    "Written by hand, the letters were kept in the harbour office.",
    "Book now if you want a berth for the summer, the harbour master advised.",
    "Residents can request information about the works at the town hall.",
    "The agency's website ends in .gov, officials said, and warned of copies.",
    "»Wir sind zufrieden«, sagte der Bürgermeister nach der Abstimmung.",
    "© Reuters",
    "© A.M. Best Company, Inc. — used by permission",
    "Les abonnés du journal ont reçu la lettre mardi, a indiqué la direction.",
    "The main road and the harbour were closed for two days after the storm.",
]


@pytest.mark.parametrize("line", NOT_FURNITURE)
def test_category_leaves_prose_alone(line: str) -> None:
    assert match_phrases(page_of(line)) == {}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Related Articles", "related_content"),
        ("Most popular", "related_content"),
        ("More from The Coastal Courier", "related_content"),
        ("You may also like", "related_content"),
        ("Editors' Picks", "related_content"),
        ("News Feed", "related_content"),
        ("Comments (12)", "comments_widget"),
        ("Hashtags", "tag_list"),
        ("Tags:", "tag_list"),
        ("Ähnliche Artikel", "related_content"),
        ("Artículos relacionados", "related_content"),
        ("Você pode gostar...", "related_content"),
        ("関連記事", "related_content"),
        ("Kommentare (3)", "comments_widget"),
        ("댓글", "comments_widget"),
        ("Schlagwörter:", "tag_list"),
        ("많이 본 칼럼", "related_content"),
        ("More Great Courier Stories", "related_content"),
        ("Other stories", "related_content"),
        ("Recent Posts", "related_content"),
        ("Discussion about this post", "comments_widget"),
        ("« Ferry fares rise again | Main | The bridge reopens »", "navigation_menu"),
        ("Main | The bridge reopens »", "navigation_menu"),
    ],
)
def test_end_marker_fires(line: str, reason: str) -> None:
    marker = end_marker(line)
    assert marker is not None
    assert marker.reason == reason


@pytest.mark.parametrize(
    "line",
    [
        "Related research suggests the wall will last another century",
        "More from the meeting: residents demand a vote",
        "Why It Matters",
        "Leggi anche",  # "read also" links inside the body; the body goes on after it
        PROSE[0],
    ],
)
def test_end_marker_ignores_headings_and_prose(line: str) -> None:
    assert end_marker(line) is None


def _anchors_every_alternative(pattern: str) -> bool:
    """Whether each top-level alternative of the pattern starts with "^" (read with the
    standard library's own parser, which is internal but fine for a data check)."""
    from re import _parser  # type: ignore[attr-defined]
    from re._constants import AT, AT_BEGINNING, BRANCH  # type: ignore[import-not-found]

    items = list(_parser.parse(pattern))
    if items[:1] == [(AT, AT_BEGINNING)]:
        return True
    if len(items) == 1 and items[0][0] is BRANCH:
        return all(list(branch)[:1] == [(AT, AT_BEGINNING)] for branch in items[0][1][1])
    return False


def test_patterns_that_start_anchored_anchor_every_alternative() -> None:
    """`phrases` tries patterns that start with "^" only at a block's start, which is
    right only if no alternative of theirs is unanchored ("^menu$|arrow" would be)."""
    raw = resources.files("cleaner").joinpath("data/boilerplate.toml").read_text("utf-8")
    wrong = [
        pattern
        for category in tomllib.loads(raw)["category"]
        for pattern in category["patterns"]
        if pattern.startswith("^") and not _anchors_every_alternative(pattern)
    ]
    assert not wrong
    assert not _anchors_every_alternative("^menu$|arrow right")
    assert _anchors_every_alternative("^(previous|older)|^(next|newer)")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Sign in to read more. We use cookies on this site.", "cookie_notice"),
        ("Tap here: arrow right", "navigation_menu"),
    ],
)
def test_unanchored_patterns_fire_inside_a_line(line: str, reason: str) -> None:
    marks = match_phrases(page_of(line))
    assert marks[0].reason == reason


NEWSLETTER_PROMPTS = [
    "Subscribe to our newsletter",
    "Newsletter Sign Up",
    "Global newsletter sign up",
    "Want more deals? Subscribe to the Harbour Deals newsletter.",
    "For daily tide tables, sign up for the Harbour Almanac newsletter.",
    "Stay informed. Sign up for the newsletter.",
    "Click here to sign up for our newsletter for fresh guides and deep dives.",
    "The free Quayside newsletter delivers one research story to your inbox every Monday.",
    "Get the Harbour Courier newsletter delivered to your inbox",
    "Harbour newsletters: daily and weekly news, jobs and events - subscribe here!",
    "Yes, I'd also like to subscribe to the Harbour Forward newsletter",
    "Thanks for reading Quayside Notes! Subscribe for free to receive new posts.",
]


@pytest.mark.parametrize("line", NEWSLETTER_PROMPTS)
def test_newsletter_prompts_go(line: str) -> None:
    assert match_phrases(page_of(line))[0].reason == "newsletter_prompt"


NEWSLETTER_MENTIONS = [
    "But I'm also aware of what I might be missing. The serendipitous discovery in a "
    "newsletter I wouldn't have opened, the essay that sat in my inbox for a week.",
    "I also picked 28 newsletters, a small subset of the newsletters I subscribe to, "
    "as the test set.",
    "Watch the market: follow the trade press, subscribe to industry newsletters, and "
    "read the harbour council's minutes every month.",
    "Readers who want the report when it is out can sign up for the council's "
    "newsletter by writing to the harbour office.",
    "It is refreshing to be subscribed to a newsletter that only emails me when there "
    "is news, rather than filling my inbox every day.",
]


@pytest.mark.parametrize("line", NEWSLETTER_MENTIONS)
def test_newsletter_mentions_in_prose_stay(line: str) -> None:
    """A phrase rule fires on a prompt's shape (a call to sign up, words to the reader),
    not on a sentence that only mentions a newsletter, a subscription or an inbox."""
    assert match_phrases(page_of(line)) == {}

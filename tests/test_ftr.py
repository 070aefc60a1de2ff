"""Tests for the fivefilters site-config reader and applier (`cleaner.ftr`, `cleaner.ftr_apply`)."""

from __future__ import annotations

import logging
from pathlib import Path

import lxml.html
import pytest

from cleaner.ftr import (
    FtrDirectory,
    FtrRemoval,
    FtrReplacement,
    SiteConfig,
    apply_replacements,
    apply_site_config,
    candidate_names,
    compile_xpath,
    parse_site_config,
    validate_directory,
)
from tests.shared_material import require

COLLECTION = Path(__file__).resolve().parents[2] / "shared" / "site-rules" / "ftr-site-config"
# Measured on the 2026-08-18 snapshot: clubic.com:23 (a `//` comment line), gendai.media:7
# (contain()), faz.net:24, polygon.com:1 and zive.cz:1 (one-argument contains()),
# revue-farouest.fr:35 (`|` between two booleans), blogs.faz.net:28 (strip: ' ·  '),
# 16personalities.com:5 (a body built as a string from JSON-LD, which is not applied).
COLLECTION_PROBLEMS = 8

PAGE = """<html><head><title>Site | Headline</title>
<meta property="og:title" content="  The   Headline "></head><body>
<header class="masthead"><h1>The Headline</h1><span class="byline">Ann Author</span></header>
<div id="main"><article class="post">
<p>First paragraph of the story.</p>
<div class="share-tools">Share this on   everything</div>
<p>Second paragraph<aside class="promo">Subscribe now</aside> continues here.</p>
<img src="https://ads.example.net/pixel.gif"><img src="/photo.jpg">
<time datetime="2024-05-01">May 1</time>
</article></div>
<div class="post-body">Part one</div>
<div class="post-body">Part two <div class="post-body">inner</div></div>
</body></html>"""


def tree() -> lxml.html.HtmlElement:
    return lxml.html.fromstring(PAGE)


def config(text: str, path: str = "example.com.txt") -> SiteConfig:
    return parse_site_config(text, path)


def text_of(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


# --- parsing -----------------------------------------------------------------------------


def test_parse_keeps_directives_in_order_with_line_numbers() -> None:
    parsed = config("# a comment\n\nbody: //article\nstrip: //aside\n  strip : //nav  \n")
    assert [(r.value, r.line) for r in parsed.strip] == [("//aside", 4), ("//nav", 5)]
    assert parsed.body[0].directive == "body"
    assert parsed.body[0].path == "example.com.txt"
    assert parsed.problems == ()


def test_unknown_directive_is_ignored_with_a_debug_note(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="cleaner.ftr"):
        parsed = config("titl: //h1\ntitle: //h2\n")
    assert [r.value for r in parsed.title] == ["//h2"]
    assert parsed.problems == ()
    assert "unknown directive 'titl'" in caplog.text


def test_malformed_and_empty_lines_become_problems_not_errors() -> None:
    parsed = config("// remove the footer\nbody:\nstrip: //footer\n\x00\x02 junk")
    assert parsed.problems == (
        "example.com.txt:1: not a 'directive: value' line: '// remove the footer'",
        "example.com.txt:2: body has an empty value",
        "example.com.txt:4: not a 'directive: value' line: '\\x00\\x02 junk'",
    )
    assert [r.value for r in parsed.strip] == ["//footer"]


def test_xpath_values_keep_colons() -> None:
    parsed = config("date:substring-before(//p[@class='d'], ':')\n")
    assert parsed.date[0].value == "substring-before(//p[@class='d'], ':')"


def test_find_and_replace_pairs_in_both_forms() -> None:
    parsed = config(
        "find_string: <amp-img\nreplace_string: <img\n"
        'replace_string(,"value":): ,"invalid":\n'  # the needle holds a colon
        "replace_string( | Site):\n"  # empty replacement deletes; the needle keeps spaces
    )
    assert parsed.replacements == (
        FtrReplacement("<amp-img", "<img", 1),
        FtrReplacement(',"value":', ',"invalid":', 3),
        FtrReplacement(" | Site", "", 4),
    )
    assert parsed.problems == ()


def test_unpaired_find_and_replace_are_problems() -> None:
    parsed = config(
        "replace_string: x\nfind_string: a\nfind_string: b\nreplace_string: c\nfind_string: d"
    )
    assert parsed.replacements == (FtrReplacement("b", "c", 3),)
    assert parsed.problems == (
        "example.com.txt:1: replace_string without a find_string before it",
        "example.com.txt:2: find_string has no replace_string",
        "example.com.txt:5: find_string has no replace_string",
    )


def test_prune_and_other_directives() -> None:
    assert config("").prune is None
    assert config("prune: no").prune is False
    assert config("prune: yes").prune is True
    assert config("prune: maybe").problems == (
        "example.com.txt:1: prune should be yes or no, not 'maybe'",
    )
    parsed = config(
        "http_header(User-Agent): Mozilla/5.0 (X11; Linux)\ntest_url: https://example.com/a"
    )
    assert [(r.directive, r.value) for r in parsed.other] == [
        ("http_header(User-Agent)", "Mozilla/5.0 (X11; Linux)"),
        ("test_url", "https://example.com/a"),
    ]


# --- host matching -------------------------------------------------------------------------


def test_candidate_names_follow_the_collection_convention() -> None:
    assert candidate_names("www.theguardian.com") == ["theguardian.com.txt"]
    assert candidate_names("News.BBC.co.uk.") == [
        "news.bbc.co.uk.txt",
        ".bbc.co.uk.txt",
        ".co.uk.txt",
    ]
    assert candidate_names("en.m.wikipedia.org") == [
        "en.m.wikipedia.org.txt",
        ".m.wikipedia.org.txt",
        ".wikipedia.org.txt",
    ]
    assert candidate_names("") == []
    assert candidate_names("bad host/name") == []


@pytest.fixture
def directories(tmp_path: Path) -> tuple[Path, Path]:
    base, custom = tmp_path / "base", tmp_path / "custom"
    base.mkdir()
    custom.mkdir()
    (base / "example.com.txt").write_text("body: //base-exact")
    (base / ".example.com.txt").write_text("body: //base-wildcard")
    (base / "other.org.txt").write_text("body: //base-other")
    (base / "global.txt").write_text("body: //global")
    (custom / "other.org.txt").write_text("body: //custom-other")
    (custom / ".example.com.txt").write_text("body: //custom-wildcard")
    return base, custom


def found_body(directory: FtrDirectory, host: str) -> str | None:
    found = directory.find(host)
    return None if found is None else found.body[0].value


def test_find_matches_host_www_and_subdomains(directories: tuple[Path, Path]) -> None:
    base, _ = directories
    rules = FtrDirectory([base])
    assert found_body(rules, "example.com") == "//base-exact"
    assert found_body(rules, "www.example.com") == "//base-exact"
    assert found_body(rules, "news.example.com") == "//base-wildcard"
    assert found_body(rules, "a.b.example.com") == "//base-wildcard"
    assert found_body(rules, "example.org") is None
    assert found_body(rules, "global") is None


def test_later_directories_win_for_the_same_name(directories: tuple[Path, Path]) -> None:
    rules = FtrDirectory(list(directories))
    assert found_body(rules, "other.org") == "//custom-other"
    assert found_body(rules, "news.example.com") == "//custom-wildcard"
    # name priority first: the base exact file beats the custom wildcard
    assert found_body(rules, "example.com") == "//base-exact"


def test_directory_is_lazy_and_caches(tmp_path: Path, directories: tuple[Path, Path]) -> None:
    rules = FtrDirectory([tmp_path / "missing", directories[0]])  # construction reads nothing
    first = rules.find("example.com")
    assert first is not None
    assert rules.find("www.example.com") is first


# --- applying ------------------------------------------------------------------------------


def test_body_single_match_stays_in_the_tree() -> None:
    page = tree()
    applied = apply_site_config(page, config("body: //nothing\nbody: //article"))
    assert applied.body is not None
    assert applied.body.tag == "article"
    assert applied.body.getroottree().getroot() is page


def test_body_with_several_matches_wraps_the_outermost_in_a_div() -> None:
    applied = apply_site_config(tree(), config("body: //div[@class='post-body']"))
    assert applied.body is not None
    assert applied.body.tag == "div"
    assert [text_of(child) for child in applied.body] == ["Part one", "Part two inner"]


def test_body_not_found() -> None:
    assert apply_site_config(tree(), config("body: //main")).body is None


def test_strip_removes_and_records_keeping_following_text() -> None:
    page = tree()
    applied = apply_site_config(page, config("\nstrip: //aside\nstrip: //nav"))
    assert applied.removed == (FtrRemoval("example.com.txt", 2, "strip", "Subscribe now"),)
    assert "Second paragraph continues here." in text_of(page)
    assert "Subscribe" not in text_of(page)


def test_strip_text_nodes() -> None:
    page = tree()
    applied = apply_site_config(page, config("strip: //span[@class='byline']/text()"))
    assert [r.text for r in applied.removed] == ["Ann Author"]
    assert "Ann Author" not in text_of(page)


def test_strip_id_or_class_matches_substrings_of_both() -> None:
    page = tree()
    rules = "strip_id_or_class: share\nstrip_id_or_class: 'mai'\nstrip_id_or_class: story"
    applied = apply_site_config(page, config(rules))
    assert [(r.line, r.text[:20]) for r in applied.removed] == [
        (1, "Share this on everyt"),
        (2, "First paragraph of t"),
    ]
    assert page.xpath("//div[@id='main']") == []
    assert "First paragraph" not in text_of(page)


def test_strip_id_or_class_leaves_prose_alone() -> None:
    page = tree()
    applied = apply_site_config(page, config("strip_id_or_class: paragraph"))
    assert applied.removed == ()
    assert "First paragraph" in text_of(page)


def test_strip_image_src() -> None:
    page = tree()
    applied = apply_site_config(page, config("strip_image_src: ads.example\nstrip_image_src: nope"))
    assert [(r.directive, r.line) for r in applied.removed] == [("strip_image_src", 1)]
    assert [img.get("src") for img in page.iter("img")] == ["/photo.jpg"]


def test_metadata_is_read_before_stripping() -> None:
    rules = (
        "strip: //header\ntitle: //h2\ntitle: //meta[@property='og:title']/@content\n"
        "author: //span[@class='byline']\ndate: string(//time/@datetime)"
    )
    applied = apply_site_config(tree(), config(rules))
    assert (applied.title, applied.author, applied.date) == (
        "The Headline",
        "Ann Author",
        "2024-05-01",
    )
    assert [r.directive for r in applied.removed] == ["strip"]


def test_metadata_absent() -> None:
    applied = apply_site_config(tree(), config("title: //h3\nauthor: //p[@class='x']/text()"))
    assert (applied.title, applied.author, applied.date) == (None, None, None)


def test_removed_text_is_collapsed_and_truncated() -> None:
    page = lxml.html.fromstring(f"<div><p>keep</p><aside>{'word  ' * 100}</aside></div>")
    (removal,) = apply_site_config(page, config("strip: //aside")).removed
    assert removal.text == ("word " * 60)[:300]


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("//div[", "invalid XPath"),
        ("//a[contain(@class, 'x')]", "unknown function contain()"),
        ("//div[ends-with(@id, 'x')]", "unknown function ends-with()"),
        ("//div[contains(@class='post')]", "contains() takes 2 arguments, not 1"),
        ("//p[php:functionString('x')]", "unknown function php:functionString()"),
        ("//div[contains(@class, 'a') | contains(@class, 'b')]", "Invalid type"),
    ],
)
def test_broken_xpath_is_reported_once_not_raised(
    expression: str, message: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = f"broken-{abs(hash(expression))}.txt"
    rules = config(
        f"strip: //aside\nstrip: {expression}\nbody: {expression}\nbody: //article", path
    )
    with caplog.at_level(logging.WARNING):
        first = apply_site_config(tree(), rules)
        second = apply_site_config(tree(), rules)
    assert first.body is not None
    assert first.body.tag == "article"
    assert [r.text for r in first.removed] == ["Subscribe now"]
    assert len(first.problems) == 2
    assert first.problems[0].startswith(f"{path}:2: strip: ")
    assert message in first.problems[0]
    assert second.problems == first.problems
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 2


def test_strip_of_a_value_is_reported() -> None:
    applied = apply_site_config(tree(), config("strip: count(//p)"))
    assert applied.problems == ("example.com.txt:1: strip: selects a value, not nodes",)


def test_valid_xpath_compiles() -> None:
    compiled = compile_xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' a ')]")
    assert compiled.error == ""
    assert compiled.xpath is not None


def test_replacements_apply_in_order_as_plain_strings() -> None:
    rules = config("find_string: <amp-img\nreplace_string: <img\nreplace_string(<img): <IMG\n")
    assert apply_replacements("<amp-img src=a.*> <p>", rules) == "<IMG src=a.*> <p>"
    assert apply_replacements("<p>nothing</p>", rules) == "<p>nothing</p>"


# --- validation ----------------------------------------------------------------------------


def test_validate_directory_reports_parse_and_xpath_problems(tmp_path: Path) -> None:
    (tmp_path / "ok.com.txt").write_text("body: //article\nstrip_id_or_class: ad\n")
    (tmp_path / "bad.com.txt").write_text(
        "body: //div[\nwrap_in(b): //p[contain(., 'x')]\nnonsense\n"
    )
    (tmp_path / "LICENSE.txt").write_text("These files are released to the public domain.\n")
    problems = validate_directory(tmp_path)
    assert [p.split(": ")[0].removeprefix(f"{tmp_path}/") for p in problems] == [
        "bad.com.txt:3",
        "bad.com.txt:1",
        "bad.com.txt:2",
    ]


def test_validate_the_real_collection() -> None:
    require(COLLECTION.is_dir(), f"fivefilters collection not found at {COLLECTION}")
    problems = validate_directory(COLLECTION)
    assert len(problems) <= COLLECTION_PROBLEMS, "\n".join(problems)

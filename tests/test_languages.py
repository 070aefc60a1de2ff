"""Pages in scripts written without spaces, or in two languages: the article stays
whole, the menus and footers go, and the language reported is the page's."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean
from cleaner.language import guess_page_language

FIXTURES = Path(__file__).parent.parent / "fixtures"
SCRIPTS = ("ja", "zh", "ko", "th")


def dump(language: str) -> str:
    return (FIXTURES / "text" / "scripts" / f"harbour_{language}.txt").read_text(encoding="utf-8")


def parts(language: str) -> tuple[list[str], list[str]]:
    """The dump's paragraphs (the article) and its menu and footer lines."""
    chunks = dump(language).strip().split("\n\n")
    return chunks[1:-1], chunks[0].splitlines() + chunks[-1].splitlines()


@pytest.mark.parametrize("language", SCRIPTS)
@pytest.mark.parametrize("kind", ["text", "html"])
def test_article_in_a_script_without_spaces_stays_and_its_chrome_goes(
    language: str, kind: str
) -> None:
    document = (
        dump(language)
        if kind == "text"
        else (FIXTURES / "html" / f"harbour_{language}.html").read_text(encoding="utf-8")
    )
    result = clean(document, kind=kind)
    article, chrome = parts(language)
    for paragraph in article:
        assert paragraph in result.text
    for line in chrome:
        assert line not in result.text.splitlines()
    assert result.language == language


def test_a_language_without_a_stoplist_is_judged_by_length() -> None:
    guessed = guess_page_language(dump("ja"))
    assert (guessed.name, guessed.code, guessed.stoplists) == ("Japanese", "ja", ())
    assert guessed.wide and not guess_page_language(dump("th")).wide


def test_korean_is_judged_by_length_though_a_list_exists() -> None:
    guessed = guess_page_language(dump("ko"))
    assert (guessed.stoplists, guessed.wide) == ((), True)


def test_article_in_another_language_than_the_site_chrome_stays() -> None:
    # CLD2 reads the page as 52% German, 47% English: both stoplists count.
    text = (FIXTURES / "text" / "press_release_in_german_site.txt").read_text(encoding="utf-8")
    assert guess_page_language(text).stoplists == ("German", "English")
    result = clean(text, kind="text")
    assert "The company announced on Tuesday that it has completed" in result.text
    assert "is expected to add roughly 300 million euros in annual revenue." in result.text
    assert "Startseite" not in result.text
    assert "Datenschutzerklärung" not in result.text
    assert result.language == "de"


def test_a_single_language_page_uses_its_list_alone() -> None:
    english = "The dog is in the house and it does not want to go out today. " * 5
    guessed = guess_page_language(english)
    assert (guessed.stoplists, guessed.wide) == (("English",), False)


@pytest.mark.parametrize("named", ["ko", "Korean"])
def test_a_named_language_is_reported_by_its_iso_code(named: str) -> None:
    assert clean(dump("ko"), kind="text", language=named).language == "ko"

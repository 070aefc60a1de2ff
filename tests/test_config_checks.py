"""Options are checked when they are given: a bad one raises one clear error naming the
option and what it accepts, instead of doing nothing or failing deep inside a step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cleaner import Config, clean

PAGE_HTML = (
    "<!doctype html><html><head><title>A page</title></head><body><article><p>"
    + "The harbour board met on Tuesday to approve the new ferry timetable. " * 6
    + "</p></article></body></html>"
)


@pytest.mark.parametrize(
    ("options", "error", "words"),
    [
        ({"kind": "pdf"}, ValueError, ["Config.kind", "'auto', 'text', 'html'", "'pdf'"]),
        ({"kind": 1}, TypeError, ["Config.kind", "str"]),
        (
            {"html_extraction": "bogus"},
            ValueError,
            ["Config.html_extraction", "'adaptive', 'precision', 'recall'", "'bogus'"],
        ),
        ({"language": "zz"}, ValueError, ["Config.language", "ISO 639-1", "'en'", "'zz'"]),
        ({"language": "../English"}, ValueError, ["Config.language"]),
        ({"language": 7}, TypeError, ["Config.language"]),
        ({"timeout": -1}, ValueError, ["Config.timeout", "above 0", "-1"]),
        ({"timeout": 0}, ValueError, ["Config.timeout", "None (no limit)"]),
        ({"timeout": float("inf")}, ValueError, ["Config.timeout", "finite"]),
        ({"timeout": "5"}, TypeError, ["Config.timeout"]),
        ({"max_input": 0}, ValueError, ["Config.max_input", "above 0"]),
        ({"max_input": 1.5}, TypeError, ["Config.max_input", "int"]),
        ({"rule_dirs": 3}, TypeError, ["Config.rule_dirs", "tuple or list of folders"]),
        ({"ftr_dirs": [Path("a"), 3]}, TypeError, ["Config.ftr_dirs"]),
        ({"site_rules": "no"}, TypeError, ["Config.site_rules", "True or False"]),
        ({"block_model": 0}, TypeError, ["Config.block_model"]),
        ({"markdown": None}, TypeError, ["Config.markdown"]),
        ({"links": "yes"}, TypeError, ["Config.links", "True or False"]),
        ({"images": 1}, TypeError, ["Config.images", "True or False"]),
        ({"html_fallback": 1}, TypeError, ["Config.html_fallback"]),
        ({"furniture": "a line"}, TypeError, ["Config.furniture", "set of str"]),
        ({"furniture": {1}}, TypeError, ["Config.furniture"]),
    ],
)
def test_a_bad_option_raises_naming_it(
    options: dict[str, Any], error: type[Exception], words: list[str]
) -> None:
    with pytest.raises(error) as raised:
        Config(**options)
    assert all(word in str(raised.value) for word in words), str(raised.value)
    assert "\n" not in str(raised.value)


def test_bad_options_raise_from_clean_too() -> None:
    with pytest.raises(ValueError, match=r"Config\.kind"):
        clean("some text", kind="pdf")
    with pytest.raises(ValueError, match=r"Config\.timeout"):
        clean("some text", timeout=-1)


def test_kind_and_extraction_are_read_without_regard_to_case() -> None:
    assert Config(kind="HTML").kind == "html"
    assert Config(html_extraction="Precision").html_extraction == "precision"
    result = clean(PAGE_HTML, kind="HTML")
    assert result.kind == "html"
    assert "<p>" not in result.text and "<html>" not in result.text
    assert "ferry timetable" in result.text


@pytest.mark.parametrize("language", ["en", "EN", "de", "English", "Norwegian_Bokmal"])
def test_known_languages_are_taken(language: str) -> None:
    assert Config(language=language).language == language


def test_one_folder_given_as_a_str_or_path_is_that_folder(tmp_path: Path) -> None:
    assert Config(rule_dirs=str(tmp_path)).rule_dirs == (tmp_path,)
    assert Config(ftr_dirs=tmp_path).ftr_dirs == (tmp_path,)
    assert Config(rule_dirs=[str(tmp_path), tmp_path]).rule_dirs == (tmp_path, tmp_path)
    assert clean("Some words of a page.", rule_dirs=str(tmp_path)).problem in (None, "no_article")


def test_furniture_is_stored_as_a_frozenset() -> None:
    config = Config(furniture={"home", "about us"})
    assert config.furniture == frozenset({"home", "about us"})
    assert hash(config) == hash(Config(furniture=frozenset({"home", "about us"})))


@pytest.mark.parametrize("document", [None, 42, ["a page"], bytearray(b"a page")])
def test_a_document_that_is_not_str_or_bytes_is_a_type_error(document: object) -> None:
    with pytest.raises(TypeError, match="expected the page as str or bytes, not "):
        clean(document)  # type: ignore[arg-type]


def test_a_url_that_is_not_a_str_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="url as a str or None"):
        clean("a page", b"https://example.com/")  # type: ignore[arg-type]

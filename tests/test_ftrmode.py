"""Fivefilters site configs in HTML mode: strip rules shape the page and are recorded
with file and line, a matching body container is used, a stale one is ignored; and the
rule checker over both rule formats."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from cleaner import clean, ftrmode, htmlmode
from cleaner.config import DEFAULT_CONFIG, Config
from cleaner.ftrmode import body_agrees
from cleaner.results import Metadata
from cleaner.rulecheck import check_directory
from tests.helpers import PROSE

PAGE = f"""<html><head><title>Sea wall</title></head><body>
<div class="promo-box"><p>Subscribe to the Courier print edition for only one euro a week,
delivered to your door every Saturday morning with all our weekend supplements.</p></div>
<div id="story">{"".join(f"<p>{p}</p>" for p in PROSE)}</div>
<div class="teasers"><p>Other news: the ferry timetable changes next month, and the library
reopens after two years of renovation works, the council said on Friday.</p></div>
</body></html>"""
URL = "https://www.courier.example/news/sea-wall"


def _collection(tmp_path: Path, body: str) -> Path:
    (tmp_path / "courier.example.txt").write_text(
        f"# Example Courier\nbody: {body}\nstrip_id_or_class: promo-box\n", encoding="utf-8"
    )
    return tmp_path


def test_strip_rule_removes_and_records_with_file_and_line(tmp_path: Path) -> None:
    ftr = _collection(tmp_path, "//div[@id='story']")
    plain = clean(PAGE, URL, kind="html")
    shaped = clean(PAGE, URL, kind="html", ftr_dirs=(ftr,))
    assert PROSE[0] in shaped.text
    assert "print edition" not in shaped.text
    rules = {r.rule for r in shaped.removed if r.reason == "site_rule"}
    assert rules == {"ftr.courier.example.txt:3:strip_id_or_class"}
    assert not any(r.rule.startswith("ftr.") for r in plain.removed)


def test_body_container_keeps_teasers_out(tmp_path: Path) -> None:
    ftr = _collection(tmp_path, "//div[@id='story']")
    shaped = clean(PAGE, URL, kind="html", ftr_dirs=(ftr,))
    assert "ferry timetable" not in shaped.text
    assert all(p in shaped.text for p in PROSE)


def test_stale_body_rule_falls_back_to_the_whole_page(tmp_path: Path) -> None:
    ftr = _collection(tmp_path, "//div[@id='no-such-container']")
    shaped = clean(PAGE, URL, kind="html", ftr_dirs=(ftr,))
    assert all(p in shaped.text for p in PROSE)


def test_other_hosts_are_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ftr = _collection(tmp_path, "//div[@id='story']")
    monkeypatch.setenv("CLEANER_FTR_PATH", str(ftr))
    other = clean(PAGE, "https://elsewhere.example/a", kind="html")
    assert not any(r.rule.startswith("ftr.") for r in other.removed)
    assert any(r.rule.startswith("ftr.") for r in clean(PAGE, URL, kind="html").removed)


def test_check_directory_passes_the_shipped_rules() -> None:
    shipped = Path(__file__).resolve().parents[1] / "cleaner" / "sites"
    assert check_directory(shipped) == []


def test_check_directory_reports_broken_files(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text('[[drop]]\npattern = "("\n', encoding="utf-8")
    (tmp_path / "bad.example.txt").write_text("strip: //div[\n", encoding="utf-8")
    problems = check_directory(tmp_path)
    assert any("bad.toml" in p for p in problems)
    assert any("bad.example.txt:1" in p for p in problems)
    assert check_directory(tmp_path / "missing") == [f"{tmp_path / 'missing'}: not a directory"]


def test_body_rule_that_adds_what_the_page_article_lacks_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The container's extraction holds text the extractor left out of the whole page's
    article (a stale rule on a teaser box): the page's article wins. The extractor is
    stubbed, so the test does not hang on what trafilatura calls boilerplate."""
    teaser = "Read more: the ferry timetable changes next month, the council said. " * 5

    def extract(
        html: str, url: str | None, config: Config, *, with_metadata: bool = True
    ) -> tuple[Any, Metadata | None, bool]:
        text = teaser if html.startswith("<html><body>") else "\n".join(PROSE)
        return SimpleNamespace(text=text, body=None), None, True  # a Document without a tree

    monkeypatch.setattr(htmlmode, "_extract", extract)
    ftr = _collection(tmp_path, "//div[@id='story']")
    shaped = htmlmode.extract(PAGE, URL, DEFAULT_CONFIG.with_overrides(ftr_dirs=(ftr,)))
    assert shaped.text == "\n".join(PROSE)
    monkeypatch.setattr(ftrmode, "BODY_MIN_AGREEMENT", 0.0)
    assert (
        htmlmode.extract(PAGE, URL, DEFAULT_CONFIG.with_overrides(ftr_dirs=(ftr,))).text == teaser
    )


@pytest.mark.parametrize(
    ("body", "page", "agrees"),
    [
        ("one two three four five six", "zero one two three four five six seven", True),
        ("one two three four five six", "one two three four", False),
        ("anything at all here", "", True),
        ("", "the page", True),
    ],
)
def test_body_agrees_when_the_page_extraction_holds_its_text(
    body: str, page: str, agrees: bool
) -> None:
    assert body_agrees(body, page) is agrees

"""Site rules as data: matching by host and by markers, firing only on the site's
furniture, and user rule directories overriding shipped ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean
from cleaner.errors import RuleFileError
from cleaner.results import Reason
from cleaner.sites import load_rules, parse_rules, select_rules, shipped_rules, site_marks
from tests.helpers import PROSE, page_of


def _rules(name: str):
    return next(r for r in shipped_rules() if r.name == name)


def test_shipped_rules_parse_and_name_their_hosts() -> None:
    names = {r.name for r in shipped_rules()}
    assert {"The Kyiv Independent", "Newsweek", "Daily8"} <= names
    assert _rules("Newsweek").matches_host("www.newsweek.com")
    assert not _rules("Newsweek").matches_host("notnewsweek.com")


def test_selected_by_url_or_by_markers() -> None:
    rules = shipped_rules()
    assert [r.name for r in select_rules(rules, "https://kyivindependent.com/x", [])] == [
        "The Kyiv Independent"
    ]
    lines = ["Newsweek AI is in beta. Translations may contain inaccuracies."]
    assert [r.name for r in select_rules(rules, None, lines)] == ["Newsweek"]
    assert select_rules(rules, "https://example.org/a", PROSE) == []


def test_one_mention_of_a_site_does_not_select_its_rules() -> None:
    lines = ["The Kyiv Independent reported the strike on Thursday.", *PROSE]
    assert select_rules(shipped_rules(), None, lines) == []


def test_newsweek_trust_label_fires_only_on_the_label() -> None:
    label = (
        "Based on facts, either observed and verified firsthand by the reporter, "
        "or reported and verified from knowledgeable sources."
    )
    page = page_of(label, *PROSE)
    marks = site_marks(page, [_rules("Newsweek")])
    assert set(marks) == {0}
    assert marks[0].reason is Reason.DISCLAIMER


def test_kyiv_inline_card_only_inside_the_body() -> None:
    card = "Kyiv doesn't rule out North Korean participation in assault on Sumy, Kharkiv oblasts"
    page = page_of(PROSE[0], card, PROSE[1], "Why It Matters", PROSE[2])
    rules = [_rules("The Kyiv Independent")]
    assert site_marks(page, rules) == {}
    marks = site_marks(page, rules, body=range(0, 5))
    assert set(marks) == {1}
    assert marks[1].reason is Reason.INLINE_RELATED


def test_user_directory_overrides_shipped_file(tmp_path: Path) -> None:
    (tmp_path / "newsweek.com.toml").write_text(
        'name = "Newsweek (mine)"\nhosts = ["newsweek.com"]\n', encoding="utf-8"
    )
    rules = load_rules((tmp_path,))
    assert [r.name for r in rules if r.matches_host("newsweek.com")] == ["Newsweek (mine)"]


def test_user_rules_apply_through_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "courier.toml").write_text(
        'hosts = ["courier.example"]\n[[drop]]\nid = "promo"\npattern = "^Buy the print edition"\n'
        'reason = "promo_line"\n',
        encoding="utf-8",
    )
    text = "\n\n".join([PROSE[0], "Buy the print edition for only one euro a week.", *PROSE[1:]])
    url = "https://courier.example/a"
    assert "Buy the print" in clean(text, url, kind="text").text
    result = clean(text, url, kind="text", rule_dirs=(tmp_path,))
    assert "Buy the print" not in result.text
    assert any(r.rule == "site.courier.promo" for r in result.removed)
    monkeypatch.setenv("CLEANER_RULES_PATH", str(tmp_path))
    assert "Buy the print" not in clean(text, url, kind="text").text


def test_broken_rule_file_names_the_file() -> None:
    with pytest.raises(RuleFileError, match=r"bad\.toml"):
        parse_rules('[[drop]]\npattern = "("\n', "bad.toml")


def _all_drops():
    return [(site, rule) for site in shipped_rules() for rule in site.drops]


@pytest.mark.parametrize(("site", "rule"), _all_drops(), ids=lambda x: getattr(x, "name", ""))
def test_every_shipped_drop_rule_fires_on_its_example(site, rule) -> None:
    assert rule.example, f"{rule.name} has no example line"
    page = page_of(PROSE[0], rule.example, PROSE[1])
    assert set(site_marks(page, [site], body=range(3))) == {1}


def test_no_shipped_drop_rule_fires_on_prose() -> None:
    page = page_of(*PROSE, "Why It Matters", "Russia has not commented on the attack.")
    assert site_marks(page, list(shipped_rules()), body=range(len(page))) == {}

"""A seed's furniture stays in its site's rule file: the generic phrase lists, which
every page gets, hold no pattern made from one site's lines."""

from __future__ import annotations

from cleaner.phrases import category_of
from cleaner.sites import shipped_rules, site_marks
from tests.helpers import PROSE, page_of

DAILY8_PROMO = ["Try Our AI Features", "Explore what Daily8 AI can do for you:"]
"""The aggregator seed's AI-features promo, as its dump prints it."""


def test_daily8_promo_is_no_generic_phrase() -> None:
    for line in DAILY8_PROMO:
        assert category_of(line, len(line.split())) is None, line


def test_daily8_rules_drop_its_promo() -> None:
    daily8 = next(r for r in shipped_rules() if r.name == "Daily8")
    page = page_of(*PROSE[:2], *DAILY8_PROMO, *PROSE[2:])
    marks = site_marks(page, [daily8])
    assert {i: m.rule for i, m in marks.items()} == {
        2: "site.daily8.ai_features_promo",
        3: "site.daily8.ai_promo",
    }

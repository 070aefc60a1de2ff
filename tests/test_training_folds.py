"""The block model's cross-validation: folds group pages by registrable domain, the
thresholds that score a fold are picked without it, and `--reuse` reads a per-user cache."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import benchlib as bl  # a script helper, importable once scripts/ is on the path
import train_block_model as tbm


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://alice.substack.com/p/one", "substack.com"),
        ("https://bob.substack.com/p/two", "substack.com"),
        ("https://uk.glossier.com/products/x", "glossier.com"),
        ("https://glossier.com/", "glossier.com"),
        ("https://news.harvard.edu/gazette/story", "harvard.edu"),
        ("https://www.bbc.co.uk/news/uk-1", "bbc.co.uk"),
        ("https://WWW.Example.COM./a", "example.com"),
        ("http://192.0.2.7:8080/page", "192.0.2.7"),
    ],
)
def test_pages_are_grouped_by_registrable_domain(url: str, site: str) -> None:
    assert tbm.site_of(url, "fallback") == site


def test_a_page_without_a_host_is_its_own_group() -> None:
    assert tbm.site_of("", "page-17") == "page-17"


def test_the_cache_is_per_user(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert tbm.cache_dir() == tmp_path / "cleaner"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert tbm.cache_dir() == tmp_path / "home" / ".cache" / "cleaner"


def _page(n: int) -> tbm.PageRows:
    return tbm.PageRows("set", f"p{n}", f"site{n}", "dump", "", [], [], [], [], [], [])


def test_each_fold_is_scored_with_the_thresholds_best_on_the_other_folds() -> None:
    """Fold 0's pages do best with pair A, fold 1's with pair B: scored nested, each
    fold gets the other fold's choice, so the nested F1 is below either pair's own."""
    a, b = (0.1, 0.5), (0.1, 0.6)
    good, poor = bl.Overlap(0.9, 0.05, 0.05), bl.Overlap(0.5, 0.25, 0.25)
    pages = [_page(n) for n in range(4)]
    folds = [0, 0, 1, 1]
    overlaps = {a: [good, good, poor, poor], b: [poor, poor, good, good]}
    chosen, f1 = tbm.nested(pages, overlaps, folds)
    assert chosen == [b, a]
    assert f1["set/dump"] == pytest.approx(bl.aggregate([poor] * 4).f1)

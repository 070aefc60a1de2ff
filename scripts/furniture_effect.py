"""What learning repeated site furniture adds: F1 of text-mode cleaning with and without
`Config.furniture` learned per host, on the benchmark hosts with two or more pages and
on a synthetic multi-page set made from the seed dumps.

    python scripts/furniture_effect.py [BENCHMARKS] [--min-pages K] [--min-share S]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import cycle
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchlib as bl

from cleaner import Config, Reason, clean
from cleaner import furniture as fu

HEADER = ("set", "rules", "hosts", "pages", "learned lines", "removals",
          "F1 without", "F1 with", "P without", "P with", "R without", "R with")  # fmt: skip
SEEDS = bl.REPO_ROOT / "fixtures" / "text"
SEED_URLS = {
    "seed_kyiv_independent.txt": "https://kyivindependent.com/north-korean-missile/",
    "seed_newsweek_via_aggregator.txt": "https://www.newsweek.com/aggregated-story",
}
"""Hosts the seed dumps came from (the synthetic copies share them)."""

SYNTHETIC_COPIES = 10
"""Pages per synthetic host: enough for the share threshold to mean something."""

MIN_PROSE_CHARS = 120
"""Gold paragraphs at least this long are used as replacement prose."""

HEADLINE_WORDS = 9
"""A stand-in headline: the first words of a prose paragraph."""

DUMP = bl.HTML_TEXT


@dataclass(frozen=True, slots=True)
class Doc:
    host: str
    key: str
    text: str
    url: str
    gold: str


@dataclass(frozen=True, slots=True)
class Effect:
    pages: int
    hosts: int
    learned_lines: int
    furniture_removals: int
    without: bl.Scores
    with_: bl.Scores


def measure(docs: Sequence[Doc], config: Config, min_pages: int, min_share: float) -> Effect:
    """Learn per host on the docs, then score cleaning with and without the result."""
    learned = fu.learn(((d.host, d.text) for d in docs), min_pages=min_pages, min_share=min_share)
    plain, learnt = [], []
    removals = 0
    for d in docs:
        base = clean(d.text, d.url, config=config)
        found = learned.get(d.host, frozenset())
        better = clean(d.text, d.url, config=config.with_overrides(furniture=found))
        removals += sum(r.reason == Reason.REPEATED_FURNITURE for r in better.removed)
        plain.append(bl.overlap(d.gold, base.text))
        learnt.append(bl.overlap(d.gold, better.text))
    return Effect(
        len(docs),
        len({d.host for d in docs}),
        sum(len(v) for v in learned.values()),
        removals,
        bl.aggregate(plain),
        bl.aggregate(learnt),
    )


def benchmark_docs(root: Path, set_name: str) -> list[Doc]:
    """Pages of hosts with two or more pages in the set, as html-text dumps."""
    pages = bl.load_set(set_name, root)
    by_host: dict[str, list[bl.Page]] = {}
    for page in pages:
        host = fu.group_of(page.url)
        if host:
            by_host.setdefault(host, []).append(page)
    return [
        Doc(host, p.url, bl.make_dump(p.html(), DUMP), p.url, p.gold)
        for host, group in sorted(by_host.items())
        if len(group) >= 2
        for p in group
    ]


def prose_pool(root: Path) -> list[str]:
    """Long gold paragraphs of the ScrapingHub pages: stand-in articles."""
    pool: list[str] = []
    for page in bl.load_set(bl.SCRAPINGHUB, root):
        pool.extend(p.strip() for p in page.gold.split("\n") if len(p.strip()) >= MIN_PROSE_CHARS)
    return pool


def synthetic_docs(pool: Sequence[str], copies: int = SYNTHETIC_COPIES) -> list[Doc]:
    """Copies of each seed whose article lines are swapped for other prose, and whose
    headline is swapped for the start of that prose (a headline is not in the gold)."""
    docs = []
    prose = cycle(pool)
    for name, url in SEED_URLS.items():
        dump = (SEEDS / name).read_text(encoding="utf-8")
        result = clean(dump, url, kind="text")
        article = {b.block for b in result.blocks if b.kept}
        titles = {b.block for b in result.blocks if b.reason == Reason.TITLE}
        for n in range(copies):
            lines, gold = _swap(dump, article, titles, lambda: next(prose))
            page_url = f"{url}?page={n}"
            docs.append(Doc(fu.group_of(url) or "", page_url, lines, page_url, gold))
    return docs


def _swap(
    dump: str, article: set[int], titles: set[int], new_prose: Callable[[], str]
) -> tuple[str, str]:
    """The dump with its article blocks replaced (block numbers count non-empty lines)."""
    out, gold = [], []
    block = 0
    for line in dump.splitlines():
        if not line.strip():
            out.append(line)
            continue
        if block in article:
            line = new_prose()
            gold.append(line)
        elif block in titles:
            line = " ".join(new_prose().split()[:HEADLINE_WORDS])
        out.append(line)
        block += 1
    return "\n".join(out), "\n".join(gold)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benchmarks", nargs="?", type=Path, default=bl.DEFAULT_BENCHMARKS)
    parser.add_argument("--min-pages", type=int, default=fu.MIN_PAGES)
    parser.add_argument("--min-share", type=float, default=fu.MIN_SHARE)
    args = parser.parse_args(argv)
    rows = []
    sets = {name: benchmark_docs(args.benchmarks, name) for name in bl.SET_DIRS}
    sets["synthetic"] = synthetic_docs(prose_pool(args.benchmarks))
    for name, docs in sets.items():
        for label, config in (
            ("site rules", Config(kind="text")),
            ("generic", Config(kind="text", site_rules=False)),
        ):
            effect = measure(docs, config, args.min_pages, args.min_share)
            rows.append((name, label, effect))
    print(f"K={args.min_pages} S={args.min_share} (text mode, {DUMP} dumps)\n")
    print("| " + " | ".join(HEADER) + " |")
    print("|---|---|" + "---:|" * (len(HEADER) - 2))
    for name, label, e in rows:
        cells = [name, label, e.hosts, e.pages, e.learned_lines, e.furniture_removals]
        for pair in ((e.without.f1, e.with_.f1), (e.without.precision, e.with_.precision),
                     (e.without.recall, e.with_.recall)):  # fmt: skip
            cells.extend(f"{value:.4f}" for value in pair)
        print("| " + " | ".join(map(str, cells)) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

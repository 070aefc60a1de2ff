"""Which pages print each generic phrase pattern: development hosts, gold bodies, seeds.

Every page of both development sets is dumped (html-text, inscriptis, html2text) and
cut into blocks by `clean` itself (its `--explain` blocks); so are the seed dumps in
fixtures/text/. Each
pattern of `cleaner/data/boilerplate.toml` is then tried on every block the way the
cleaner tries it (a category's `max_words`, an end marker's whole-line match), and the
table gives, per pattern, the development hosts whose dumps print it, the gold lines it
matches, and whether a seed prints it. A pattern that only the seeds print is a seed's
sentence, not a generic rule.

    python scripts/phrase_sources.py [BENCHMARKS] [--only-seeds]
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import benchlib as bl

from cleaner import clean
from cleaner.phrases import BULLET

PHRASES = bl.REPO_ROOT / "cleaner" / "data" / "boilerplate.toml"
END_MARKER_MAX_CHARS = 120
_TRIM = re.compile(r"^[\s#*•·|>-]+|[\s:.…»›→>|▶-]+$")
"""How the cleaner reads a heading before it tries the end markers on it (its length
limit, and the bullets and trailing punctuation trimmed; `cleaner.phrases`)."""
SEEDS = ("seed_kyiv_independent.txt", "seed_newsweek_via_aggregator.txt")


@dataclass(frozen=True, slots=True)
class Pattern:
    group: str
    """The category's name, or "end:<reason>" for an end marker."""
    source: str
    regex: re.Pattern[str]
    max_words: int | None
    """None for an end marker (a whole line of at most END_MARKER_MAX_CHARS)."""

    def fires(self, text: str) -> bool:
        if self.max_words is None:
            if len(text) > END_MARKER_MAX_CHARS:
                return False
            return self.regex.fullmatch(_TRIM.sub("", text)) is not None
        if _words(text) > self.max_words:
            return False
        return self.regex.search(BULLET.sub("", text)) is not None


_WORD = re.compile(r"\w+")


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def load_patterns(path: Path = PHRASES) -> list[Pattern]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    found = [
        Pattern(c["name"], p, re.compile(p, re.I), int(c["max_words"]))
        for c in data["category"]
        for p in c["patterns"]
    ]
    found += [
        Pattern(f"end:{e['reason']}", p, re.compile(p, re.I), None)
        for e in data["end_marker"]
        for p in e["patterns"]
    ]
    return found


def blocks_of(text: str) -> list[str]:
    """The blocks the cleaner cuts a dump into (whatever it then decides on them)."""
    blocks = clean(text, kind="text").to_dict(explain=True)["blocks"]
    return [str(b["text"]) for b in blocks]  # type: ignore[union-attr]


@cache
def _patterns() -> tuple[list[Pattern], re.Pattern[str]]:
    """The patterns, and all of them in one search: a block it misses fires none."""
    patterns = load_patterns()
    return patterns, re.compile("|".join(f"(?:{p.source})" for p in patterns), re.I)


def fired(texts: Iterable[str]) -> Counter[str]:
    """How many of `texts` each pattern fires on (by the pattern's source)."""
    patterns, anything = _patterns()
    counts: Counter[str] = Counter()
    for text in texts:
        if anything.search(BULLET.sub("", text)) or anything.search(_TRIM.sub("", text)):
            counts.update(p.source for p in patterns if p.fires(text))
    return counts


@dataclass(frozen=True, slots=True)
class Found:
    host: str
    in_dumps: Counter[str]
    """Blocks of the page's three dumps each pattern fires on."""
    in_gold: Counter[str]
    """Gold lines each pattern fires on."""


def page_found(page: bl.Page) -> Found:
    html = page.html()
    host = (urlsplit(page.url).hostname or page.page_id).removeprefix("www.")
    texts = {t for dump in bl.DUMP_MAKERS for t in blocks_of(bl.make_dump(html, dump))}
    gold = [line.strip() for line in page.gold.splitlines() if line.strip()]
    return Found(host, fired(texts), fired(gold))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("benchmarks", nargs="?", type=Path, default=bl.DEFAULT_BENCHMARKS)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument(
        "--only-seeds",
        action="store_true",
        help="list only the patterns no development host prints",
    )
    args = parser.parse_args(argv)
    patterns, _ = _patterns()
    all_pages = [p for name in bl.SET_DIRS for p in bl.load_set(name, args.benchmarks)]
    with ProcessPoolExecutor(args.jobs) as pool:
        dev = list(pool.map(page_found, all_pages, chunksize=8))
    hosts: dict[str, set[str]] = defaultdict(set)
    gold: Counter[str] = Counter()
    for found in dev:
        for source in found.in_dumps:
            hosts[source].add(found.host)
        gold.update(found.in_gold)
    seeds: Counter[str] = Counter()
    for name in SEEDS:
        seeds.update(fired(blocks_of((bl.REPO_ROOT / "fixtures" / "text" / name).read_text())))
    print(f"{len(dev)} pages of {len({f.host for f in dev})} hosts, 3 dumps each; seeds: "
          f"{', '.join(SEEDS)}")  # fmt: skip
    print("| group | pattern | dev hosts | gold lines | seed blocks |")
    print("|---|---|---:|---:|---:|")
    for p in patterns:
        n = len(hosts[p.source])
        if args.only_seeds and (n or not seeds[p.source]):
            continue
        shown = p.source.replace("|", "\\|")  # a Markdown cell
        print(f"| {p.group} | `{shown}` | {n} | {gold[p.source]} | {seeds[p.source]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

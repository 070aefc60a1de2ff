"""How `kind="auto"` reads the development sets: every page's HTML, its `<body>`
contents alone (a stand-in for an HTML fragment), and its three text dumps
(html-text, inscriptis, html2text), each counted as read as HTML or as text.

    python scripts/kind_check.py [BENCHMARKS] [--show N] [--measures]

Dumps are read from the cache `scripts/compare_outputs.py` fills
(`~/.cache/cleaner/dumps/<set>/<id>.<kind>.txt.gz`) or made (and not cached) where
missing. The target: no dump is read as HTML and no page as text. `--show N` lists up
to N misread documents per set and kind with their measures; `--measures` prints the
lowest and highest tag share and tags per line per set and kind, where the thresholds
of `cleaner.inputkind` come from. Exit code 0 when no page or dump is misread (body
contents are reported, not required), 1 otherwise.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import benchlib as bl
from compare_outputs import cache_dir

from cleaner.decode import decode
from cleaner.inputkind import looks_like_html, markup_of

HTML = "html"
BODY = "html-body"
KINDS = (HTML, BODY, *bl.DUMP_MAKERS)
EXPECTED_HTML = {HTML: True, BODY: True} | {kind: False for kind in bl.DUMP_MAKERS}
REQUIRED = frozenset({HTML, *bl.DUMP_MAKERS})
"""Kinds whose misreads fail the check; body contents are a harder case, reported."""

_BODY = re.compile(r"<body\b[^>]*>(.*)</body\s*>", re.I | re.S)


def documents(page: bl.Page) -> Iterator[tuple[str, str]]:
    """(kind, text) of each document made from one page."""
    html = page.html()
    yield HTML, html
    body = _BODY.search(html)
    if body is not None:
        yield BODY, body.group(1)
    for kind in bl.DUMP_MAKERS:
        path = cache_dir() / "dumps" / page.set_name / f"{page.page_id}.{kind}.txt.gz"
        if path.exists():
            yield kind, gzip.decompress(path.read_bytes()).decode("utf-8")
        else:
            yield kind, bl.make_dump(html, kind)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benchmarks", nargs="?", type=Path, default=bl.DEFAULT_BENCHMARKS)
    parser.add_argument("--show", type=int, default=0, metavar="N")
    parser.add_argument("--measures", action="store_true")
    args = parser.parse_args(argv)
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misread: dict[tuple[str, str], list[str]] = defaultdict(list)
    measures: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for set_name in bl.LOADERS:
        for page in bl.load_set(set_name, args.benchmarks):
            for kind, document in documents(page):
                text = decode(document).text
                as_html = looks_like_html(text)
                key = (set_name, kind)
                counts[key][0 if as_html else 1] += 1
                markup = markup_of(text)
                measures[key].append((markup.tag_share, markup.tags_per_line))
                if as_html != EXPECTED_HTML[kind]:
                    misread[key].append(
                        f"{page.page_id}: tags {markup.tags}, share {markup.tag_share:.3f}, "
                        f"{markup.tags_per_line:.2f} a line"
                    )
    print(f"{'set':<12} {'kind':<11} {'documents':>9} {'as html':>8} {'as text':>8} misread")
    failed = False
    for (set_name, kind), (as_html, as_text) in sorted(counts.items()):
        wrong = len(misread[(set_name, kind)])
        failed |= bool(wrong) and kind in REQUIRED
        total = as_html + as_text
        print(f"{set_name:<12} {kind:<11} {total:>9} {as_html:>8} {as_text:>8} {wrong:>7}")
        for line in misread[(set_name, kind)][: args.show]:
            print(f"    {line}")
    if args.measures:
        print(f"\n{'set':<12} {'kind':<11} {'share min-max':>15} {'tags/line min-max':>19}")
        for (set_name, kind), values in sorted(measures.items()):
            shares = [s for s, _ in values]
            per_line = [p for _, p in values]
            print(
                f"{set_name:<12} {kind:<11} {min(shares):>6.3f}-{max(shares):<8.3f} "
                f"{min(per_line):>8.2f}-{max(per_line):<10.2f}"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

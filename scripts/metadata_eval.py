"""Measure title, author and publish date against WCXB's gold: exact-match rates for
the cleaner (HTML and text dumps) and for trafilatura, side by side.

What "exact match" means here (documented in docs/accuracy.md, "Metadata"):
- Text is compared after Unicode NFC, folding typographic quotes and dashes to their
  ASCII forms, collapsing whitespace, trimming, and casefolding.
- A date is its first YYYY-MM-DD; gold and found dates match when those are equal.
- An author field is a set of names: split on commas, semicolons, ampersands, "and"
  and "|", each name kept as its letters and digits only ("Ph.D." and "Ph D" are
  one); gold and found match when the two sets are equal, in any order ("A, B and C"
  equals "C; B; A").
- A page whose gold field is empty is left out of that field's rate; a page where a
  system finds nothing for a field with gold counts as a miss.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import benchlib as bl

FIELDS = ("title", "author", "date")
GOLD_KEYS = {"title": "title", "author": "author", "date": "publish_date"}
"""Our field -> the key in WCXB's `ground_truth`."""

CLEANER_HTML = "cleaner:html"
TRAFILATURA_HTML = "trafilatura:html"
DEFAULT_SYSTEMS = (CLEANER_HTML, TRAFILATURA_HTML, "cleaner:text:html-text")
ALL_SYSTEMS = (CLEANER_HTML, TRAFILATURA_HTML, *(f"cleaner:text:{k}" for k in bl.DUMP_MAKERS))

DEFAULT_JOBS = 2
MISSES_LISTED = 40

ERR_UNKNOWN = "unknown system: {name} (choose from {choices})"
ERR_NO_BENCHMARKS = "benchmarks folder not found: {path}"

_FOLDS = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-", "\u00a0": " ", "\u2026": "...",
    }
)  # fmt: skip
_SPACE = re.compile(r"\s+")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_NOT_ALNUM = re.compile(r"[\W_]+")
_NAME_SEPARATORS = re.compile(r"\s*(?:[,;&|/]|\band\b)\s*", re.I)

Meta = dict[str, str | None]
"""field -> value (None when absent)."""


def normalise(text: str) -> str:
    """Text as compared: NFC, ASCII quotes and dashes, one space, trimmed, casefolded."""
    text = unicodedata.normalize("NFC", text).translate(_FOLDS)
    return _SPACE.sub(" ", text).strip().casefold()


def normalise_date(text: str) -> str | None:
    """The first YYYY-MM-DD in a date value, or None."""
    m = _ISO_DATE.search(text)
    return m.group(0) if m else None


def author_names(text: str) -> frozenset[str]:
    """The normalised names of an author field, in no order."""
    names = (_NOT_ALNUM.sub("", n) for n in _NAME_SEPARATORS.split(normalise(text)))
    return frozenset(n for n in names if n)


def matches(field: str, gold: str, found: str | None) -> bool:
    """Whether a found value is an exact match for the gold one (see the module doc)."""
    if not found:
        return False
    if field == "date":
        return normalise_date(gold) is not None and normalise_date(gold) == normalise_date(found)
    if field == "author":
        return author_names(gold) == author_names(found)
    return normalise(gold) == normalise(found)


@dataclass(frozen=True, slots=True)
class Rate:
    matched: int
    pages: int

    @property
    def share(self) -> float:
        return self.matched / self.pages if self.pages else 0.0


def rates(gold: dict[str, Meta], found: dict[str, Meta]) -> dict[str, Rate]:
    """Per field, how many pages with a gold value the system matched exactly."""
    out = {}
    for field in FIELDS:
        judged = [(g[field], found.get(pid, {}).get(field)) for pid, g in gold.items() if g[field]]
        hits = sum(matches(field, g or "", f) for g, f in judged)
        out[field] = Rate(hits, len(judged))
    return out


def load_gold(root: Path) -> dict[str, Meta]:
    """WCXB's gold metadata by page id; empty values as None."""
    folder = root / bl.SET_DIRS[bl.WCXB] / "ground-truth"
    gold = {}
    for path in sorted(folder.glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))["ground_truth"]
        gold[path.stem] = {f: _text(truth.get(GOLD_KEYS[f])) for f in FIELDS}
    return gold


def _text(value: object) -> str | None:
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v)
    return str(value).strip() or None if value else None


def _cleaner(kind: str) -> Callable[[str, str], Meta]:
    def run(document: str, url: str) -> Meta:
        from cleaner import clean

        result = clean(document, url or None, kind=kind)
        return {"title": result.title, "author": result.author, "date": result.date}

    return run


def _trafilatura(document: str, url: str) -> Meta:
    import trafilatura

    doc = trafilatura.bare_extraction(document, url=url or None, with_metadata=True)
    if doc is None:
        return dict.fromkeys(FIELDS)
    return {"title": doc.title, "author": doc.author, "date": doc.date}


def _system(name: str) -> tuple[str | None, Callable[[str, str], Meta]]:
    """(dump kind or None for HTML, the function) of a system name."""
    if name == TRAFILATURA_HTML:
        return None, _trafilatura
    if name == CLEANER_HTML:
        return None, _cleaner("html")
    return name.removeprefix("cleaner:text:"), _cleaner("text")


def run_page(page: bl.Page, systems: Sequence[str]) -> dict[str, Meta]:
    """Every system's metadata for one page (a system that fails finds nothing)."""
    html = page.html()
    dumps: dict[str, str] = {}
    out = {}
    for name in systems:
        kind, run = _system(name)
        try:
            document = html if kind is None else dumps.setdefault(kind, bl.make_dump(html, kind))
            out[name] = run(document, page.url)
        except Exception as exc:  # one page failing must not stop the run
            print(f"{page.page_id} {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            out[name] = dict.fromkeys(FIELDS)
    return out


def run_all(pages: Sequence[bl.Page], systems: Sequence[str], jobs: int) -> dict[str, dict]:
    """system -> page id -> metadata."""
    found: dict[str, dict[str, Meta]] = {name: {} for name in systems}
    if jobs <= 1:
        results: Iterable[dict[str, Meta]] = (run_page(p, systems) for p in pages)
    else:
        pool = ProcessPoolExecutor(max_workers=jobs)
        results = pool.map(run_page, pages, [systems] * len(pages), chunksize=8)
    for page, result in zip(pages, results, strict=True):
        for name, meta in result.items():
            found[name][page.page_id] = meta
    return found


def table(gold: dict[str, Meta], found: dict[str, dict[str, Meta]]) -> list[str]:
    """A markdown table: one row per system, exact-match rate per field."""
    lines = ["| system | " + " | ".join(FIELDS) + " |", "|---" * (len(FIELDS) + 1) + "|"]
    for name, by_page in found.items():
        rs = rates(gold, by_page)
        cells = [f"{r.share:.3f} ({r.matched}/{r.pages})" for r in rs.values()]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def misses(gold: dict[str, Meta], found: dict[str, Meta], field: str) -> list[str]:
    out = []
    for pid, g in gold.items():
        value = g[field]
        got = found.get(pid, {}).get(field)
        if value and not matches(field, value, got):
            out.append(f"{pid}  gold={value!r}  found={got!r}")
    return out


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("benchmarks", nargs="?", type=Path, default=bl.DEFAULT_BENCHMARKS)
    p.add_argument(
        "--systems",
        default=",".join(DEFAULT_SYSTEMS),
        help=f"comma-separated, from: {', '.join(ALL_SYSTEMS)}",
    )
    p.add_argument("--jobs", type=int, default=DEFAULT_JOBS)
    p.add_argument("--limit", type=int, default=0, help="only the first N pages")
    p.add_argument("--misses", metavar="FIELD", choices=FIELDS, help="list a field's misses")
    p.add_argument("--save", type=Path, help="write every system's metadata per page (JSON)")
    p.add_argument("--load", type=Path, help="score metadata saved by --save instead of running")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    systems = [s for s in args.systems.split(",") if s]
    bad = [s for s in systems if s not in ALL_SYSTEMS]
    if bad:
        print("metadata_eval: " + ERR_UNKNOWN.format(name=bad[0], choices=", ".join(ALL_SYSTEMS)),
              file=sys.stderr)  # fmt: skip
        return 2
    if not args.benchmarks.is_dir():
        print("metadata_eval: " + ERR_NO_BENCHMARKS.format(path=args.benchmarks), file=sys.stderr)
        return 2
    gold = load_gold(args.benchmarks)
    pages = bl.load_set(bl.WCXB, args.benchmarks)[: args.limit or None]
    gold = {p.page_id: gold[p.page_id] for p in pages}
    started = time.perf_counter()
    if args.load:
        found = json.loads(args.load.read_text(encoding="utf-8"))
    else:
        found = run_all(pages, systems, args.jobs)
        print(f"ran {len(pages)} pages in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    if args.save:
        args.save.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n")
    print("\n".join(table(gold, found)))
    if args.misses:
        for name, by_page in found.items():
            listed = misses(gold, by_page, args.misses)
            print(f"\n{name}: {len(listed)} {args.misses} misses")
            print("\n".join(listed[:MISSES_LISTED]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

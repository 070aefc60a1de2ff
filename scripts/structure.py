"""Structure scores: headings, list items, table cells and code lines of a markdown output,
matched against WCXB's markdown gold (`ground_truth.main_content_markdown`).

Both sides are parsed with markdown-it-py (CommonMark plus GitHub tables). Figures are
micro-averaged: matches summed over pages, divided by gold (recall) or predicted
(precision) items summed over the same pages; a page whose gold has no item of a kind
is left out of that kind's figures.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, fields

import benchlib as bl
from markdown_it import MarkdownIt
from markdown_it.token import Token

HEADINGS = "headings"
HEADINGS_TEXT = "headings_text"
LIST_ITEMS = "list_items"
TABLE_CELLS = "table_cells"
CODE_LINES = "code_lines"
FIGURES = (HEADINGS, HEADINGS_TEXT, LIST_ITEMS, TABLE_CELLS, CODE_LINES)
"""Element kinds scored; HEADINGS matches text and level, HEADINGS_TEXT text alone."""
WITH_PRECISION = (HEADINGS, HEADINGS_TEXT)
"""Kinds whose precision is reported too; the others are recall only."""

TRAFILATURA_MARKDOWN = "trafilatura-markdown"

DUMP_RATIO_TARGET = 0.8
"""From html-text dumps, heading recall (text and level) at least this share of HTML
mode's (the project's target)."""
TARGET_DUMP = bl.HTML_TEXT

_PARSER = MarkdownIt("commonmark").enable("table")
_CELL_OPENERS = ("th_open", "td_open")


@dataclass(frozen=True, slots=True)
class Structure:
    """The structural items of one markdown text, each normalised for matching."""

    headings: tuple[tuple[str, int], ...] = ()
    list_items: tuple[str, ...] = ()
    table_cells: tuple[str, ...] = ()
    code_lines: tuple[str, ...] = ()


def text_key(text: str) -> str:
    """Text as matched: typography folded, case-folded, `\\w` tokens joined by spaces."""
    return " ".join(bl.tokenize(bl.normalise(text)))


def code_key(line: str) -> str:
    """A code line as matched: its characters, runs of whitespace collapsed (indentation
    is not scored)."""
    return " ".join(line.split())


def _inline_text(token: Token) -> str:
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def parse(markdown: str) -> Structure:
    """The headings (text, level), list items, table cells and code lines of `markdown`.

    A list item's text is its own paragraphs, without its nested lists' items (each of
    those is an item of its own).
    """
    found = _Found()
    open_blocks: list[Token] = []
    for token in _PARSER.parse(markdown):
        if token.nesting == 1:
            open_blocks.append(token)
            if token.type == "list_item_open":
                found.item_texts.append([])
        elif token.nesting == -1:
            open_blocks.pop()
            if token.type == "list_item_close":
                found.items.append(text_key(" ".join(found.item_texts.pop())))
        elif token.type == "inline":
            found.place(_inline_text(token), open_blocks)
        elif token.type in ("fence", "code_block"):
            found.code.extend(code_key(line) for line in token.content.splitlines())
    return Structure(
        tuple(h for h in found.headings if h[0]),
        tuple(i for i in found.items if i),
        tuple(c for c in found.cells if c),
        tuple(c for c in found.code if c),
    )


@dataclass(slots=True)
class _Found:
    """Items gathered while walking one document's tokens."""

    headings: list[tuple[str, int]] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)
    code: list[str] = field(default_factory=list)
    item_texts: list[list[str]] = field(default_factory=list)
    """The paragraphs of each list item still open, innermost last."""

    def place(self, text: str, open_blocks: Sequence[Token]) -> None:
        """File one inline run under the block that holds it."""
        inner = [b for b in open_blocks if b.type != "paragraph_open"]
        if not inner:
            return
        holder = inner[-1]
        if holder.type == "heading_open":
            self.headings.append((text_key(text), int(holder.tag.removeprefix("h"))))
        elif holder.type in _CELL_OPENERS:
            self.cells.append(text_key(text))
        elif holder.type == "list_item_open":
            self.item_texts[-1].append(text)


# --- scoring ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tally:
    """Matched, gold and predicted items of one kind, summed over the pages counted."""

    matched: int = 0
    gold: int = 0
    predicted: int = 0
    pages: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.matched + other.matched,
            self.gold + other.gold,
            self.predicted + other.predicted,
            self.pages + other.pages,
        )

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        return self.matched / self.predicted if self.predicted else None


def tally(gold: Iterable[Hashable], predicted: Iterable[Hashable]) -> Tally:
    """One page's tally of one kind: items matched as multisets; an empty gold counts
    no page (the page is left out of that kind's figures)."""
    want, got = Counter(gold), Counter(predicted)
    if not want:
        return Tally()
    return Tally(sum((want & got).values()), want.total(), got.total(), 1)


def score(gold: Structure, predicted: Structure) -> dict[str, Tally]:
    """One page's tallies, by kind."""
    return {
        HEADINGS: tally(gold.headings, predicted.headings),
        HEADINGS_TEXT: tally((t for t, _ in gold.headings), (t for t, _ in predicted.headings)),
        LIST_ITEMS: tally(gold.list_items, predicted.list_items),
        TABLE_CELLS: tally(gold.table_cells, predicted.table_cells),
        CODE_LINES: tally(gold.code_lines, predicted.code_lines),
    }


def total(pages: Iterable[dict[str, Tally]]) -> dict[str, Tally]:
    """The micro-averaged tallies of many pages."""
    sums = {kind: Tally() for kind in FIGURES}
    for page in pages:
        for kind, t in page.items():
            sums[kind] = sums[kind] + t
    return sums


# --- systems and runs -------------------------------------------------------------

MarkdownSystem = Callable[[str, str], str]
"""(document, url) -> markdown."""


def trafilatura_markdown(html: str, url: str) -> str:
    """trafilatura's markdown output: tables and formatting on; links, images and
    `favor_precision` off (its defaults)."""
    import trafilatura

    extracted = trafilatura.extract(
        html,
        url=url or None,
        output_format="markdown",
        include_tables=True,
        include_formatting=True,
    )
    return extracted or ""


def _cleaner_markdown(kind: str) -> MarkdownSystem:
    def run(document: str, url: str) -> str:
        from cleaner import clean

        return str(getattr(clean(document, url or None, kind=kind), "markdown", ""))

    return run


def cleaner_has_markdown() -> bool:
    """Whether this cleaner's `Result` has `markdown` (its figures are n/a otherwise)."""
    from cleaner import Result

    return hasattr(Result, "markdown") or "markdown" in {f.name for f in fields(Result)}


def systems_of(mode: str) -> dict[str, MarkdownSystem]:
    """The markdown systems scored in `mode` (the cleaner's only when it has markdown)."""
    ours = {bl.CLEANER: _cleaner_markdown("html" if mode == bl.HTML_MODE else "text")}
    if not cleaner_has_markdown():
        ours = {}
    return {TRAFILATURA_MARKDOWN: trafilatura_markdown, **ours} if mode == bl.HTML_MODE else ours


def gold_markdown(page: bl.Page) -> str | None:
    """A WCXB page's markdown gold (None for a page of another set, or without it)."""
    if page.set_name != bl.WCXB:
        return None
    truth_path = page.path.parent.parent / "ground-truth" / f"{page.page_id}.json"
    record = json.loads(truth_path.read_text(encoding="utf-8"))
    markdown = record["ground_truth"].get("main_content_markdown")
    return markdown if isinstance(markdown, str) else None


@dataclass(frozen=True, slots=True)
class PageStructure:
    """One markdown system's tallies on one page in one mode."""

    set_name: str
    page_id: str
    mode: str
    system: str
    tallies: dict[str, Tally]
    error: str | None = None


def run_page(page: bl.Page, modes: Sequence[str]) -> list[PageStructure]:
    """Score every markdown system of `modes` on one page (none if it has no gold)."""
    gold_text = gold_markdown(page)
    if gold_text is None:
        return []
    gold = parse(gold_text)
    html = page.html()
    results = []
    for mode in modes:
        systems = systems_of(mode)
        if not systems:
            continue
        document, dump_error = bl.page_document(html, mode)
        for name, system in systems.items():
            markdown, _, error = bl._timed_call(system, document, page.url)
            tallies = score(gold, parse(markdown))
            results.append(
                PageStructure(page.set_name, page.page_id, mode, name, tallies, dump_error or error)
            )
    return results


def run(
    pages: Sequence[bl.Page], modes: Sequence[str], workers: int, progress: bl.Progress | None
) -> list[PageStructure]:
    """Score the pages in a pool of `workers` processes (in this process when 1)."""
    scored = [p for p in pages if p.set_name == bl.WCXB]
    results: list[PageStructure] = []
    if workers <= 1:
        for done, page in enumerate(scored, start=1):
            results.extend(run_page(page, modes))
            if progress:
                progress(done, len(scored))
        return results
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(run_page, page, modes) for page in scored]
        for done, future in enumerate(as_completed(futures), start=1):
            results.extend(future.result())
            if progress:
                progress(done, len(scored))
    return results


# --- the report -------------------------------------------------------------------

StructureKey = tuple[str, str, str]
"""(set, mode, system)."""


def summarise(results: Iterable[PageStructure]) -> dict[StructureKey, dict[str, Tally]]:
    groups: dict[StructureKey, list[dict[str, Tally]]] = {}
    for r in results:
        groups.setdefault((r.set_name, r.mode, r.system), []).append(r.tallies)
    return {key: total(group) for key, group in groups.items()}


COLUMNS = (
    ("heading P", HEADINGS, "precision"),
    ("heading R", HEADINGS, "recall"),
    ("heading text P", HEADINGS_TEXT, "precision"),
    ("heading text R", HEADINGS_TEXT, "recall"),
    ("list-item R", LIST_ITEMS, "recall"),
    ("table-cell R", TABLE_CELLS, "recall"),
    ("code-line R", CODE_LINES, "recall"),
)
"""Report columns: (header, kind, figure)."""
NOT_AVAILABLE = "n/a"


def figure(tallies: dict[str, Tally] | None, kind: str, which: str) -> float | None:
    if tallies is None:
        return None
    value: float | None = getattr(tallies[kind], which)
    return value


def _cell(value: float | None) -> str:
    return NOT_AVAILABLE if value is None else f"{value:.3f}"


def report_lines(
    summaries: dict[StructureKey, dict[str, Tally]], modes: Sequence[str]
) -> list[str]:
    """The side-by-side table (one row per set, mode and system), the gold's item
    counts, and the targets."""
    header = ("set", "mode", "system", *(c[0] for c in COLUMNS))
    rows = []
    for set_name in sorted({k[0] for k in summaries}):
        for mode in modes:
            for system in (TRAFILATURA_MARKDOWN, bl.CLEANER):
                if mode != bl.HTML_MODE and system != bl.CLEANER:
                    continue
                tallies = summaries.get((set_name, mode, system))
                rows.append(
                    [set_name, mode, system, *(_cell(figure(tallies, k, w)) for _, k, w in COLUMNS)]
                )
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True))
             for row in [header, *rows]]  # fmt: skip
    lines.append(
        "micro-averaged over pages: matches summed over pages / gold (R) or predicted (P) "
        "items summed; pages whose gold has no item of a kind are left out of that kind"
    )
    lines.extend(_gold_counts(summaries))
    lines.extend(target_lines(summaries))
    return lines


def _gold_counts(summaries: dict[StructureKey, dict[str, Tally]]) -> list[str]:
    seen: dict[str, dict[str, Tally]] = {}
    for (set_name, mode, _), tallies in summaries.items():
        if mode == bl.HTML_MODE:
            seen.setdefault(set_name, tallies)
    return [
        f"gold ({set_name}): "
        + ", ".join(f"{t.gold} {kind} on {t.pages} pages" for kind, t in tallies.items())
        for set_name, tallies in sorted(seen.items())
    ]


def target_lines(summaries: dict[StructureKey, dict[str, Tally]]) -> list[str]:
    """Each target beside its figures: met, not met, or n/a."""
    lines = []
    dump_mode = bl.text_mode(TARGET_DUMP)
    for set_name in sorted({k[0] for k in summaries}):
        peer = summaries.get((set_name, bl.HTML_MODE, TRAFILATURA_MARKDOWN))
        ours = summaries.get((set_name, bl.HTML_MODE, bl.CLEANER))
        if peer is not None:
            for header, kind, which in COLUMNS:
                mine, theirs = figure(ours, kind, which), figure(peer, kind, which)
                lines.append(
                    f"target {set_name} html {header} >= trafilatura's: "
                    f"{_cell(mine)} vs {_cell(theirs)}: {_verdict(mine, theirs)}"
                )
        dumped = summaries.get((set_name, dump_mode, bl.CLEANER))
        html_r = figure(ours, HEADINGS, "recall")
        need = None if html_r is None else DUMP_RATIO_TARGET * html_r
        mine = figure(dumped, HEADINGS, "recall")
        lines.append(
            f"target {set_name} {dump_mode} heading R >= {DUMP_RATIO_TARGET} x html's: "
            f"{_cell(mine)} vs {_cell(need)}: {_verdict(mine, need)}"
        )
    return lines


def _verdict(mine: float | None, need: float | None) -> str:
    if mine is None or need is None:
        return NOT_AVAILABLE
    return "met" if mine >= need else "NOT met"


def as_json(summaries: dict[StructureKey, dict[str, Tally]]) -> list[dict[str, object]]:
    return [
        {"set": k[0], "mode": k[1], "system": k[2],
         **{kind: {"matched": t.matched, "gold": t.gold, "predicted": t.predicted,
                   "pages": t.pages} for kind, t in tallies.items()}}
        for k, tallies in sorted(summaries.items())
    ]  # fmt: skip


def errors(results: Iterable[PageStructure]) -> list[str]:
    return [f"{r.set_name} {r.mode} {r.system} {r.page_id}: {r.error}" for r in results if r.error]
